import { DefaultLogger, LogLevel, LogMetadata } from '@temporalio/worker';
import { logger } from '../../common/logging/logger';

const pinoLevel: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/** Temporal's worker, workflow and activity logs as pino JSON; their metadata carries workflowId and runId. */
export function temporalPinoLogger(): DefaultLogger {
  return new DefaultLogger('INFO', ({ level, message, meta }) => {
    logger[pinoLevel[level]]({ component: 'temporal', ...(meta as LogMetadata) }, message);
  });
}
