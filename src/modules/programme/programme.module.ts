import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { PolicyModule } from '../policy/policy.module';
import { CompletionController } from './completion.controller';
import { CompletionRepository } from './completion.repository';
import { CompletionService } from './completion.service';
import { MicroWishController } from './micro-wish.controller';
import { MicroWishRepository } from './micro-wish.repository';
import { MicroWishService } from './micro-wish.service';
import { PairingController } from './pairing.controller';
import { PairingRepository } from './pairing.repository';
import { PairingService } from './pairing.service';
import { ProgrammeYearController } from './programme-year.controller';
import { ProgrammeYearService } from './programme-year.service';
import { ProgrammeVisibilityService } from './programme-visibility.service';
import { ProgrammeRepository } from './programme.repository';
import { VolunteerController } from './volunteer.controller';
import { VolunteerRepository } from './volunteer.repository';
import { VolunteerService } from './volunteer.service';

/** 双进双联: programme years and their policy, pairing and report-ins, micro-wishes, volunteer activities. */
@Module({
  imports: [AuditModule, PolicyModule],
  controllers: [
    ProgrammeYearController,
    PairingController,
    MicroWishController,
    VolunteerController,
    CompletionController,
  ],
  providers: [
    ProgrammeRepository,
    ProgrammeYearService,
    ProgrammeVisibilityService,
    PairingRepository,
    PairingService,
    MicroWishRepository,
    MicroWishService,
    VolunteerRepository,
    VolunteerService,
    CompletionRepository,
    CompletionService,
  ],
  exports: [ProgrammeRepository, ProgrammeYearService, ProgrammeVisibilityService],
})
export class ProgrammeModule {}
