import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFunctionsRunner } from '@iotkit/functions-runner';
import type { RunningFunctions } from '@iotkit/functions-runner';
import { mapToAngle } from '@iotkit/mapping';
import { A2_FUNCTIONS_MODULE } from '../../../src/a2-paths.js';
import { eventually, startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';

const ns = 'a2-fn-test';
let db: LocalRtdb;
let functions: RunningFunctions;

beforeAll(async () => {
  db = await startLocalRtdb();
  functions = await startFunctionsRunner({
    module: A2_FUNCTIONS_MODULE,
    databaseHost: db.host,
    namespace: ns,
  });
});
afterAll(async () => {
  await functions?.stop();
  await db?.stop();
});

describe('mapReadingToServo (the A2 cloud function, run by @iotkit/functions-runner)', () => {
  it('is found as an onValueCreated trigger on the readings path', () => {
    expect(functions.triggers.map((t) => [t.name, t.eventType, t.pattern.source])).toEqual([
      ['mapReadingToServo', 'google.firebase.database.ref.v1.created', 'devices/{uid}/readings/{readingId}'],
    ]);
  });

  it('writes the mapped angle with source "function" and a server timestamp', async () => {
    const before = Date.now();
    for (const ir of [0, 2048, 4094]) {
      await db.rest('POST', 'devices/dev-1/readings', ns, { ir, ts: { '.sv': 'timestamp' } });
      const servo = (await eventually(
        () => db.rest('GET', 'devices/dev-1/servo', ns),
        (v) => (v as { angle?: number } | null)?.angle === mapToAngle(ir),
      )) as { angle: number; source: string; ts: number };
      expect(servo.source).toBe('function');
      expect(servo.ts).toBeGreaterThanOrEqual(before - 1000);
      expect(servo.ts).toBeLessThanOrEqual(Date.now() + 1000);
    }
  });

  it('writes under the uid of the reading only', async () => {
    await db.rest('POST', 'devices/dev-2/readings', ns, { ir: 1000, ts: 1 });
    await eventually(
      () => db.rest('GET', 'devices/dev-2/servo/angle', ns),
      (v) => v === mapToAngle(1000),
    );
    const tree = (await db.rest('GET', 'devices', ns)) as Record<string, unknown>;
    expect(Object.keys(tree).sort()).toEqual(['dev-1', 'dev-2']);
  });

  it('ignores a malformed reading without touching the servo', async () => {
    await db.rest('PUT', 'devices/dev-3/servo', ns, { angle: 45, source: 'device', ts: 1 });
    await db.rest('POST', 'devices/dev-3/readings', ns, { ir: 'far', ts: 1 });
    await db.rest('POST', 'devices/dev-3/readings', ns, { ir: 12.5, ts: 1 });
    await eventually(
      async () => functions.invocations.filter((i) => i.params['uid'] === 'dev-3').length,
      (n) => n >= 2,
    );
    await functions.idle();
    expect(functions.invocations.filter((i) => i.params['uid'] === 'dev-3').every((i) => i.ok)).toBe(true);
    expect(await db.rest('GET', 'devices/dev-3/servo', ns)).toEqual({ angle: 45, source: 'device', ts: 1 });
  });
});
