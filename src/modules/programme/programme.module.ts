import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PolicyModule } from '../policy/policy.module';
import { ProgrammeYearController } from './programme-year.controller';
import { ProgrammeYearService } from './programme-year.service';
import { ProgrammeRepository } from './programme.repository';

/** 双进双联: programme years and their policy, pairing, report-ins, micro-wishes, volunteer activities. */
@Module({
  imports: [AuditModule, PolicyModule],
  controllers: [ProgrammeYearController],
  providers: [ProgrammeRepository, ProgrammeYearService],
  exports: [ProgrammeRepository, ProgrammeYearService],
})
export class ProgrammeModule {}
