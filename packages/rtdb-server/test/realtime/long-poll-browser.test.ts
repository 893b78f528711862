import { isDeepStrictEqual } from 'node:util';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdbServer, type RunningRtdbServer } from '../../src/server/rtdb-server.js';
import { launchChromium, startTestPage, type TestPageServer } from './support/long-poll-browser.js';
import { uniqueNamespace } from './support/sdk-clients.js';

// Real Chromium running the official web SDK against the server, after a WebSocket failure was
// recorded in localStorage: the situation of a dashboard left open while the server restarted.

let server: RunningRtdbServer;
let pages: TestPageServer;
let browser: Browser;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  server = await startRtdbServer({ port: 0, log: () => undefined });
  pages = await startTestPage();
  browser = await launchChromium();
}, 60_000);
afterAll(async () => {
  for (const context of contexts) await context.close().catch(() => undefined);
  await browser?.close();
  await pages?.close();
  await server?.close();
});

interface Traffic {
  longPolls: string[];
  sockets: string[];
}

async function openPage(query: string): Promise<{ page: Page; traffic: Traffic }> {
  const context = await browser.newContext();
  contexts.push(context);
  const page = await context.newPage();
  const traffic: Traffic = { longPolls: [], sockets: [] };
  page.on('request', (request) => {
    if (request.url().includes('/.lp?')) traffic.longPolls.push(request.url());
  });
  page.on('websocket', (ws) => traffic.sockets.push(ws.url()));
  await page.goto(`${pages.url}${query}`);
  return { page, traffic };
}

async function seen(page: Page, path: string): Promise<unknown[]> {
  return page.evaluate(
    (p) => (globalThis as unknown as { harness: { seen: Record<string, unknown[]> } }).harness.seen[p] ?? [],
    path,
  );
}

async function waitForValue(page: Page, path: string, expected: unknown, what: string): Promise<void> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const values = await seen(page, path);
    if (values.some((v) => isDeepStrictEqual(v, expected))) return;
    if (Date.now() > deadline)
      throw new Error(`timed out waiting for ${what}; saw ${JSON.stringify(values)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function restPut(ns: string, path: string, value: unknown): Promise<void> {
  const response = await fetch(`${server.url}/${path}.json?ns=${ns}`, {
    method: 'PUT',
    body: JSON.stringify(value),
  });
  expect(response.status).toBe(200);
}

async function restGet(ns: string, path: string): Promise<unknown> {
  return (await fetch(`${server.url}/${path}.json?ns=${ns}`)).json();
}

type Harness = {
  connect(port: number, ns: string): void;
  listen(path: string): void;
  set(path: string, value: unknown): Promise<string>;
  onDisconnectSet(path: string, value: unknown): Promise<string>;
};

function harness(page: Page) {
  const call = <K extends keyof Harness>(name: K, ...args: Parameters<Harness[K]>) =>
    page.evaluate(
      ([n, a]) =>
        (globalThis as unknown as { harness: Record<string, (...x: unknown[]) => unknown> }).harness[
          n as string
        ]!(...(a as unknown[])),
      [name, args] as const,
    );
  return call;
}

describe('a browser that remembers a failed WebSocket', () => {
  it('works over long-polling alone: writes, onValue, REST writes pushed, onDisconnect on leaving', async () => {
    const ns = uniqueNamespace('lp-browser');
    const { page, traffic } = await openPage('?nows=1');
    const call = harness(page);
    await call('connect', server.port, ns);
    await call('listen', 'devices/d1/latest');
    await waitForValue(page, 'devices/d1/latest', null, 'the initial null');

    expect(await call('set', 'devices/d1/latest', { ir: 1, from: 'browser' })).toBe('ok');
    expect(await restGet(ns, 'devices/d1/latest')).toEqual({ ir: 1, from: 'browser' });
    await restPut(ns, 'devices/d1/latest', { ir: 2, from: 'rest' });
    await waitForValue(
      page,
      'devices/d1/latest',
      { ir: 2, from: 'rest' },
      'the REST PUT pushed to the browser',
    );

    // A write bigger than one poll URL is cut into segments and put back together.
    const big = 'x'.repeat(20_000) + 'é€😀';
    expect(await call('set', 'blob', big)).toBe('ok');
    expect(await restGet(ns, 'blob')).toBe(big);

    expect(traffic.longPolls.some((u) => u.includes('start=t'))).toBe(true);
    expect(traffic.longPolls.some((u) => /[?&]seg0=/.test(u))).toBe(true);
    expect(traffic.sockets).toEqual([]);

    // Leaving the page ends the session: the disconnect frame reports it, onDisconnect runs.
    expect(await call('onDisconnectSet', 'presence/d1', 'offline')).toBe('ok');
    await page.close({ runBeforeUnload: true });
    // A generous ceiling: on a loaded machine Chromium may take long to send the disconnect frame.
    const deadline = Date.now() + 45_000;
    while ((await restGet(ns, 'presence/d1')) !== 'offline') {
      if (Date.now() > deadline) throw new Error('onDisconnect did not run after the page closed');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, 120_000);

  it('starts on long-polling, then upgrades to a WebSocket and keeps working', async () => {
    const ns = uniqueNamespace('lp-upgrade');
    const { page, traffic } = await openPage('');
    const call = harness(page);
    await call('connect', server.port, ns);
    await call('listen', 'servo');
    await waitForValue(page, 'servo', null, 'the initial null');
    expect(traffic.longPolls.some((u) => u.includes('start=t'))).toBe(true);

    // The SDK clears the failure flag once the WebSocket proved healthy and took over.
    const deadline = Date.now() + 20_000;
    while (
      (await page.evaluate(() =>
        (
          globalThis as unknown as { localStorage: { getItem(key: string): string | null } }
        ).localStorage.getItem('firebase:previous_websocket_failure'),
      )) !== null
    ) {
      if (Date.now() > deadline) throw new Error('the upgrade to WebSocket did not complete');
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(traffic.sockets).toHaveLength(1);
    expect(traffic.sockets[0]).toMatch(/[?&]s=[A-Za-z0-9]+/);
    const logs = await page.evaluate(() =>
      (globalThis as unknown as { harness: { logs: string[] } }).harness.logs.join('\n'),
    );
    expect(logs).toContain('recvd end transmission on primary');

    // After the switch, both directions run over the socket.
    const pollsBefore = traffic.longPolls.length;
    expect(await call('set', 'servo', { angle: 45 })).toBe('ok');
    await waitForValue(page, 'servo', { angle: 45 }, 'own write');
    await restPut(ns, 'servo', { angle: 90 });
    await waitForValue(page, 'servo', { angle: 90 }, 'REST write over the upgraded socket');
    expect(await restGet(ns, 'servo')).toEqual({ angle: 90 });
    expect(traffic.longPolls.slice(pollsBefore).filter((u) => /[?&]seg0=/.test(u))).toEqual([]);
  }, 60_000);

  it('reconnects over long-polling after the server restarts on the same port', async () => {
    const ns = uniqueNamespace('lp-restart');
    let first: RunningRtdbServer | undefined = await startRtdbServer({ port: 0, log: () => undefined });
    const port = first.port;
    let second: RunningRtdbServer | undefined;
    try {
      const { page } = await openPage('?nows=1');
      const call = harness(page);
      await call('connect', port, ns);
      await call('listen', 'status');
      await waitForValue(page, 'status', null, 'the initial null');
      await first.close();
      first = undefined;
      second = await startRtdbServer({ port, log: () => undefined });
      const response = await fetch(`${second.url}/status.json?ns=${ns}`, {
        method: 'PUT',
        body: JSON.stringify('after restart'),
      });
      expect(response.status).toBe(200);
      await waitForValue(page, 'status', 'after restart', 'the value written after the restart');
    } finally {
      await first?.close();
      await second?.close();
    }
  }, 60_000);
});
