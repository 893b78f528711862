import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mapToAngle } from '@iotkit/mapping';
import { startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';
import { startFunctionsRunner } from '../../src/api/start-functions-runner.js';
import type { RunningFunctions } from '../../src/api/runner-types.js';

// Assignment 2's bonus written with the v1 API must move the servo exactly as the v2 reference
// does: same readings in, same /devices/{uid}/servo out, in this process and in a functions host.
const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

let db: LocalRtdb;
const runners: Array<{ ns: string; functions: RunningFunctions }> = [];

beforeAll(async () => {
  db = await startLocalRtdb();
  // The v1 module writes through admin.database(), the default database: in this process that is
  // the first runner's namespace, so the inline v1 runner starts first.
  for (const [ns, module, isolation] of [
    ['a2-v1-inline', 'a2-servo-v1.ts', 'inline'],
    ['a2-v2-inline', 'a2-servo-v2.ts', 'inline'],
    ['a2-v1-host', 'a2-servo-v1.ts', 'process'],
  ] as const) {
    const functions = await startFunctionsRunner({
      module: fixture(module),
      databaseHost: db.host,
      namespace: ns,
      isolation,
      onHostOutput: () => undefined,
    });
    runners.push({ ns, functions });
  }
});
afterAll(async () => {
  await Promise.all(runners.map((r) => r.functions.stop()));
  await db?.stop();
});

async function settled(functions: RunningFunctions, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (functions.invocations.length < count) {
    if (Date.now() > deadline)
      throw new Error(`only ${functions.invocations.length} of ${count} invocations`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await functions.idle();
}

describe('the A2 bonus as a v1 trigger', () => {
  it('is found as a v1 onCreate on the readings path', () => {
    const v1 = runners[0]!.functions;
    expect(v1.triggers.map((t) => [t.name, t.api, t.declaredEventType, t.pattern.source])).toEqual([
      [
        'mapReadingToServo',
        'v1',
        'providers/google.firebase.database/eventTypes/ref.create',
        'devices/{uid}/readings/{readingId}',
      ],
    ]);
  });

  it('moves the servo exactly as the v2 function does, reading after reading', async () => {
    const readings: unknown[] = [{ ir: 0 }, { ir: 2048 }, { ir: 'far' }, { ir: 12.5 }, { ir: 4000 }, 'junk'];
    const started = Date.now();
    for (const [index, reading] of readings.entries()) {
      for (const { ns } of runners) await db.rest('POST', 'devices/dev-1/readings', ns, reading);
      for (const { functions } of runners) await settled(functions, index + 1);
      const servos = (await Promise.all(
        runners.map(({ ns }) => db.rest('GET', 'devices/dev-1/servo', ns)),
      )) as Array<{ angle: number; source: string; ts: number } | null>;
      const [v1Inline, v2, v1Host] = servos.map((s) =>
        s === null ? null : { angle: s.angle, source: s.source },
      );
      expect(v1Inline, `after reading ${JSON.stringify(reading)}`).toEqual(v2);
      expect(v1Host, `after reading ${JSON.stringify(reading)}`).toEqual(v2);
      for (const servo of servos) if (servo) expect(servo.ts).toBeGreaterThanOrEqual(started - 1000);
    }
    expect(await db.rest('GET', 'devices/dev-1/servo/angle', 'a2-v1-inline')).toBe(mapToAngle(4000));
    expect(runners.every(({ functions }) => functions.invocations.every((i) => i.ok))).toBe(true);
  });

  it('writes only the servo of the device the reading came from', async () => {
    await db.rest('POST', 'devices/dev-2/readings', 'a2-v1-host', { ir: 1000 });
    await settled(runners[2]!.functions, 7);
    expect(await db.rest('GET', 'devices/dev-2/servo/angle', 'a2-v1-host')).toBe(mapToAngle(1000));
    expect(Object.keys((await db.rest('GET', 'devices', 'a2-v1-host')) as object).sort()).toEqual([
      'dev-1',
      'dev-2',
    ]);
  });
});
