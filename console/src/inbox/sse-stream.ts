import { currentAccessToken, refreshSession } from '../api/session-token';

export interface StreamEvent {
  event: string;
  data: string;
}

/** Splits a server-sent-event byte stream into events (`event:` and `data:` lines, a blank line ends one). */
export async function* readEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<StreamEvent> {
  const reader = body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value.replace(/\r\n?/g, '\n');
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let event = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) event = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) yield { event, data: data.join('\n') };
    }
  }
}

/**
 * The inbox stream over fetch (EventSource cannot send the Authorization header), reconnecting with back-off;
 * a 401 refreshes the session first. Returns a function that stops it.
 */
export function followInboxStream(onEvent: (e: StreamEvent) => void, onConnected: () => void): () => void {
  const abort = new AbortController();
  void (async () => {
    let delay = 1000;
    while (!abort.signal.aborted) {
      try {
        const token = currentAccessToken();
        const res = await fetch('/api/v1/inbox/stream', {
          headers: { accept: 'text/event-stream', ...(token ? { authorization: `Bearer ${token}` } : {}) },
          signal: abort.signal,
        });
        if (res.status === 401) {
          if (!(await refreshSession())) return;
        } else if (res.ok && res.body) {
          delay = 1000;
          onConnected();
          for await (const e of readEvents(res.body)) onEvent(e);
        }
      } catch {
        if (abort.signal.aborted) return;
      }
      await new Promise((r) => setTimeout(r, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  })();
  return () => abort.abort();
}
