import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onValueCreated, onValueWritten } from 'firebase-functions/v2/database';
import { startFunctionsRunner } from '../../src/api/start-functions-runner.js';
import type { RunningFunctions } from '../../src/api/runner-types.js';
import { eventually, startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';

let db: LocalRtdb;
const running: RunningFunctions[] = [];

beforeAll(async () => {
  db = await startLocalRtdb();
});
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  await db.stop();
});

async function run(
  module: Parameters<typeof startFunctionsRunner>[0]['module'],
  namespace: string,
): Promise<RunningFunctions> {
  const r = await startFunctionsRunner({ module, databaseHost: db.host, namespace });
  running.push(r);
  return r;
}

describe('startFunctionsRunner against the real local RTDB', () => {
  it('fires onValueCreated once per new child, not for data that existed before the start', async () => {
    await db.rest('PUT', 'devices/u0/readings/old', 'ns-created', { ir: 1 });
    const seen: Array<{ params: unknown; value: unknown; instance: string }> = [];
    const r = await run(
      {
        created: onValueCreated('/devices/{uid}/readings/{readingId}', (e) => {
          seen.push({ params: e.params, value: e.data.val(), instance: e.instance });
        }),
      },
      'ns-created',
    );
    const { name } = (await db.rest('POST', 'devices/u1/readings', 'ns-created', { ir: 2048 })) as {
      name: string;
    };
    await db.rest('PUT', 'devices/u1/latest', 'ns-created', { ir: 2048 });
    await db.rest('PUT', `devices/u1/readings/${name}/ir`, 'ns-created', 7);
    await eventually(
      async () => seen.length,
      (n) => n >= 1,
    );
    await r.idle();
    expect(seen).toEqual([
      { params: { uid: 'u1', readingId: name }, value: { ir: 2048 }, instance: 'ns-created' },
    ]);
    expect(r.invocations.map((i) => [i.name, i.ok])).toEqual([['created', true]]);
  });

  it('gives onValueWritten before and after for updates and deletes', async () => {
    const changes: unknown[] = [];
    await run(
      {
        written: onValueWritten('/config/{key}', (e) => {
          changes.push([e.params.key, e.data.before.val(), e.data.after.val()]);
        }),
      },
      'ns-written',
    );
    await db.rest('PUT', 'config/servo', 'ns-written', { min: 0, max: 180 });
    await db.rest('PATCH', 'config/servo', 'ns-written', { max: 90 });
    await db.rest('DELETE', 'config/servo', 'ns-written');
    await eventually(
      async () => changes.length,
      (n) => n >= 3,
    );
    expect(changes).toEqual([
      ['servo', null, { min: 0, max: 180 }],
      ['servo', { min: 0, max: 180 }, { min: 0, max: 90 }],
      ['servo', { min: 0, max: 90 }, null],
    ]);
  });

  it('keeps namespaces apart: a runner only sees its own database', async () => {
    const seen: string[] = [];
    const r = await run(
      { f: onValueCreated('/devices/{uid}/readings/{id}', (e) => void seen.push(e.params.uid)) },
      'ns-a',
    );
    await db.rest('PUT', 'devices/other/readings/x', 'ns-b', { ir: 1 });
    await db.rest('PUT', 'devices/mine/readings/x', 'ns-a', { ir: 1 });
    await eventually(
      async () => seen.length,
      (n) => n >= 1,
    );
    await r.idle();
    expect(seen).toEqual(['mine']);
  });

  it('records a failing handler and keeps delivering events', async () => {
    const r = await run(
      {
        flaky: onValueCreated('/jobs/{id}', (e) => {
          if (e.params.id === 'bad') throw new Error('boom');
        }),
      },
      'ns-flaky',
    );
    await db.rest('PUT', 'jobs/bad', 'ns-flaky', 1);
    await db.rest('PUT', 'jobs/good', 'ns-flaky', 2);
    await eventually(
      async () => r.invocations.length,
      (n) => n >= 2,
    );
    expect(
      r.invocations.map((i) => [i.params['id'], i.ok, i.ok ? undefined : (i.error as Error).message]),
    ).toEqual([
      ['bad', false, 'boom'],
      ['good', true, undefined],
    ]);
  });
});

describe('startFunctionsRunner errors', () => {
  it('refuses a module without database triggers', async () => {
    await expect(
      startFunctionsRunner({ module: { x: 1 }, databaseHost: db.host, namespace: 'e' }),
    ).rejects.toMatchObject({ code: 'functions/no-triggers' });
  });
  it('refuses bad options, naming them', async () => {
    await expect(
      startFunctionsRunner({ module: {}, databaseHost: 'http://x', namespace: 'e' }),
    ).rejects.toMatchObject({
      code: 'functions/invalid-options',
      message: expect.stringContaining('host:port'),
    });
    await expect(
      startFunctionsRunner({ module: {}, databaseHost: db.host, namespace: 'a b' }),
    ).rejects.toMatchObject({ code: 'functions/invalid-options' });
  });
  it('reports a module that cannot be imported', async () => {
    await expect(
      startFunctionsRunner({ module: '/nonexistent/functions.js', databaseHost: db.host, namespace: 'e' }),
    ).rejects.toMatchObject({
      code: 'functions/load-failed',
      message: expect.stringContaining('/nonexistent/functions.js'),
    });
  });
  it('refuses a second database host in the same process', async () => {
    await expect(
      startFunctionsRunner({ module: {}, databaseHost: '127.0.0.1:1', namespace: 'e' }),
    ).rejects.toMatchObject({ code: 'functions/emulator-host-conflict' });
  });
});
