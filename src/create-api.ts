import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './config/env.schema';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { correlationIdMiddleware } from './common/http/correlation-id.middleware';
import { NestPinoLogger } from './common/logging/nest-pino.logger';

export const OPENAPI_JSON_PATH = 'api/docs-json';

/** Builds the HTTP application (used by main.ts and by the tests, so both run the same wiring). */
export async function createApi(config?: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.forRoot(config), { logger: new NestPinoLogger(), bufferLogs: false });
  app.use(correlationIdMiddleware);
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(app, new DocumentBuilder()
    .setTitle('govflow 基层治理流程 API')
    .setDescription('党建引领基层治理：群众诉求闭环、一事一评、双进双联、联调小组')
    .setVersion('0.1.0')
    .build());
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
  return app;
}
