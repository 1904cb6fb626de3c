import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CaseRatingModule } from '../case-rating/case-rating.module';
import { OrgModule } from '../org/org.module';
import { PointsModule } from '../points/points.module';
import { PolicyModule } from '../policy/policy.module';
import { YellowCardController } from './yellow-card.controller';
import { YellowCardProgressService } from './yellow-card-progress.service';
import { YellowCardRepository } from './yellow-card.repository';
import { YellowCardService } from './yellow-card.service';

/** 黄牌预警: cards a one-star rating issues; an upheld appeal strikes the rating out and reverses its points. */
@Module({
  imports: [AuditModule, OrgModule, PolicyModule, CaseRatingModule, PointsModule],
  controllers: [YellowCardController],
  providers: [YellowCardRepository, YellowCardService, YellowCardProgressService],
  exports: [YellowCardProgressService],
})
export class YellowCardModule {}
