import { afterEach, describe, expect, it } from 'vitest';
import {
  startStatusServer,
  type RunningStatusServer,
} from '../../../companion/status-page/src/status-server.js';
import type { DeviceStatus } from '../../../companion/status-page/src/status-server.js';

const status: DeviceStatus = {
  uid: 'uid-7',
  lcd: ['IR 12', 'sent #3'],
  claims: { iss: 'i', aud: 'a', exp: 1, signInProvider: 'password' },
  renewals: 2,
  latest: { ir: 12, ts: 5 },
  readings: 3,
  log: ['info: ID token renewed (expiring), valid for 3600 s, renewal 2'],
};

let server: RunningStatusServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

describe('status page server', () => {
  it('serves the page and the status it polls, on loopback', async () => {
    server = await startStatusServer({ port: 0, status: () => Promise.resolve(status) });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const page = await fetch(server.url);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(await page.text()).toContain('status.json');
    const json = await fetch(new URL('status.json', server.url));
    expect(await json.json()).toEqual(status);
  });

  it('answers 502 naming the problem when the status cannot be read, and 404 elsewhere', async () => {
    server = await startStatusServer({
      port: 0,
      status: () => Promise.reject(new Error('database unreachable')),
    });
    const failed = await fetch(new URL('status.json', server.url));
    expect(failed.status).toBe(502);
    expect(await failed.json()).toEqual({ error: 'database unreachable' });
    const missing = await fetch(new URL('nothing', server.url));
    expect(missing.status).toBe(404);
  });
});
