import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { DeviceEventFeed } from '@iotkit/data-viewer';
import { a5Page } from './a5-page.js';
import type { A5PageConfig } from './page/page-config.js';

/** The most keys one `POST /keys` may press. */
const MAX_KEYS_PER_PRESS = 8;

function isKeypadSequence(keys: unknown): keys is string {
  return (
    typeof keys === 'string' &&
    keys.length >= 1 &&
    keys.length <= MAX_KEYS_PER_PRESS &&
    /^[0-9*#A-D]+$/.test(keys)
  );
}

/** Where the page listens, what it shows, and how it reaches the device. */
export interface A5PageOptions extends A5PageConfig {
  /** The device's events (operation log, LCD); the page reads them at `/events`. */
  readonly feed: DeviceEventFeed;
  /** Presses keys on the device (e.g. `device.press`); without it the keypad answers 503. */
  readonly pressKeys?: (keys: string) => void;
  /** Interface to bind; defaults to `127.0.0.1`. */
  readonly host?: string;
  /** Port; `0` (default) picks a free one. */
  readonly port?: number;
}

/** A running A5 page server. */
export interface RunningA5Page {
  /** Open this in a browser, e.g. `http://127.0.0.1:5174/`. */
  readonly url: string;
  stop(): Promise<void>;
}

const pageEntry = fileURLToPath(new URL('./page/main.ts', import.meta.url));

/** Bundles the page script (firebase web SDK and the data viewer included) once, in memory. */
export async function bundleA5PageScript(): Promise<string> {
  const result = await build({
    entryPoints: [pageEntry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    // Workspace packages point their source entry at TypeScript under this condition.
    conditions: ['@iotkit/source'],
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the A5 page script');
  return file.text;
}

function json(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(body));
}

async function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  let size = 0;
  const chunks: Buffer[] = [];
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

async function handleKeys(
  req: IncomingMessage,
  res: ServerResponse,
  press: ((keys: string) => void) | undefined,
): Promise<void> {
  if (!press) {
    json(res, 503, { error: 'no device is attached to this page' });
    return;
  }
  const text = await readBody(req, 1024);
  if (text === null) {
    json(res, 413, { error: 'the request body is larger than 1024 bytes' });
    return;
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    json(res, 400, { error: 'the body must be JSON like {"keys": "#"}' });
    return;
  }
  const keys = typeof body === 'object' && body !== null ? (body as { keys?: unknown }).keys : undefined;
  if (!isKeypadSequence(keys)) {
    json(res, 400, {
      error: `"keys" must be 1 to ${MAX_KEYS_PER_PRESS} keypad keys (0-9, *, #, A-D), got ${JSON.stringify(keys) ?? 'nothing'}`,
    });
    return;
  }
  press(keys);
  res.writeHead(204).end();
}

/**
 * Serves the A5 page: `/` the page, `/app.js` the bundled script, `/events` the device's event
 * feed (Server-Sent Events), `POST /keys` `{"keys": "#"}` presses keys on the device, `/healthz`
 * a probe. The browser reads the database directly (WebSocket); this server never touches it.
 * @param options - see {@link A5PageOptions}
 */
export async function startA5Page(options: A5PageOptions): Promise<RunningA5Page> {
  const script = await bundleA5PageScript();
  const html = a5Page({
    databaseHost: options.databaseHost,
    namespace: options.namespace,
    projectId: options.projectId,
    uid: options.uid,
    orderBy: options.orderBy,
    prefix: options.prefix,
    ...(options.live !== undefined ? { live: options.live } : {}),
  });
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method === 'POST' && path === '/keys') {
      handleKeys(req, res, options.pressKeys).catch(() =>
        json(res, 500, { error: 'could not press the keys' }),
      );
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      json(
        res,
        405,
        { error: `method ${req.method} not allowed on ${path}` },
        { allow: path === '/keys' ? 'POST' : 'GET, HEAD' },
      );
      return;
    }
    if (path === '/' || path === '/index.html') {
      res
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(html);
    } else if (path === '/app.js') {
      res
        .writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' })
        .end(script);
    } else if (path === '/events') {
      options.feed.handle(req, res);
    } else if (path === '/healthz') {
      json(res, 200, { ok: true });
    } else {
      json(res, 404, { error: `no such page: ${path}` });
    }
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    url: `http://${host}:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
