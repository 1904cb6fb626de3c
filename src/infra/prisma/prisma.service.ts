import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../../generated/prisma/client';
import { APP_CONFIG } from '../../config/config.module';
import type { AppConfig } from '../../config/env.schema';

@Injectable()
export class PrismaService extends PrismaClient implements OnApplicationShutdown {
  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    // A transaction waits for a pooled connection as long as a new connection may take, not Prisma's default 2 s.
    // Prisma's 5 s default for the whole transaction refused to commit finished intake work on a loaded 2-core
    // machine (7 s with CPU starved); PostgreSQL's own timeouts still apply.
    super({
      transactionOptions: { maxWait: 5_000, timeout: 15_000 },
      adapter: new PrismaPg({
        connectionString: config.DATABASE_URL,
        connectionTimeoutMillis: 5_000,
        max: config.DATABASE_POOL_SIZE,
      }),
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.$disconnect();
  }
}
