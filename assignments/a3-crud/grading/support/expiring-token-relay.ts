// An ID token lives an hour and a graded test has seconds, so a token cannot really expire
// during a test. This relay stands between the device and the real RTDB and, when armed, answers
// requests exactly as the RTDB answers one carrying an expired token (401, "Auth token is
// expired"); every other request is passed through unchanged.
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';

/** A request the relay saw. */
export interface RelayedRequest {
  readonly method: string;
  /** Path without `.json`, e.g. `/devices/u1/config`. */
  readonly path: string;
  /** What the device got back. */
  readonly status: number;
  /** Whether the relay answered it as expired. */
  readonly expired: boolean;
}

/** A running relay. */
export interface ExpiringTokenRelay {
  /** Give this to the device as its `rtdbUrl`. */
  readonly url: string;
  /** The next `count` requests get the expired-token answer. */
  arm(count: number): void;
  /** Everything relayed so far. */
  requests(): readonly RelayedRequest[];
  stop(): Promise<void>;
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * Starts a relay to `rtdbUrl` on a free loopback port.
 * @param rtdbUrl - the real RTDB's base URL
 */
export async function startExpiringTokenRelay(rtdbUrl: string): Promise<ExpiringTokenRelay> {
  const target = rtdbUrl.replace(/\/$/, '');
  const seen: RelayedRequest[] = [];
  let armed = 0;
  const server: Server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://relay');
      const path = decodeURIComponent(url.pathname.replace(/\.json$/, ''));
      const payload = await body(req);
      if (armed > 0) {
        armed -= 1;
        seen.push({ method: req.method ?? 'GET', path, status: 401, expired: true });
        res.writeHead(401, { 'content-type': 'application/json' }).end('{"error":"Auth token is expired"}');
        return;
      }
      const answer = await fetch(`${target}${url.pathname}${url.search}`, {
        method: req.method ?? 'GET',
        ...(payload.length > 0 ? { body: payload.toString('utf8') } : {}),
        headers: { 'content-type': req.headers['content-type'] ?? 'application/json' },
      });
      const text = await answer.text();
      seen.push({ method: req.method ?? 'GET', path, status: answer.status, expired: false });
      res
        .writeHead(answer.status, {
          'content-type': answer.headers.get('content-type') ?? 'application/json',
        })
        .end(text);
    })().catch((error: Error) => {
      res
        .writeHead(502, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: error.message }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    arm: (count) => {
      armed = count;
    },
    requests: () => [...seen],
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback URL where nothing listens: a port that was free a moment ago. */
export async function deadRtdbUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
