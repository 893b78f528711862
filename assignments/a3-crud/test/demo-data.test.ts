import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';
import { adminRest, DEMO_CONFIG, DEMO_MAX_READINGS, demoIr, feedDemoDevice } from '../src/demo-data.js';

let db: LocalRtdb;
beforeAll(async () => {
  db = await startLocalRtdb();
});
afterAll(async () => {
  await db?.stop();
});

describe('demo data', () => {
  it('stays inside the ADC range and changes from one reading to the next', () => {
    const values = Array.from({ length: 40 }, (_, i) => demoIr(i));
    for (const v of values) expect(v >= 0 && v <= 4095 && Number.isInteger(v), String(v)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(30);
  });

  it('creates the config once, adds readings with server timestamps, and stops at the cap', async () => {
    const admin = adminRest(`http://${db.host}`, 'demo');
    await feedDemoDevice(admin, 'u1', 0);
    expect(await admin('GET', 'devices/u1/config')).toEqual(DEMO_CONFIG);
    await admin('PATCH', 'devices/u1/config', { threshold: 7 });
    for (let step = 1; step < DEMO_MAX_READINGS + 3; step++) await feedDemoDevice(admin, 'u1', step);
    expect(await admin('GET', 'devices/u1/config')).toEqual({ ...DEMO_CONFIG, threshold: 7 });
    const readings = (await admin('GET', 'devices/u1/readings')) as Record<
      string,
      { ir: number; ts: number }
    >;
    expect(Object.keys(readings)).toHaveLength(DEMO_MAX_READINGS);
    const first = Object.values(readings)[0];
    expect(first?.ir).toBe(demoIr(0));
    expect(first?.ts).toBeGreaterThan(Date.now() - 60_000);
  });

  it('names the request and the answer when the database refuses', async () => {
    const admin = adminRest(`http://${db.host}`, 'demo');
    await expect(admin('PUT', 'bad.key', 1)).rejects.toThrow(
      /^PUT \/bad\.key on the local RTDB failed: 400 /,
    );
  });
});
