import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrgModule } from '../org/org.module';
import { DutyController } from './duty.controller';
import { DutyRepository } from './duty.repository';
import { DutyService } from './duty.service';

@Module({ imports: [AuditModule, OrgModule], controllers: [DutyController], providers: [DutyRepository, DutyService] })
export class DutyModule {}
