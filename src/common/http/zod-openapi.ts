import { z, ZodType } from 'zod';
import type { SchemaObject } from '@nestjs/swagger/dist/interfaces/open-api-spec.interface';

/** The OpenAPI schema of a zod schema, so the document is generated from the same schema that validates. */
export function openApiSchemaOf(schema: ZodType): SchemaObject {
  const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'openapi-3.0', io: 'input' }) as Record<string, unknown>;
  return rest as SchemaObject;
}
