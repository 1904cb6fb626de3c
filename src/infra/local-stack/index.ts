import { LocalPostgres, startLocalPostgres } from './postgres';
import { LocalRedis, startLocalRedis } from './redis';
import { LocalTemporal, startLocalTemporal } from './temporal';
import { dataDir } from './paths';

export interface LocalStackPorts {
  postgres: number;
  redis: number;
  temporal: number;
  temporalUi: number;
}
export interface LocalStackUrls {
  postgresAdminUrl?: string;
  redisUrl?: string;
  temporalAddress?: string;
  temporalUiUrl?: string;
}

/**
 * Starts whichever of PostgreSQL, Redis and Temporal has no URL in the environment,
 * and stops them in reverse order. Used by `npm start`, the benchmarks and the test setup.
 */
export class LocalStack {
  private pg?: LocalPostgres;
  private redis?: LocalRedis;
  private temporal?: LocalTemporal;

  constructor(
    private readonly folder: string,
    private readonly ports: LocalStackPorts,
  ) {}

  async start(need: { postgres: boolean; redis: boolean; temporal: boolean }): Promise<LocalStackUrls> {
    const [pg, redis, temporal] = await Promise.allSettled([
      need.postgres ? startLocalPostgres(dataDir(this.folder, 'postgres'), this.ports.postgres) : undefined,
      need.redis ? startLocalRedis(dataDir(this.folder, 'redis'), this.ports.redis) : undefined,
      need.temporal
        ? startLocalTemporal(dataDir(this.folder, 'temporal'), this.ports.temporal, this.ports.temporalUi)
        : undefined,
    ]);
    this.pg = pg.status === 'fulfilled' ? pg.value : undefined;
    this.redis = redis.status === 'fulfilled' ? redis.value : undefined;
    this.temporal = temporal.status === 'fulfilled' ? temporal.value : undefined;
    const failed = [pg, redis, temporal].find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) {
      await this.stop();
      throw failed.reason;
    }
    return {
      postgresAdminUrl: this.pg?.adminUrl,
      redisUrl: this.redis?.url,
      temporalAddress: this.temporal?.address,
      temporalUiUrl: this.temporal?.uiUrl,
    };
  }

  async stop(): Promise<void> {
    await this.temporal?.process.stop();
    await this.redis?.process.stop();
    await this.pg?.process.stop();
  }

  /** Where the PostgreSQL cluster really lives (outside the project when the project folder is root-only). */
  get postgresDataDir(): string | undefined {
    return this.pg?.dataDir;
  }
}
