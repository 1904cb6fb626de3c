import pino from 'pino';
import { AsyncLocalStorage } from 'node:async_hooks';

/** Fields bound to the current request or job (correlationId, workflowId, caseId …), added to every log line. */
export const logContext = new AsyncLocalStorage<Record<string, unknown>>();

export const logger = pino({
  level: process.env.LOG_LEVEL ?? 'info',
  base: { service: process.env.GOVFLOW_PROCESS ?? 'govflow' },
  timestamp: pino.stdTimeFunctions.isoTime,
  mixin: () => logContext.getStore() ?? {},
});
