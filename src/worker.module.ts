import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/env.schema';
import { PrismaModule } from './infra/prisma/prisma.module';
import { QueueModule } from './infra/queue/queue.module';
import { RedisModule } from './infra/redis/redis.module';
import { QueueWorkersModule } from './infra/queue/queue-workers.module';
import { TemporalClientModule } from './infra/temporal/temporal-client.module';
import { TemporalWorkerModule } from './infra/temporal/temporal-worker.module';
import { domainModules } from './app.module';
import { NotificationWorkerModule } from './modules/notification/notification-worker.module';
import { CalendarWorkerModule } from './modules/calendar/calendar-worker.module';

@Module({})
export class WorkerModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        ConfigModule.forRoot(config),
        PrismaModule,
        RedisModule,
        QueueModule,
        TemporalClientModule,
        ...domainModules,
        NotificationWorkerModule,
        CalendarWorkerModule,
        QueueWorkersModule,
        TemporalWorkerModule,
      ],
    };
  }
}
