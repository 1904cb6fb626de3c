import { defaultGrpcRetryOptions, makeGrpcRetryInterceptor } from '@temporalio/client';
import type { GrpcRetryOptions } from '@temporalio/client';

/**
 * The SDK's gRPC retry, made safe to close under. Its backoff timer starts the next attempt on the channel even after
 * `connection.close()`, and grpc-js then throws "Channel has been shut down" from inside the timer: an uncaught
 * exception that kills a worker process (or, in Jest, fails whichever test happens to be running). Once draining, no
 * new retry is scheduled and the failure goes to the caller; `drain()` returns when the retries already scheduled
 * have started, so the connection can then be closed.
 */
export class ClosableGrpcRetry {
  private draining = false;
  private lastRetryAt = 0;
  private readonly defaults: GrpcRetryOptions = defaultGrpcRetryOptions();

  readonly interceptor = makeGrpcRetryInterceptor({
    retryableDecider: (attempt, status) => !this.draining && this.defaults.retryableDecider(attempt, status),
    delayFunction: (attempt, status) => {
      const delay = this.defaults.delayFunction(attempt, status);
      this.lastRetryAt = Math.max(this.lastRetryAt, Date.now() + delay);
      return delay;
    },
  });

  async drain(): Promise<void> {
    this.draining = true;
    const wait = this.lastRetryAt - Date.now();
    // Node fires timers in expiry order, so by this one's turn every retry timer set before it has run
    if (wait >= 0) await new Promise((resolve) => setTimeout(resolve, wait + 1));
  }
}
