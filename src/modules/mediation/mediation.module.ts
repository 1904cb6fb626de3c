import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { OrgModule } from '../org/org.module';
import { PolicyModule } from '../policy/policy.module';
import { MediationAgreementService } from './mediation-agreement.service';
import { MediationController } from './mediation.controller';
import { MediationProgressService } from './mediation-progress.service';
import { MediationRepository } from './mediation.repository';
import { MediationService } from './mediation.service';

/** 联调小组: disputes taken on by joint mediation panels, from intake to agreement, referral and follow-up visits. */
@Module({
  imports: [AuditModule, OrgModule, PolicyModule, CalendarModule],
  controllers: [MediationController],
  providers: [MediationRepository, MediationService, MediationProgressService, MediationAgreementService],
  exports: [MediationProgressService, MediationService, MediationAgreementService],
})
export class MediationModule {}
