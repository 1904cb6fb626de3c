import { UnrecoverableError } from 'bullmq';

/**
 * POSTs JSON with a timeout. 5xx, 429 and network errors throw a retryable error; any other 4xx is final
 * (the provider rejected the message itself, so retrying cannot help).
 */
export async function postJson(
  url: string,
  body: unknown,
  headers: Record<string, string>,
  timeoutMs: number,
): Promise<void> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const reason =
      err instanceof Error && err.name === 'TimeoutError'
        ? `超时（${timeoutMs} ms）`
        : `网络错误：${(err as Error).message}`;
    throw new Error(reason, { cause: err });
  }
  if (res.ok) return;
  const text = (await res.text().catch(() => '')).slice(0, 200);
  if (res.status >= 500 || res.status === 429) throw new Error(`HTTP ${res.status} ${text}`);
  throw new UnrecoverableError(`HTTP ${res.status} ${text}`);
}
