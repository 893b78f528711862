// The baseline: a bare node:http server that does what a minimal JSON store must do per request
// (read the body, JSON.parse it, keep it in a Map, JSON.stringify the reply) and nothing else.
import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** Starts the baseline on a free loopback port. */
export async function startBareServer(): Promise<{ url: string; server: Server }> {
  const store = new Map<string, unknown>();
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const key = (req.url ?? '/').split('?')[0]!;
      let reply: unknown;
      if (req.method === 'PUT') {
        reply = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        store.set(key, reply);
      } else if (req.method === 'PATCH') {
        const changes = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        const current = store.get(key);
        store.set(key, { ...(typeof current === 'object' && current !== null ? current : {}), ...changes });
        reply = changes;
      } else if (req.method === 'POST') {
        const name = randomBytes(10).toString('base64url');
        store.set(`${key}/${name}`, JSON.parse(Buffer.concat(chunks).toString('utf8')));
        reply = { name };
      } else {
        reply = store.get(key) ?? null;
      }
      const body = JSON.stringify(reply);
      res.writeHead(200, {
        'Content-Type': 'application/json; charset=utf-8',
        'Content-Length': Buffer.byteLength(body),
      });
      res.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}
