import { z, ZodType } from 'zod';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/**
 * The OpenAPI schema of a zod schema, so the document is generated from the same schema that validates.
 * `input` describes what a request may send; `output` what a response carries: dates travel as ISO 8601 strings.
 */
export function openApiSchemaOf(schema: ZodType, io: 'input' | 'output' = 'input'): SchemaObject {
  const json = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'date')
        Object.assign(ctx.jsonSchema, { type: 'string', format: 'date-time' });
    },
  }) as Record<string, unknown>;
  const { $schema: _ignored, ...rest } = json;
  return rest as SchemaObject;
}
