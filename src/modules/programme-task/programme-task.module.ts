import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { PolicyModule } from '../policy/policy.module';
import { ProgrammeModule } from '../programme/programme.module';
import { ProgrammeTaskController } from './programme-task.controller';
import { ProgrammeTaskProgressService } from './programme-task-progress.service';
import { ProgrammeTaskRatingService } from './programme-task-rating.service';
import { ProgrammeTaskRepository } from './programme-task.repository';
import { ProgrammeTaskService } from './programme-task.service';

/** 双进双联 quota tasks: one workflow per task, evidence per the year's policy, confirmed tasks count. */
@Module({
  imports: [AuditModule, CalendarModule, PolicyModule, ProgrammeModule],
  controllers: [ProgrammeTaskController],
  providers: [ProgrammeTaskRepository, ProgrammeTaskService, ProgrammeTaskProgressService, ProgrammeTaskRatingService],
  exports: [ProgrammeTaskProgressService, ProgrammeTaskService, ProgrammeTaskRepository],
})
export class ProgrammeTaskModule {}
