import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { dashboardPage } from './dashboard-page.js';
import type { DashboardConfig } from './page/dashboard-config.js';

/** Where the dashboard listens and what it shows. */
export interface DashboardOptions extends DashboardConfig {
  /** Interface to bind; defaults to `127.0.0.1`. */
  readonly host?: string;
  /** Port; `0` (default) picks a free one. */
  readonly port?: number;
}

/** A running dashboard server. */
export interface RunningDashboard {
  /** Open this in a browser, e.g. `http://127.0.0.1:5173/`. */
  readonly url: string;
  stop(): Promise<void>;
}

const pageEntry = fileURLToPath(new URL('./page/main.ts', import.meta.url));

/** Bundles the page script (firebase web SDK and the data viewer included) once, in memory. */
export async function bundleDashboardScript(): Promise<string> {
  const result = await build({
    entryPoints: [pageEntry],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    // Workspace packages (the data viewer) point their source entry at TypeScript under this condition.
    conditions: ['@iotkit/source'],
    logLevel: 'silent',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('esbuild produced no output for the dashboard script');
  return file.text;
}

/**
 * Serves the A2 dashboard: `/` is the page, `/app.js` the bundled script, `/healthz` a probe.
 * The browser talks to the RTDB directly (WebSocket); this server only hands out files.
 */
export async function startDashboard(options: DashboardOptions): Promise<RunningDashboard> {
  const script = await bundleDashboardScript();
  const html = dashboardPage({
    databaseHost: options.databaseHost,
    namespace: options.namespace,
    projectId: options.projectId,
    uid: options.uid,
  });
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res
        .writeHead(405, { 'content-type': 'application/json', allow: 'GET, HEAD' })
        .end(JSON.stringify({ error: `method ${req.method} not allowed` }));
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
    } else if (path === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
    } else {
      res
        .writeHead(404, { 'content-type': 'application/json' })
        .end(JSON.stringify({ error: `no such page: ${path}` }));
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
