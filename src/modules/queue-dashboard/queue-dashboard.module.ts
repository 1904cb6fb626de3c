import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthModule } from '../auth/auth.module';
import { RedisModule } from '../../infra/redis/redis.module';
import { QueueDashboardAccessService } from './queue-dashboard-access.service';
import { QueueDashboardController } from './queue-dashboard.controller';

@Module({
  imports: [AuditModule, AuthModule, RedisModule],
  controllers: [QueueDashboardController],
  providers: [QueueDashboardAccessService],
  exports: [QueueDashboardAccessService],
})
export class QueueDashboardModule {}
