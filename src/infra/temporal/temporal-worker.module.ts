import { Module } from '@nestjs/common';
import { TemporalWorkerService } from './temporal-worker.service';

@Module({ providers: [TemporalWorkerService] })
export class TemporalWorkerModule {}
