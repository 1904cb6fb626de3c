import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { CaseRatingWindowService } from './case-rating-window.service';

/** Kept apart from CaseRatingModule so the request loop can open a rating window without depending on the rest of it. */
@Module({
  imports: [PolicyModule],
  providers: [CaseRatingWindowService],
  exports: [CaseRatingWindowService],
})
export class CaseRatingWindowModule {}
