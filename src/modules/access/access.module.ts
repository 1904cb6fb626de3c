import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { OrgModule } from '../org/org.module';
import { AccessGuard } from './access.guard';
import { PolicyService } from './policy.service';

@Module({
  imports: [AuthModule, OrgModule],
  providers: [PolicyService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [PolicyService],
})
export class AccessModule {}
