import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ProgrammeModule } from '../programme/programme.module';
import { ProgrammeDispatchController } from './programme-dispatch.controller';
import { ProgrammeDispatchProgressService } from './programme-dispatch-progress.service';
import { ProgrammeDispatchRepository } from './programme-dispatch.repository';
import { ProgrammeDispatchService } from './programme-dispatch.service';
import { ProgrammeScheduleService } from './programme-schedule.service';
import { ProgrammeInspectionController } from './programme-inspection.controller';
import { ProgrammeInspectionProgressService } from './programme-inspection-progress.service';
import { ProgrammeInspectionRepository } from './programme-inspection.repository';
import { ProgrammeInspectionService } from './programme-inspection.service';

/** 双进双联 rhythm: monthly dispatch reports, inspection rounds and interviews, and the programme's Temporal Schedules. */
@Module({
  imports: [AuditModule, ProgrammeModule],
  controllers: [ProgrammeDispatchController, ProgrammeInspectionController],
  providers: [
    ProgrammeDispatchRepository,
    ProgrammeDispatchProgressService,
    ProgrammeDispatchService,
    ProgrammeScheduleService,
    ProgrammeInspectionRepository,
    ProgrammeInspectionProgressService,
    ProgrammeInspectionService,
  ],
  exports: [ProgrammeDispatchProgressService, ProgrammeInspectionProgressService, ProgrammeScheduleService],
})
export class ProgrammeDispatchModule {}
