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
import { MyCasesController } from './my-cases.controller';
import { RequestCaseController } from './request-case.controller';
import { RequestCaseRepository } from './request-case.repository';
import { RequestCaseService } from './request-case.service';

@Module({
  imports: [AuditModule, OrgModule, PolicyModule, CalendarModule, RatingWindowModule],
  controllers: [RequestCaseController, MyCasesController, CaseMeasuresController],
  providers: [RequestCaseRepository, RequestCaseService, CaseProgressService, CaseMeasuresRepository, CaseMeasuresService, CalendarChangedProcessor],
  exports: [CaseProgressService, RequestCaseRepository],
})
export class RequestCaseModule {}
