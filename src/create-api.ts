import { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { SwaggerModule } from '@nestjs/swagger';
import { AppModule } from './app.module';
import type { AppConfig } from './config/env.schema';
import { AllExceptionsFilter } from './common/errors/all-exceptions.filter';
import { correlationIdMiddleware } from './common/http/correlation-id.middleware';
import { methodNotAllowed } from './common/http/method-not-allowed';
import { buildOpenApiDocument } from './common/http/openapi-document';
import { NestPinoLogger } from './common/logging/nest-pino.logger';
import { refuseNulCharacters } from './common/http/refuse-nul-characters';
import { mountQueueDashboard } from './modules/queue-dashboard/queue-dashboard.mount';

export const OPENAPI_JSON_PATH = 'api/docs-json';

/** Builds the HTTP application (used by main.ts and by the tests, so both run the same wiring). */
export async function createApi(config?: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), {
    logger: new NestPinoLogger(),
    bufferLogs: false,
  });
  app.use(correlationIdMiddleware);
  // the same parsers Nest would add at init (it skips its own when these are present), registered here so that
  // refuseNulCharacters below sees the parsed body
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: true });
  app.use(refuseNulCharacters);
  mountQueueDashboard(app);
  app.useGlobalFilters(new AllExceptionsFilter());
  app.enableShutdownHooks();
  const document = buildOpenApiDocument(app);
  app.use(methodNotAllowed(document.paths));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH });
  return app;
}
