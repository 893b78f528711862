import { fileURLToPath } from 'node:url';
import { getApps } from 'firebase-admin/app';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFunctionsRunner } from '../../src/api/start-functions-runner.js';
import type { RunningFunctions } from '../../src/api/runner-types.js';
import { eventually, startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';

// Its own file, so its own process: the environment the runner sets up (FIREBASE_CONFIG for a
// bare initializeApp()) is process-wide and belongs to the first runner of the process.
let db: LocalRtdb;
let r: RunningFunctions | undefined;
beforeAll(async () => {
  db = await startLocalRtdb();
});
afterAll(async () => {
  await r?.stop();
  await db.stop();
});

describe('startFunctionsRunner with a module path', () => {
  it('loads a module from its path after pointing the admin SDK at the namespace', async () => {
    const modulePath = fileURLToPath(new URL('../fixtures/servo-functions.ts', import.meta.url));
    r = await startFunctionsRunner({ module: modulePath, databaseHost: db.host, namespace: 'ns-module' });
    expect(r.triggers.map((t) => t.name).sort()).toEqual(['copyReading', 'countDeletes']);
    await db.rest('PUT', 'devices/u9/readings/r1', 'ns-module', { ir: 10 });
    await eventually(
      () => db.rest('GET', 'copies/u9/r1', 'ns-module'),
      (v) => v !== null,
    );
    expect(await db.rest('GET', 'copies/u9/r1', 'ns-module')).toEqual({ ir: 10 });
    await db.rest('DELETE', 'devices/u9/readings/r1', 'ns-module');
    const deleted = await eventually(
      () => db.rest('GET', 'deleted/u9', 'ns-module'),
      (v) => v !== null,
    );
    expect(Object.values(deleted as object)).toEqual([{ ir: 10 }]);
  });

  it('deletes the admin apps the functions made when the last runner stops, so the process can exit', async () => {
    expect(getApps().length).toBeGreaterThan(0);
    await r?.stop();
    await r?.stop();
    expect(getApps().map((app) => app.name)).toEqual([]);
  });
});
