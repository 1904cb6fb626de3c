import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProgrammeModule } from '../programme/programme.module';
import { ProgrammeDispatchController } from './programme-dispatch.controller';
import { ProgrammeDispatchProgressService } from './programme-dispatch-progress.service';
import { ProgrammeDispatchRepository } from './programme-dispatch.repository';
import { ProgrammeDispatchService } from './programme-dispatch.service';
import { ProgrammeScheduleService } from './programme-schedule.service';

/** 双进双联 rhythm: the monthly dispatch reports and the programme's Temporal Schedules. */
@Module({
  imports: [AuditModule, ProgrammeModule],
  controllers: [ProgrammeDispatchController],
  providers: [
    ProgrammeDispatchRepository,
    ProgrammeDispatchProgressService,
    ProgrammeDispatchService,
    ProgrammeScheduleService,
  ],
  exports: [ProgrammeDispatchProgressService, ProgrammeScheduleService],
})
export class ProgrammeDispatchModule {}
