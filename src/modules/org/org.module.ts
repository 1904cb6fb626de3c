import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { OrgController } from './org.controller';
import { OrgRepository } from './org.repository';
import { OrgService } from './org.service';
import { PeopleController } from './people.controller';
import { PeopleRepository } from './people.repository';
import { PeopleService } from './people.service';

@Module({
  imports: [AuditModule],
  controllers: [OrgController, PeopleController],
  providers: [OrgRepository, OrgService, PeopleRepository, PeopleService],
  exports: [OrgRepository, OrgService],
})
export class OrgModule {}
