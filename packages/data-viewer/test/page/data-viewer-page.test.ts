// The browser side of the viewer in Debian's Chromium, against the kit's RTDB over the official
// firebase web SDK and a real DeviceEventFeed: expand/collapse, flashes, removals leaving, the
// cap on children, and the operation log fed over Server-Sent Events.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';
import { DATA_VIEWER_CSS } from '../../src/style/data-viewer-css.js';
import { DeviceEventFeed } from '../../src/server/device-event-feed.js';
import { launchChromium } from '../helpers/chromium.js';

const resultsDir = fileURLToPath(new URL('../../test-results/', import.meta.url));
const ns = 'viewer-test';
let db: LocalRtdb;
let server: Server;
let feed: DeviceEventFeed;
let baseUrl: string;
let browser: Browser | undefined;

beforeAll(async () => {
  db = await startLocalRtdb();
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL('./viewer-page.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'browser',
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  feed = new DeviceEventFeed();
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="icon" href="data:,"><style>${DATA_VIEWER_CSS}</style></head>
<body><div id="tree"></div><div id="log"></div><div id="lcd"></div><script type="module" src="/app.js"></script></body></html>`;
  server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/app.js') res.writeHead(200, { 'content-type': 'text/javascript' }).end(script);
    else if (path === '/events') feed.handle(req, res);
    else res.writeHead(200, { 'content-type': 'text/html' }).end(html);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  baseUrl = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/`;
  mkdirSync(resultsDir, { recursive: true });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  feed?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  await db?.stop();
});

async function open(path: string, errors: string[]): Promise<Page> {
  browser ??= await launchChromium();
  const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(`${baseUrl}?db=${db.host}&ns=${ns}&path=${encodeURIComponent(path)}`);
  return page;
}

describe('data viewer in Chromium', () => {
  it('draws the live tree: flashes a change, shows a removal leaving, collapses and expands', async () => {
    await db.rest('PUT', 'site', ns, {
      config: { threshold: 10, label: 'x' },
      closed: { a: 1 },
      list: { k1: 1, k2: 2, k3: 3, k4: 4 },
    });
    const errors: string[] = [];
    const page = await open('site', errors);
    await page
      .locator('[data-path="/config/threshold"] .dv-value', { hasText: '10' })
      .waitFor({ timeout: 10_000 });
    expect(await page.textContent('[data-path="/"] > .dv-row .dv-key')).toBe('site');
    expect(await page.textContent('[data-path="/config/label"] .dv-value')).toBe('"x"');
    // At most three children per branch: the last three, with a note for the rest.
    expect(await page.locator('[data-path^="/list/"]').count()).toBe(3);
    expect(await page.locator('[data-path="/list/k1"]').count()).toBe(0);
    expect(await page.textContent('[data-path="/list"] .dv-empty')).toBe('… 1 earlier');
    // Collapsed at first, expanded by its toggle, collapsed again.
    expect(await page.locator('[data-path="/closed/a"]').count()).toBe(0);
    await page.click('[data-path="/closed"] > .dv-row .dv-toggle');
    await page.locator('[data-path="/closed/a"]').waitFor({ timeout: 5000 });
    await page.click('[data-path="/closed"] > .dv-row .dv-toggle');
    await page.locator('[data-path="/closed/a"]').waitFor({ state: 'detached', timeout: 5000 });

    await db.rest('PATCH', 'site/config', ns, { threshold: 42 });
    const threshold = page.locator('[data-path="/config/threshold"]');
    await threshold.locator('.dv-value', { hasText: '42' }).waitFor({ timeout: 5000 });
    expect(await threshold.getAttribute('class')).toContain('dv-changed');
    expect(await page.locator('[data-path="/config/label"]').getAttribute('class')).not.toContain(
      'dv-changed',
    );

    await db.rest('DELETE', 'site/config', ns);
    await page.locator('[data-path="/config"].dv-removed').waitFor({ timeout: 5000 });
    expect(await page.textContent('[data-path="/config/threshold"].dv-removed .dv-value')).toBe('42');
    await page.screenshot({ path: `${resultsDir}data-viewer-tree.png` });
    await page.locator('[data-path="/config"]').waitFor({ state: 'detached', timeout: 10_000 });

    await db.rest('DELETE', 'site', ns);
    await page.locator('[data-path="/"].dv-removed').waitFor({ timeout: 5000 });
    await page
      .locator('[data-path="/"] .dv-value.dv-empty', { hasText: '(empty)' })
      .waitFor({ timeout: 5000 });
    expect(errors).toEqual([]);
  }, 60_000);

  it('shows the device operations newest first, classed by outcome, and the LCD', async () => {
    const errors: string[] = [];
    const page = await open('nothing', errors);
    await page.locator('.dv-log').waitFor({ state: 'attached', timeout: 10_000 });
    const rtdb = 'http://127.0.0.1:9000/devices/u1';
    feed.publish({
      type: 'http',
      method: 'GET',
      url: `${rtdb}/readings.json?ns=a&orderBy=%22%24key%22&limitToLast=3`,
      status: 200,
    });
    feed.publish({
      type: 'http',
      method: 'PATCH',
      url: 'http://127.0.0.1:9000/devices/u2/config.json?ns=a',
      status: 401,
    });
    feed.publish({ type: 'lcd', lines: ['Denied', 'Update refused'] });
    await page.locator('#lcd', { hasText: 'Denied | Update refused' }).waitFor({ timeout: 5000 });
    const rows = page.locator('.dv-op');
    await rows.nth(1).waitFor({ timeout: 5000 });
    expect(await rows.nth(0).getAttribute('class')).toBe('dv-op dv-denied');
    expect(await rows.nth(0).textContent()).toBe('PATCH/devices/u2/config401');
    expect(await rows.nth(1).textContent()).toBe('GET/devices/u1/readings ?orderBy="$key"&limitToLast=3200');
    // max: 2 rows; the oldest goes.
    feed.publish({
      type: 'http',
      method: 'DELETE',
      url: `${rtdb}/readings/-a.json`,
      status: 0,
      error: 'connect-failed',
    });
    await page.locator('.dv-op.dv-network[data-method="DELETE"]').waitFor({ timeout: 5000 });
    expect(await rows.count()).toBe(2);
    expect(await page.getAttribute('.dv-op.dv-network .dv-status', 'title')).toBe('connect-failed');
    expect(errors).toEqual([]);
  }, 60_000);
});
