// The A3 page in Debian's Chromium against the real pieces: the kit's RTDB and the Auth emulator,
// the reference firmware as a virtual device, the page server with its event feed. The keypad on
// the page drives the device; an update, a delete and a denied write must each show on the page.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { DeviceEventFeed } from '@iotkit/data-viewer';
import { buildAppDevice, startDevice } from '@iotkit/devices';
import type { DeviceHandle } from '@iotkit/devices';
import { startA3Page } from '../../../companion/page/src/a3-page-server.js';
import type { RunningA3Page } from '../../../companion/page/src/a3-page-server.js';
import { A3_FIRMWARE_DIR } from '../../../src/a3-paths.js';
import { launchChromium } from '../../helpers/chromium.js';
import { startTestBackend } from '../../helpers/local-backend.js';
import type { TestAccount, TestBackend } from '../../helpers/local-backend.js';

const resultsDir = fileURLToPath(new URL('../../../test-results/', import.meta.url));
const stops: Array<() => Promise<unknown>> = [];
let backend: TestBackend;
let executable: string;
let browser: Browser | undefined;

interface Running {
  device: DeviceHandle;
  page: RunningA3Page;
}

function startDeviceWithPage(account: TestAccount, app: Record<string, unknown>): Promise<Running> {
  const feed = new DeviceEventFeed();
  const device = startDevice({
    executable,
    maxRunMs: 120_000,
    onEvent: (event) => feed.publish(event),
    config: {
      rtdbUrl: backend.rtdbUrl,
      namespace: backend.namespace,
      authUrl: backend.authUrl,
      apiKey: 'demo-key',
      email: account.email,
      password: account.password,
      app,
    },
  });
  stops.push(
    () => device.stop(),
    async () => feed.close(),
  );
  return startA3Page({
    databaseHost: new URL(backend.rtdbUrl).host,
    namespace: backend.namespace,
    projectId: 'demo-iotkit',
    uid: account.uid,
    feed,
    pressKeys: (keys) => device.press(keys),
  }).then((page) => {
    stops.push(() => page.stop());
    return { device, page };
  });
}

/** Opens a page and records uncaught errors and console errors. */
async function open(url: string, errors: string[]): Promise<Page> {
  browser ??= await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 720 } });
  page.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console error: ${m.text()}`);
  });
  await page.goto(url);
  await page.locator('#connection', { hasText: 'connected' }).waitFor({ timeout: 15_000 });
  return page;
}

async function pressOnPage(page: Page, keys: string): Promise<void> {
  for (const key of keys) await page.click(`#keypad button[data-key="${key}"]`);
}

const lcdLine = (page: Page, n: 1 | 2): Promise<string> =>
  page
    .locator(`#lcd-line${n}`)
    .textContent()
    .then((t) => (t ?? '').trimEnd());

beforeAll(async () => {
  backend = await startTestBackend();
  stops.push(() => backend.stop());
  executable = await buildAppDevice({ appDir: join(A3_FIRMWARE_DIR, 'src', 'app'), name: 'a3' });
  mkdirSync(resultsDir, { recursive: true });
}, 300_000);

afterAll(async () => {
  await browser?.close();
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
});

describe('A3 page in Chromium', () => {
  it('shows an update, a delete and a denied write: tree, LCD and operation log', async () => {
    const owner = await backend.createAccount('owner-pass');
    const intruder = await backend.createAccount('other-pass');
    const base = `devices/${owner.uid}`;
    await backend.admin('PUT', `${base}/config`, { intervalMs: 1000, threshold: 2000, label: 'hall' });
    const keys: string[] = [];
    for (const ir of [111, 222, 333]) {
      const { name } = (await backend.admin('POST', `${base}/readings`, { ir, ts: 1_700_000_000_000 })) as {
        name: string;
      };
      keys.push(name);
    }
    const errors: string[] = [];
    const mine = await startDeviceWithPage(owner, {});
    const page = await open(mine.page.url, errors);
    await page.locator('#lcd-line1', { hasText: 'A:Read B:Thresh' }).waitFor({ timeout: 15_000 });
    await page
      .locator('[data-path="/config/threshold"] .dv-value', { hasText: '2000' })
      .waitFor({ timeout: 10_000 });
    expect(await page.locator('#menu-state').textContent()).toBe('menu');
    await page.screenshot({ path: `${resultsDir}a3-page-menu.png` });

    // Update: B 1500 # on the page's keypad -> PATCH; only threshold flashes, siblings stay.
    await pressOnPage(page, 'B1500#');
    const threshold = page.locator('[data-path="/config/threshold"]');
    await threshold.locator('.dv-value', { hasText: '1500' }).waitFor({ timeout: 10_000 });
    expect(await threshold.getAttribute('class')).toContain('dv-changed');
    expect(await page.locator('[data-path="/config/label"]').getAttribute('class')).not.toContain(
      'dv-changed',
    );
    await page
      .locator('.dv-op[data-method="PATCH"][data-status="200"]', { hasText: `/${base}/config` })
      .waitFor({ timeout: 10_000 });
    await page.locator('#lcd-line1', { hasText: 'Saved threshold' }).waitFor({ timeout: 10_000 });
    await page.screenshot({ path: `${resultsDir}a3-page-update.png` });

    // Delete: C # -> the oldest reading leaves the tree (struck through, then gone).
    await pressOnPage(page, 'C#');
    const oldest = page.locator(`[data-path="/readings/${keys[0]}"]`);
    await page.locator(`[data-path="/readings/${keys[0]}"].dv-removed`).waitFor({ timeout: 10_000 });
    await page
      .locator('.dv-op[data-method="DELETE"][data-status="200"]', { hasText: `/${base}/readings/${keys[0]}` })
      .waitFor({ timeout: 10_000 });
    expect(await lcdLine(page, 1)).toBe('Deleted oldest');
    expect(await lcdLine(page, 2)).toBe('ir 111');
    await page.screenshot({ path: `${resultsDir}a3-page-delete.png` });
    await oldest.waitFor({ state: 'detached', timeout: 10_000 });
    expect(await page.locator(`[data-path="/readings/${keys[1]}"]`).count()).toBe(1);

    // Denied: a second device aimed at the owner's subtree; its page shows the refusal.
    const other = await startDeviceWithPage(intruder, { target: owner.uid });
    const deniedPage = await open(other.page.url, errors);
    await deniedPage.locator('#lcd-line1', { hasText: 'A:Read B:Thresh' }).waitFor({ timeout: 15_000 });
    await pressOnPage(deniedPage, 'B77#');
    await deniedPage.locator('#lcd-line1', { hasText: 'Denied' }).waitFor({ timeout: 10_000 });
    await deniedPage
      .locator('.dv-op.dv-denied[data-method="PATCH"][data-status="401"]', { hasText: `/${base}/config` })
      .waitFor({ timeout: 10_000 });
    await deniedPage.screenshot({ path: `${resultsDir}a3-page-denied.png` });
    expect(await backend.admin('GET', `${base}/config`)).toEqual({
      intervalMs: 1000,
      threshold: 1500,
      label: 'hall',
    });
    expect(await backend.admin('GET', `devices/${intruder.uid}`)).toBeNull();

    expect(errors).toEqual([]);
  }, 120_000);
});
