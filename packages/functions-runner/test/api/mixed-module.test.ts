import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';
import { startFunctionsRunner } from '../../src/api/start-functions-runner.js';
import type { RunningFunctions } from '../../src/api/runner-types.js';
import {
  expectMixedReport,
  expectMixedSeen,
  MIXED_INVOCATIONS,
  MIXED_NS,
  readSeen,
  settled,
  writeMixedScenario,
} from '../support/mixed-scenario.js';

// In its own file (own process): the module's bare initializeApp() takes this runner's namespace.
let db: LocalRtdb;
let functions: RunningFunctions | undefined;
const logged: string[] = [];

beforeAll(async () => {
  db = await startLocalRtdb();
  functions = await startFunctionsRunner({
    module: fileURLToPath(new URL('../fixtures/mixed-functions.ts', import.meta.url)),
    databaseHost: db.host,
    namespace: MIXED_NS,
    log: (line) => logged.push(line),
  });
});
afterAll(async () => {
  await functions?.stop();
  await db?.stop();
});

describe('a module mixing v1 and v2 triggers, wildcards and an HTTPS function (in this process)', () => {
  it('lists every export at start, one line each, saying what will not fire locally', () => {
    expectMixedReport(functions!);
    expect(logged).toHaveLength(13);
    expect(logged).toContain(
      'not run  hello: HTTPS function (onRequest); it will not fire locally (the local runner fires only Realtime Database triggers)',
    );
    expect(logged).toContain('runs     v2Logs: v2 onValueWritten("/logs/{path=**}")');
  });

  it('fires every database trigger with the event shape and writer identity production gives', async () => {
    const student = await writeMixedScenario(db.host, inject('authUrl'));
    await settled(functions!, MIXED_INVOCATIONS);
    expectMixedSeen(await readSeen(db.host), student);
    expect(functions!.invocations).toHaveLength(MIXED_INVOCATIONS);
  });

  it('records each invocation with trigger, path, params, writer, duration and error', () => {
    const failing = functions!.invocations.find((i) => i.name === 'v1Failing');
    expect(failing).toMatchObject({
      api: 'v1',
      eventType: 'google.firebase.database.ref.v1.created',
      ref: 'jobs/j1',
      params: { id: 'j1' },
      writer: { type: 'unauthenticated' },
      ok: false,
    });
    expect((failing?.error as Error).message).toBe('job j1 failed');
    const created = functions!.invocations.filter((i) => i.name === 'v2Created');
    expect(created.map((i) => i.writer.type)).toEqual(['admin', 'user', 'unauthenticated']);
    expect(functions!.invocations.every((i) => i.ms >= 0 && Number.isFinite(i.ms))).toBe(true);
  });
});
