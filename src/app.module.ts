import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/env.schema';
import { PrismaModule } from './infra/prisma/prisma.module';
import { QueueModule } from './infra/queue/queue.module';
import { RedisModule } from './infra/redis/redis.module';
import { TemporalClientModule } from './infra/temporal/temporal-client.module';
import { HealthModule } from './modules/health/health.module';
import { WiringCheckModule } from './modules/wiring-check/wiring-check.module';

/** Modules shared by the API and the worker process. */
export const domainModules = [WiringCheckModule];

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [ConfigModule.forRoot(config), PrismaModule, RedisModule, QueueModule, TemporalClientModule, HealthModule, ...domainModules],
    };
  }
}
