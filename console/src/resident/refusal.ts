import { errorMessage } from '../api/client';

/** The API's Chinese message; for a validation refusal, the field messages it carries (more useful than the field names). */
export function refusalText(error: unknown, fallback = '操作失败，请稍后重试'): string {
  const details = (error as { details?: { message?: string }[] } | undefined)?.details;
  const messages = Array.isArray(details) ? details.map((d) => d.message).filter(Boolean) : [];
  return messages.length ? messages.join('；') : errorMessage(error, fallback);
}
