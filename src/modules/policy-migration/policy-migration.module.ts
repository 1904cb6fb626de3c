import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { OrgModule } from '../org/org.module';
import { PolicyModule } from '../policy/policy.module';
import { PolicyMigrationProgressService } from './policy-migration-progress.service';
import { PolicyMigrationController } from './policy-migration.controller';
import { PolicyMigrationRepository } from './policy-migration.repository';
import { PolicyMigrationService } from './policy-migration.service';

@Module({
  imports: [AuditModule, OrgModule, PolicyModule, CalendarModule],
  controllers: [PolicyMigrationController],
  providers: [PolicyMigrationRepository, PolicyMigrationService, PolicyMigrationProgressService],
  exports: [PolicyMigrationProgressService],
})
export class PolicyMigrationModule {}
