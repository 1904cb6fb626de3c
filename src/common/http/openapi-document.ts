import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ERROR_BODY_COMPONENT, errorBodyRef, errorBodySchema, errorDescriptionOf, ErrorStatus } from './api-responses';
import { openApiSchemaOf } from './zod-openapi';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'options', 'head', 'trace'] as const;

interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, unknown>;
}

/** The API's OpenAPI document: the controllers' decorators, plus the error statuses every route shares. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('govflow 基层治理流程 API')
      .setDescription(
        '党建引领基层治理：群众诉求闭环、一事一评、双进双联、联调小组。' +
          '错误一律返回 ErrorBody { code, message, details?, correlationId }；路径存在但方法不支持时返回 405 并带 Allow 头。',
      )
      .setVersion('0.1.0')
      .addBearerAuth()
      .build(),
  );
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [ERROR_BODY_COMPONENT]: openApiSchemaOf(errorBodySchema, 'output') },
  };
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (operation) addSharedErrors(path, operation);
    }
  }
  return document;
}

/**
 * Statuses that follow from the route's shape: any input can be invalid (400), a bearer route can be called
 * without a valid token (401), a path naming a record can name one that is missing or out of scope (404), and
 * anything can fail unexpectedly (500). Route-specific ones (403, 409, 423, 429, 503) come from the decorators.
 */
function addSharedErrors(path: string, operation: Operation): void {
  const statuses: ErrorStatus[] = [500];
  if (operation.parameters?.length || operation.requestBody) statuses.push(400);
  if (operation.security?.length) statuses.push(401);
  if (path.includes('{')) statuses.push(404);
  for (const status of statuses) operation.responses[status] ??= { description: errorDescriptionOf(status) };
  // errors are JSON even where the success body is not (CSV export, event stream); /health's 503 is its report
  for (const [status, response] of Object.entries(operation.responses)) {
    if (Number(status) >= 400 && !(path === '/health' && status === '503')) {
      (response as { content?: unknown }).content = { 'application/json': { schema: errorBodyRef } };
    }
  }
}
