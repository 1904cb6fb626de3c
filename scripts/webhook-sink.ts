import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname } from 'node:path';

/**
 * The local stand-in for an integrator: `npm start` points the signed-webhook channel here, and every delivery
 * is appended to a JSON-lines file, so reminders can be watched leaving the system without any outside service.
 */
export async function startWebhookSink(file: string): Promise<{ url: string; server: Server }> {
  mkdirSync(dirname(file), { recursive: true });
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString('utf8');
    });
    req.on('end', () => {
      appendFileSync(
        file,
        `${JSON.stringify({ at: new Date().toISOString(), signature: req.headers['x-govflow-signature'], body: JSON.parse(body || '{}') as unknown })}\n`,
      );
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhook`, server };
}
