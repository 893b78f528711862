import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { STATUS_PAGE_HTML } from './status-page-html.js';

/** What the page shows; built fresh for every `/status.json` request. Holds no token. */
export interface DeviceStatus {
  readonly uid: string;
  readonly lcd: readonly [string, string];
  readonly claims: { iss: unknown; aud: unknown; exp: unknown; signInProvider: unknown };
  /** Token renewals the device logged. */
  readonly renewals: number;
  readonly latest: { ir: number; ts: number } | null;
  /** Number of stored readings. */
  readonly readings: number;
  /** The device's last log lines. */
  readonly log: readonly string[];
}

/** Options of {@link startStatusServer}. */
export interface StatusServerOptions {
  /** Port on 127.0.0.1; `0` picks a free one. */
  readonly port: number;
  /** Collects the current status. */
  readonly status: () => Promise<DeviceStatus>;
}

/** A running status page. */
export interface RunningStatusServer {
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Serves the A4 status page on loopback: `/` is the page, `/status.json` the data it polls.
 * @param options - port and status source
 */
export async function startStatusServer(options: StatusServerOptions): Promise<RunningStatusServer> {
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/' || path === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(STATUS_PAGE_HTML);
      return;
    }
    if (path === '/status.json') {
      options.status().then(
        (status) => {
          res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
          res.end(JSON.stringify(status));
        },
        (error: unknown) => {
          res.writeHead(502, { 'content-type': 'application/json' });
          res.end(JSON.stringify({ error: (error as Error).message }));
        },
      );
      return;
    }
    res.writeHead(404, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: `no page at ${path}` }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    stop: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
