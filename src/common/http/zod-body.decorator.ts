import { applyDecorators, Body } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import type { ZodType } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';
import { openApiSchemaOf } from './zod-openapi';

/** Documents a route's body in OpenAPI from its zod schema. Pair with `@Body(new ZodValidationPipe(schema))`. */
export const ApiZodBody = (schema: ZodType) => applyDecorators(ApiBody({ schema: openApiSchemaOf(schema) }));

export const ZodBody = <T>(schema: ZodType<T>) => Body(new ZodValidationPipe(schema));
