import { existsSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Starts Debian's Chromium headless; fails with the install command when it is missing. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: apt-get install chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

// The page's view of the web SDK: one app per page, driven by the test through `window.harness`.
const ENTRY = `
import { initializeApp } from 'firebase/app';
import { connectDatabaseEmulator, enableLogging, getDatabase, onDisconnect, onValue, ref, set } from 'firebase/database';
const logs = [];
const seen = {};
let db;
window.harness = {
  logs, seen,
  connect(port, ns) {
    enableLogging((line) => logs.push(line));
    const app = initializeApp({ projectId: 'demo-iotkit', databaseURL: 'http://127.0.0.1:' + port + '?ns=' + ns });
    db = getDatabase(app);
    connectDatabaseEmulator(db, '127.0.0.1', port);
  },
  listen(path) {
    seen[path] = [];
    onValue(ref(db, path), (snap) => seen[path].push(snap.val()), (error) => seen[path].push({ error: String(error) }));
  },
  set(path, value) { return set(ref(db, path), value).then(() => 'ok', (error) => String(error)); },
  onDisconnectSet(path, value) { return onDisconnect(ref(db, path)).set(value).then(() => 'ok', (error) => String(error)); },
};
`;

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** A page server for the browser tests: `/` (optionally without WebSocket) and the SDK bundle. */
export interface TestPageServer {
  /** Page URL; add `?nows=1` to hide WebSocket from the SDK, leaving only long-polling. */
  url: string;
  close(): Promise<void>;
}

/** Bundles the web SDK with esbuild and serves it with a tiny page on 127.0.0.1. */
export async function startTestPage(): Promise<TestPageServer> {
  const bundle = await build({
    stdin: { contents: ENTRY, resolveDir: PACKAGE_DIR, loader: 'js', sourcefile: 'harness.js' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]!.text;
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/harness.js') {
      res.writeHead(200, { 'Content-Type': 'application/javascript' });
      res.end(script);
      return;
    }
    if (url.pathname === '/') {
      // Flag a failed WebSocket before the SDK loads, as a browser does after one failed attempt.
      const hideWebSocket = url.searchParams.get('nows') === '1' ? 'window.WebSocket = undefined;' : '';
      res.writeHead(200, { 'Content-Type': 'text/html' });
      res.end(
        `<!doctype html><html><body><script>localStorage.setItem('firebase:previous_websocket_failure','true');${hideWebSocket}</script>` +
          `<script src="/harness.js"></script></body></html>`,
      );
      return;
    }
    res.writeHead(404);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
