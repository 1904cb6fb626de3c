import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import { logContext } from '../logging/logger';
import { requestContext } from './request-context';

const HEADER = 'x-correlation-id';
const ACCEPTED = /^[\w.:-]{1,100}$/;

/** Reuses the caller's correlation id when it is sane, otherwise makes one; echoes it and binds it to logs and audit. */
export function correlationIdMiddleware(req: Request, res: Response, next: NextFunction): void {
  const incoming = req.header(HEADER);
  const correlationId = incoming && ACCEPTED.test(incoming) ? incoming : randomUUID();
  (req as Request & { correlationId: string }).correlationId = correlationId;
  res.setHeader(HEADER, correlationId);
  const context = { correlationId, ip: req.ip, userAgent: req.header('user-agent') };
  requestContext.run(context, () => logContext.run({ correlationId }, next));
}

export function correlationIdOf(req: Request): string {
  return (req as Request & { correlationId?: string }).correlationId ?? randomUUID();
}
