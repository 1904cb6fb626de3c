import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { WiringCheckController } from './wiring-check.controller';
import { WiringCheckRepository } from './wiring-check.repository';
import { WiringCheckService } from './wiring-check.service';
import { WiringEchoProcessor } from './wiring-echo.processor';

@Module({
  imports: [AuditModule],
  controllers: [WiringCheckController],
  providers: [WiringCheckRepository, WiringCheckService, WiringEchoProcessor],
  exports: [WiringCheckService],
})
export class WiringCheckModule {}
