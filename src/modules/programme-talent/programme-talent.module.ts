import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CalendarModule } from '../calendar/calendar.module';
import { ProgrammeModule } from '../programme/programme.module';
import { ProgrammeTaskModule } from '../programme-task/programme-task.module';
import { ProgrammeTalentController } from './programme-talent.controller';
import { ProgrammeTalentRepository } from './programme-talent.repository';
import { ProgrammeTalentService } from './programme-talent.service';

/** 双进双联 人才超市: skills, needs ranked by distance, a chosen match becomes a quota task. */
@Module({
  imports: [AuditModule, CalendarModule, ProgrammeModule, ProgrammeTaskModule],
  controllers: [ProgrammeTalentController],
  providers: [ProgrammeTalentRepository, ProgrammeTalentService],
})
export class ProgrammeTalentModule {}
