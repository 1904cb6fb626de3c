import { AsyncLocalStorage } from 'node:async_hooks';
import type { Principal } from '../auth/principal';

export interface RequestContext {
  correlationId: string;
  ip?: string;
  userAgent?: string;
  principal?: Principal;
  workflowId?: string;
}

/** Per-request (or per-activity) facts the audit trail and the logs need, without threading them through calls. */
export const requestContext = new AsyncLocalStorage<RequestContext>();

export const currentRequest = (): RequestContext | undefined => requestContext.getStore();
