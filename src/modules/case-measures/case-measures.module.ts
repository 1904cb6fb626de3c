import { Module } from '@nestjs/common';
import { CaseMeasuresController } from './case-measures.controller';
import { CaseMeasuresRepository } from './case-measures.repository';
import { CaseMeasuresService } from './case-measures.service';

/** 三率 over resident requests and their ratings: read-only aggregates, so it depends on no process module. */
@Module({
  controllers: [CaseMeasuresController],
  providers: [CaseMeasuresRepository, CaseMeasuresService],
})
export class CaseMeasuresModule {}
