import { Module } from '@nestjs/common';
import { PointsController } from './points.controller';
import { PointsRepository } from './points.repository';
import { PointsService } from './points.service';

/** The points ledger shared by the processes that credit or charge points (一事一评 ratings, reversed by yellow-card appeals). */
@Module({
  controllers: [PointsController],
  providers: [PointsRepository, PointsService],
  exports: [PointsRepository],
})
export class PointsModule {}
