import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { OrgModule } from '../org/org.module';
import { PointsModule } from '../points/points.module';
import { PolicyModule } from '../policy/policy.module';
import { RequestCaseModule } from '../request-case/request-case.module';
import { CaseRatingProgressService } from './case-rating-progress.service';
import { CaseRatingRepository } from './case-rating.repository';
import { CaseRatingService } from './case-rating.service';
import { CaseRatingWindowModule } from './case-rating-window.module';
import { MyCaseRatingController } from './my-case-rating.controller';

/** 一事一评: the reporter rates a closed case once within its window; the rating credits points or issues yellow cards. */
@Module({
  imports: [
    AuditModule,
    OrgModule,
    PolicyModule,
    CalendarModule,
    RequestCaseModule,
    CaseRatingWindowModule,
    PointsModule,
  ],
  controllers: [MyCaseRatingController],
  providers: [CaseRatingRepository, CaseRatingService, CaseRatingProgressService],
  exports: [CaseRatingProgressService, CaseRatingRepository],
})
export class CaseRatingModule {}
