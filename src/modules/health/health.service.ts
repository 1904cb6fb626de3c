import { Injectable } from '@nestjs/common';
import { RedisService } from '../../infra/redis/redis.service';
import { TemporalClientService } from '../../infra/temporal/temporal-client.service';
import { HealthRepository } from './health.repository';

export interface DependencyHealth {
  status: 'up' | 'down';
  latencyMs: number;
  error?: string;
}
export interface HealthReport {
  status: 'ok' | 'degraded';
  checks: Record<'database' | 'redis' | 'temporal', DependencyHealth>;
}

const CHECK_TIMEOUT_MS = 3_000;

@Injectable()
export class HealthService {
  constructor(
    private readonly repository: HealthRepository,
    private readonly redis: RedisService,
    private readonly temporal: TemporalClientService,
  ) {}

  async report(): Promise<HealthReport> {
    const [database, redis, temporal] = await Promise.all([
      probe(() => this.repository.ping()),
      probe(() => this.redis.ping()),
      probe(async () => {
        await this.temporal.connection.ensureConnected();
        await this.temporal.connection.healthService.check({});
      }),
    ]);
    const allUp = [database, redis, temporal].every((c) => c.status === 'up');
    return { status: allUp ? 'ok' : 'degraded', checks: { database, redis, temporal } };
  }
}

async function probe(check: () => Promise<void>): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`超时 ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { status: 'up', latencyMs: elapsed(started) };
  } catch (err) {
    return { status: 'down', latencyMs: elapsed(started), error: err instanceof Error ? err.message : String(err) };
  } finally {
    clearTimeout(timer);
  }
}

const elapsed = (since: number) => Math.round((performance.now() - since) * 10) / 10;
