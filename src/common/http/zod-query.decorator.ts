import { applyDecorators, Query } from '@nestjs/common';
import { ApiQuery } from '@nestjs/swagger';
import type { ZodObject, ZodRawShape } from 'zod';
import { ZodValidationPipe } from './zod-validation.pipe';
import { openApiSchemaOf } from './zod-openapi';

/** Documents every query parameter of a zod object schema in OpenAPI. */
export const ApiZodQuery = (schema: ZodObject<ZodRawShape>) => {
  const json = openApiSchemaOf(schema) as { properties?: Record<string, object>; required?: string[] };
  return applyDecorators(
    ...Object.entries(json.properties ?? {}).map(([name, property]) =>
      ApiQuery({ name, required: json.required?.includes(name) ?? false, schema: property }),
    ),
  );
};

export const ZodQuery = <T>(schema: ZodObject<ZodRawShape> & { _output: T }) =>
  Query(new ZodValidationPipe<T>(schema as never));
