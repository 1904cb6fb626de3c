import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { AuthController } from './auth.controller';
import { AuthRepository } from './auth.repository';
import { AuthService } from './auth.service';
import { PrincipalLoader } from './principal.loader';

@Module({
  imports: [AuditModule],
  controllers: [AuthController],
  providers: [AuthRepository, AuthService, PrincipalLoader],
  exports: [AuthService, PrincipalLoader],
})
export class AuthModule {}
