import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalBackend } from '@iotkit/backend';
import type { RunningLocalBackend } from '@iotkit/backend';
import { mapToAngle } from '@iotkit/mapping';
import { ensureDeviceAccount } from '../src/device-account.js';
import { irSignal } from '../src/ir-signal.js';
import { startA2Demo } from '../src/start-a2-demo.js';
import type { RunningA2Demo } from '../src/start-a2-demo.js';

let backend: RunningLocalBackend;
let demo: RunningA2Demo | undefined;

beforeAll(async () => {
  backend = await startLocalBackend({ rtdb: { port: 0, log: () => undefined } });
}, 180_000);
afterAll(async () => {
  await demo?.stop();
  await backend?.stop();
});

const rtdbUrl = (): string => backend.urls.database as string;
const authUrl = (): string => backend.urls.auth as string;

async function admin(path: string, ns: string): Promise<unknown> {
  return (await fetch(`${rtdbUrl()}/${path}.json?ns=${ns}&auth=owner`)).json();
}

describe('irSignal', () => {
  it('is a slow integer wave inside the ADC range', () => {
    const samples = Array.from({ length: 200 }, (_, i) => irSignal(i * 100));
    expect(samples.every((v) => Number.isInteger(v) && v >= 0 && v <= 4095)).toBe(true);
    expect(Math.max(...samples) - Math.min(...samples)).toBeGreaterThan(2500);
    expect(irSignal(0)).toBe(irSignal(20_000));
  });
});

describe('ensureDeviceAccount', () => {
  it('creates the account once and finds it again; a different password is an error', async () => {
    const uid = await ensureDeviceAccount(authUrl(), 'acct@example.com', '111111');
    expect(await ensureDeviceAccount(authUrl(), 'acct@example.com', '111111')).toBe(uid);
    await expect(ensureDeviceAccount(authUrl(), 'acct@example.com', '222222')).rejects.toThrow(
      /exists with another password/,
    );
    await expect(ensureDeviceAccount(authUrl(), 'not-an-email', '111111')).rejects.toThrow(
      /could not create the device account/,
    );
  });
});

describe('startA2Demo (what `pnpm start` runs for A2)', () => {
  it('signs the device in, maps readings in the cloud function and serves the dashboard', async () => {
    demo = await startA2Demo({
      rtdbUrl: rtdbUrl(),
      authUrl: authUrl(),
      namespace: 'a2-demo-test',
      dashboardPort: 0,
    });
    expect(demo.lines.join('\n')).toContain(demo.dashboardUrl);
    const page = await fetch(demo.dashboardUrl);
    expect(await page.text()).toContain(demo.uid);
    const deadline = Date.now() + 20_000;
    type Servo = { angle?: number; source?: string } | null;
    type Latest = { ir?: number } | null;
    let servo: Servo = null as Servo;
    let latest: Latest = null as Latest;
    while (Date.now() < deadline) {
      servo = (await admin(`devices/${demo.uid}/servo`, 'a2-demo-test')) as Servo;
      latest = (await admin(`devices/${demo.uid}/latest`, 'a2-demo-test')) as Latest;
      if (servo?.source === 'function' && typeof latest?.ir === 'number') break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(servo?.source).toBe('function');
    expect(typeof latest?.ir).toBe('number');
    // The function's angle is the mapping of some reading of the wave.
    const readings = Object.values(
      (await admin(`devices/${demo.uid}/readings`, 'a2-demo-test')) as Record<string, { ir: number }>,
    );
    expect(readings.map((r) => mapToAngle(r.ir))).toContain(servo?.angle);
  }, 240_000);
});
