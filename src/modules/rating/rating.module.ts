import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { OrgModule } from '../org/org.module';
import { PolicyModule } from '../policy/policy.module';
import { RequestCaseModule } from '../request/request-case.module';
import { MyRatingController } from './my-rating.controller';
import { PointsController } from './points.controller';
import { PointsService } from './points.service';
import { RatingMeasuresRepository } from './rating-measures.repository';
import { RatingProgressService } from './rating-progress.service';
import { RatingRepository } from './rating.repository';
import { RatingService } from './rating.service';
import { RatingWindowModule } from './rating-window.module';
import { YellowCardController } from './yellow-card.controller';
import { YellowCardProgressService } from './yellow-card-progress.service';
import { YellowCardService } from './yellow-card.service';

@Module({
  imports: [AuditModule, OrgModule, PolicyModule, CalendarModule, RequestCaseModule, RatingWindowModule],
  controllers: [MyRatingController, YellowCardController, PointsController],
  providers: [RatingRepository, RatingMeasuresRepository, RatingService, RatingProgressService, YellowCardProgressService, YellowCardService, PointsService],
  exports: [RatingProgressService, YellowCardProgressService],
})
export class RatingModule {}
