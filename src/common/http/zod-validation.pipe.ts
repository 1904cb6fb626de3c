import { PipeTransform } from '@nestjs/common';
import type { ZodType } from 'zod';
import { DomainError } from '../errors/domain-error';

/** Validates at the edge; unknown keys are stripped (zod's default for objects). */
export class ZodValidationPipe<T> implements PipeTransform<unknown, T> {
  constructor(private readonly schema: ZodType<T>) {}

  transform(value: unknown): T {
    const parsed = this.schema.safeParse(value);
    if (parsed.success) return parsed.data;
    const issues = parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    throw new DomainError(
      'VALIDATION_FAILED',
      `请求参数无效：${issues.map((i) => i.path || '(body)').join(', ')}`,
      issues,
    );
  }
}
