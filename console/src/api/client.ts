import createClient from 'openapi-fetch';
import type { paths } from '../../../api-types/openapi';
import { authedFetch } from './session-token';

/** The typed API client (types generated from the API's OpenAPI document into api-types/). */
export const api = createClient<paths>({ baseUrl: '', fetch: authedFetch });

export interface ApiError {
  code: string;
  message: string;
  correlationId?: string;
}

/** The API's Chinese message for a refusal (every error answer carries `{ code, message }`). */
export function errorMessage(error: unknown, fallback = '操作失败，请稍后重试'): string {
  const e = error as Partial<ApiError> | undefined;
  return typeof e?.message === 'string' && e.message ? e.message : fallback;
}

type Paths = paths;
export type CaseDetail = Paths['/api/v1/cases/{id}']['get']['responses'][200]['content']['application/json'];
export type CaseRow = Paths['/api/v1/cases']['get']['responses'][200]['content']['application/json']['items'][number];
export type InboxMessage =
  Paths['/api/v1/inbox']['get']['responses'][200]['content']['application/json']['items'][number];
export type AuditEntry =
  Paths['/api/v1/audit']['get']['responses'][200]['content']['application/json']['items'][number];
export type Me = Paths['/api/v1/auth/me']['get']['responses'][200]['content']['application/json'];
