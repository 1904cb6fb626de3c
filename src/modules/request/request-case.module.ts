import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { OrgModule } from '../org/org.module';
import { PolicyModule } from '../policy/policy.module';
import { RatingWindowModule } from '../rating/rating-window.module';
import { CaseMeasuresController } from './case-measures.controller';
import { CaseMeasuresRepository } from './case-measures.repository';
import { CaseMeasuresService } from './case-measures.service';
import { CalendarChangedProcessor } from './calendar-changed.processor';
import { CaseProgressService } from './case-progress.service';
import { CaseUpdatesService } from './case-updates.service';
import { CoHandlerController } from './co-handler.controller';
import { CoHandlerRepository } from './co-handler.repository';
import { CoHandlerService } from './co-handler.service';
import { CoHandlingProgressService } from './co-handling-progress.service';
import { MyCasesController } from './my-cases.controller';
import { RequestCaseController } from './request-case.controller';
import { RequestCaseRepository } from './request-case.repository';
import { RequestCaseService } from './request-case.service';

@Module({
  imports: [AuditModule, OrgModule, PolicyModule, CalendarModule, RatingWindowModule],
  controllers: [RequestCaseController, CoHandlerController, MyCasesController, CaseMeasuresController],
  providers: [
    RequestCaseRepository, RequestCaseService, CaseUpdatesService, CaseProgressService, CoHandlerRepository, CoHandlerService, CoHandlingProgressService,
    CaseMeasuresRepository, CaseMeasuresService, CalendarChangedProcessor,
  ],
  exports: [CaseProgressService, CoHandlingProgressService, RequestCaseRepository],
})
export class RequestCaseModule {}
