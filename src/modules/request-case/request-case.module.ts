import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { OrgModule } from '../org/org.module';
import { PolicyModule } from '../policy/policy.module';
import { CaseRatingWindowModule } from '../case-rating/case-rating-window.module';
import { CalendarChangedProcessor } from './calendar-changed.processor';
import { RequestCaseProgressService } from './request-case-progress.service';
import { CaseUpdatesService } from './case-updates.service';
import { CoHandlingController } from './co-handling.controller';
import { CoHandlingRepository } from './co-handling.repository';
import { CoHandlingService } from './co-handling.service';
import { CoHandlingProgressService } from './co-handling-progress.service';
import { MyRequestCaseController } from './my-request-case.controller';
import { RequestCaseController } from './request-case.controller';
import { RequestCaseRepository } from './request-case.repository';
import { RequestCaseService } from './request-case.service';

@Module({
  imports: [AuditModule, OrgModule, PolicyModule, CalendarModule, CaseRatingWindowModule],
  controllers: [RequestCaseController, CoHandlingController, MyRequestCaseController],
  providers: [
    RequestCaseRepository,
    RequestCaseService,
    CaseUpdatesService,
    RequestCaseProgressService,
    CoHandlingRepository,
    CoHandlingService,
    CoHandlingProgressService,
    CalendarChangedProcessor,
  ],
  exports: [RequestCaseProgressService, CoHandlingProgressService, RequestCaseRepository],
})
export class RequestCaseModule {}
