import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { startDashboard } from '../../../companion/dashboard/src/dashboard-server.js';
import type { RunningDashboard } from '../../../companion/dashboard/src/dashboard-server.js';
import { launchChromium } from '../../helpers/chromium.js';
import { startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';

const resultsDir = fileURLToPath(new URL('../../../test-results/', import.meta.url));
const ns = 'dash-test';
const uid = 'device-uid-1';
let db: LocalRtdb;
let dashboard: RunningDashboard;
let browser: Browser | undefined;

beforeAll(async () => {
  db = await startLocalRtdb();
  dashboard = await startDashboard({ databaseHost: db.host, namespace: ns, projectId: 'demo-iotkit', uid });
});
afterAll(async () => {
  await browser?.close();
  await dashboard?.stop();
  await db?.stop();
});

describe('dashboard server', () => {
  it('serves the page, the bundled script and clear errors', async () => {
    const page = await fetch(dashboard.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`"uid":"${uid}"`);
    const script = await fetch(new URL('/app.js', dashboard.url));
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(10_000);
    const missing = await fetch(new URL('/nope', dashboard.url));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no such page: /nope' });
    const post = await fetch(dashboard.url, { method: 'POST' });
    expect(post.status).toBe(405);
  });
});

describe('dashboard in Chromium', () => {
  it('shows live readings, the angle, the LCD and the connection state', async () => {
    browser = await launchChromium();
    const page = await browser.newPage({ viewport: { width: 1100, height: 560 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(dashboard.url);
    await page.locator('#connection', { hasText: 'connected' }).waitFor({ timeout: 10_000 });

    const base = `devices/${uid}`;
    for (const ir of [800, 1600, 2400, 3000]) {
      await db.rest('POST', `${base}/readings`, ns, { ir, ts: { '.sv': 'timestamp' } });
    }
    await db.rest('PUT', `${base}/latest`, ns, { ir: 3000, ts: { '.sv': 'timestamp' } });
    await db.rest('PUT', `${base}/servo`, ns, { angle: 132, source: 'function', ts: { '.sv': 'timestamp' } });
    await db.rest('PUT', `${base}/lcd`, ns, { line1: 'IR 3000', line2: 'Angle 132' });

    await page.locator('#angle', { hasText: '132°' }).waitFor({ timeout: 5000 });
    await page.locator('#reading-count', { hasText: '4' }).waitFor({ timeout: 5000 });
    expect(await page.textContent('#latest-ir')).toBe('3000');
    expect(await page.textContent('#angle-source')).toBe('function');
    expect((await page.textContent('#lcd-line1'))?.trimEnd()).toBe('IR 3000');
    expect((await page.textContent('#lcd-line2'))?.trimEnd()).toBe('Angle 132');
    const points = (await page.getAttribute('#chart-line', 'points')) ?? '';
    expect(points.split(' ')).toHaveLength(4);
    // 132° points up and to the right of the gauge's centre (110, 110).
    expect(Number(await page.getAttribute('#needle', 'x2'))).toBeGreaterThan(110);

    // A new reading moves the page again without a reload.
    await db.rest('PUT', `${base}/servo`, ns, { angle: 10, source: 'device', ts: { '.sv': 'timestamp' } });
    await page.locator('#angle', { hasText: '10°' }).waitFor({ timeout: 5000 });
    // The data tree shows the subtree live: the changed angle flashes, readings start collapsed.
    const angleNode = page.locator('#data-tree [data-path="/servo/angle"]');
    await angleNode.locator('.dv-value', { hasText: '10' }).waitFor({ timeout: 5000 });
    expect(await angleNode.getAttribute('class')).toContain('dv-changed');
    expect(await page.textContent('#data-tree [data-path="/lcd/line1"] .dv-value')).toBe('"IR 3000"');
    expect(await page.textContent('#data-tree [data-path="/readings"] .dv-count')).toBe('{4}');
    expect(await page.locator('#data-tree [data-path^="/readings/"]').count()).toBe(0);
    mkdirSync(resultsDir, { recursive: true });
    await page.screenshot({ path: `${resultsDir}dashboard.png`, fullPage: true });
    expect(errors).toEqual([]);
  });
});
