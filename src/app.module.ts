import { DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import type { AppConfig } from './config/env.schema';
import { PrismaModule } from './infra/prisma/prisma.module';
import { QueueModule } from './infra/queue/queue.module';
import { RedisModule } from './infra/redis/redis.module';
import { TemporalClientModule } from './infra/temporal/temporal-client.module';
import { HealthModule } from './modules/health/health.module';
import { WiringCheckModule } from './modules/wiring-check/wiring-check.module';
import { AccessModule } from './modules/access/access.module';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { CalendarModule } from './modules/calendar/calendar.module';
import { DutyModule } from './modules/duty/duty.module';
import { NotificationModule } from './modules/notification/notification.module';
import { OrgModule } from './modules/org/org.module';
import { PolicyModule } from './modules/policy/policy.module';
import { PolicyMigrationModule } from './modules/policy-migration/policy-migration.module';
import { RequestCaseModule } from './modules/request-case/request-case.module';
import { ConsoleModule } from './modules/console/console.module';
import { CaseMeasuresModule } from './modules/case-measures/case-measures.module';
import { CaseRatingModule } from './modules/case-rating/case-rating.module';
import { YellowCardModule } from './modules/yellow-card/yellow-card.module';
import { MediationModule } from './modules/mediation/mediation.module';
import { PointsModule } from './modules/points/points.module';
import { QueueDashboardModule } from './modules/queue-dashboard/queue-dashboard.module';
import { TemporalUiModule } from './modules/temporal-ui/temporal-ui.module';
import { ProgrammeModule } from './modules/programme/programme.module';
import { ProgrammeTaskModule } from './modules/programme-task/programme-task.module';
import { ProgrammeDispatchModule } from './modules/programme-dispatch/programme-dispatch.module';
import { ProgrammeTalentModule } from './modules/programme-talent/programme-talent.module';

/** Modules shared by the API and the worker process. */
export const domainModules = [
  NotificationModule,
  AuditModule,
  OrgModule,
  DutyModule,
  CalendarModule,
  PolicyModule,
  WiringCheckModule,
  RequestCaseModule,
  CaseMeasuresModule,
  CaseRatingModule,
  YellowCardModule,
  MediationModule,
  PointsModule,
  PolicyMigrationModule,
  ProgrammeModule,
  ProgrammeTaskModule,
  ProgrammeDispatchModule,
  ProgrammeTalentModule,
];

@Module({})
export class AppModule {
  static forRoot(config?: AppConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        PrismaModule,
        RedisModule,
        QueueModule,
        TemporalClientModule,
        HealthModule,
        ...domainModules,
        AuthModule,
        AccessModule,
        ConsoleModule.forRoot(),
        QueueDashboardModule,
        TemporalUiModule,
      ],
    };
  }
}
