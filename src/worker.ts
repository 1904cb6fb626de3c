import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { Runtime } from '@temporalio/worker';
import { loadConfig } from './config/load-config';
import { logger } from './common/logging/logger';
import { NestPinoLogger } from './common/logging/nest-pino.logger';
import { WorkerModule } from './worker.module';
import { temporalPinoLogger } from './infra/temporal/temporal-logger';

async function bootstrap(): Promise<void> {
  const config = loadConfig();
  Runtime.install({ logger: temporalPinoLogger() });
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config), {
    logger: new NestPinoLogger(),
  });
  app.enableShutdownHooks();
  logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE }, 'worker 已启动（Temporal + BullMQ）');
}

bootstrap().catch((err: unknown) => {
  logger.fatal({ err }, 'worker 启动失败');
  process.exit(1);
});
