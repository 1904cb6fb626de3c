import { CircuitOpenError } from '../../../infra/queue/job-catalog';

/**
 * Per-channel breaker: after `threshold` consecutive failures the channel is open for `cooldownMs`;
 * then one trial call decides whether it closes again. Kept per worker process on purpose: each worker
 * stops hammering a failing provider on its own, and the queue pause it triggers is shared through Redis.
 */
export class CircuitBreaker {
  private failures = 0;
  private openUntil = 0;

  constructor(
    readonly channel: string,
    private readonly threshold: number,
    private readonly cooldownMs: number,
    private readonly now = Date.now,
  ) {}

  async run<T>(call: () => Promise<T>): Promise<T> {
    const remaining = this.openUntil - this.now();
    if (remaining > 0) throw new CircuitOpenError(remaining, `${this.channel} 通道熔断中，${remaining} ms 后重试`);
    try {
      const result = await call();
      this.failures = 0;
      return result;
    } catch (err) {
      this.failures += 1;
      if (this.failures >= this.threshold) this.openUntil = this.now() + this.cooldownMs;
      throw err;
    }
  }

  get isOpen(): boolean {
    return this.openUntil > this.now();
  }
}
