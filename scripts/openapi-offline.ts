import { NestFactory } from '@nestjs/core';
import type { OpenAPIObject } from '@nestjs/swagger';
import { AppModule } from '../src/app.module';
import { loadConfig } from '../src/config/load-config';
import { buildOpenApiDocument } from '../src/common/http/openapi-document';

/**
 * The same document the API serves, built in Nest's preview mode: the module graph and the controllers' decorators,
 * without connecting to PostgreSQL, Redis or Temporal (the addresses below are never dialled).
 */
export async function buildDocumentOffline(): Promise<OpenAPIObject> {
  const config = loadConfig({
    DATABASE_URL: 'postgresql://offline@127.0.0.1:1/offline',
    REDIS_URL: 'redis://127.0.0.1:1',
    TEMPORAL_ADDRESS: '127.0.0.1:1',
    AUTH_TOKEN_SECRET: 'offline-document-only-never-signs-anything',
    LOG_LEVEL: 'error',
  });
  const app = await NestFactory.create(AppModule.forRoot(config), {
    preview: true,
    logger: false,
    abortOnError: false,
  });
  try {
    return buildOpenApiDocument(app);
  } finally {
    await app.close();
  }
}
