import { Module, OnApplicationBootstrap } from '@nestjs/common';
import { logger } from '../../common/logging/logger';
import { AuditModule } from '../audit/audit.module';
import { PolicyController } from './policy.controller';
import { PolicyRepository } from './policy.repository';
import { ProcessPolicyService } from './policy.service';

@Module({
  imports: [AuditModule],
  controllers: [PolicyController],
  providers: [PolicyRepository, ProcessPolicyService],
  exports: [ProcessPolicyService],
})
export class PolicyModule implements OnApplicationBootstrap {
  constructor(private readonly policies: ProcessPolicyService) {}

  async onApplicationBootstrap(): Promise<void> {
    // A database that is down must not stop the API from starting and reporting it on /health; current() retries.
    await this.policies
      .ensureAllDefaults()
      .catch((err: unknown) => logger.warn({ err }, '流程策略初始版本未能写入，将在首次读取时重试'));
  }
}
