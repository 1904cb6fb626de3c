import type { NextFunction, Request, Response } from 'express';
import { DomainError } from '../errors/domain-error';
import { toErrorBody } from '../errors/to-error-body';
import { correlationIdOf } from './correlation-id.middleware';

const hasNul = (value: unknown): boolean => {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object')
    return Object.entries(value).some(([key, v]) => key.includes('\u0000') || hasNul(v));
  return false;
};

/**
 * PostgreSQL text cannot hold U+0000, so a NUL anywhere in the path, query or JSON body is refused with 400 before
 * guards, pipes or workflows see it: otherwise it fails a write (500), or an activity's write retries for ever.
 * Runs after the body parsers (see create-api.ts).
 */
export function refuseNulCharacters(req: Request, res: Response, next: NextFunction): void {
  if (!/%00/i.test(req.originalUrl) && !hasNul(req.body)) return next();
  const { status, body } = toErrorBody(
    new DomainError('VALIDATION_FAILED', '请求中含有空字符（\\u0000），无法保存，请删除后重试'),
    correlationIdOf(req),
  );
  res.status(status).json(body);
}
