import { Module } from '@nestjs/common';
import { PolicyModule } from '../policy/policy.module';
import { RatingWindowService } from './rating-window.service';

/** Kept apart from RatingModule so the request loop can open a rating window without depending on the rest of it. */
@Module({
  imports: [PolicyModule],
  providers: [RatingWindowService],
  exports: [RatingWindowService],
})
export class RatingWindowModule {}
