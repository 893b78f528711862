import { fileURLToPath } from 'node:url';
import { A2_FUNCTIONS_MODULE } from '@iotkit/a2-sensor-servo';
import { mapToAngle } from '@iotkit/mapping';
import { eventually, startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandIo } from '../../src/command.js';
import { invocationLine } from '../../src/commands/functions-run.js';
import { functionsCommand } from '../../src/commands/functions.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

let db: LocalRtdb;
beforeAll(async () => {
  db = await startLocalRtdb();
});
afterAll(async () => {
  await db?.stop();
});

function io(lines: string[], interrupt: Promise<string> = new Promise(() => undefined)): CommandIo {
  return {
    out: (text) => lines.push(text),
    err: (text) => lines.push(text),
    env: { FIREBASE_DATABASE_EMULATOR_HOST: db.host },
    root,
    waitForInterrupt: () => interrupt,
  };
}

describe('iotkit functions <module>', () => {
  it('lists the exports, then logs each invocation of the A2 function until Ctrl-C', async () => {
    const lines: string[] = [];
    let interrupt!: (signal: string) => void;
    const running = functionsCommand.run(
      { positionals: [A2_FUNCTIONS_MODULE], values: { ns: 'cli-fn' } },
      io(lines, new Promise((resolve) => (interrupt = resolve))),
    );
    await eventually(
      async () => lines.some((line) => line.includes('watching 1 trigger')),
      (ready) => ready,
    );
    expect(lines).toContain(
      '  runs     mapReadingToServo: v2 onValueCreated("/devices/{uid}/readings/{readingId}")',
    );
    const { name } = (await db.rest('POST', 'devices/dev-1/readings', 'cli-fn', { ir: 2048, ts: 1 })) as {
      name: string;
    };
    const line = (await eventually(
      async () => lines.find((l) => l.includes('mapReadingToServo (v2 created)')),
      (found) => found !== undefined,
    )) as string;
    expect(line).toMatch(/^\d\d:\d\d:\d\d\.\d{3} {2}ok {4}mapReadingToServo \(v2 created\)/);
    expect(line).toContain(`/devices/dev-1/readings/${name}  uid=dev-1 readingId=${name}  by admin  `);
    expect(line).toMatch(/\d+\.\d ms$/);
    expect(await db.rest('GET', 'devices/dev-1/servo/angle', 'cli-fn')).toBe(mapToAngle(2048));
    interrupt('SIGINT');
    expect(await running).toBe(0);
    expect(lines.at(-1)).toBe('functions: stopped after 1 invocation(s)');
  });

  it('formats a failed invocation with its error', () => {
    const line = invocationLine(
      {
        name: 'f',
        api: 'v1',
        eventType: 'google.firebase.database.ref.v1.written',
        ref: 'jobs/j1',
        params: { id: 'j1' },
        writer: { type: 'user', uid: 'u1', provider: 'password', token: {} },
        ok: false,
        error: new Error('boom'),
        ms: 2.25,
      },
      new Date('2026-01-02T03:04:05.678Z'),
    );
    expect(line).toBe(
      '03:04:05.678  FAIL  f (v1 written)  /jobs/j1  id=j1  by user u1 (password)  2.3 ms  error: boom',
    );
  });

  it('says what each export is when the module has nothing to fire', async () => {
    const module = fileURLToPath(new URL('../fixtures/functions/no-triggers.ts', import.meta.url));
    const error = await functionsCommand
      .run({ positionals: [module], values: {} }, io([]))
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cli/invalid-config' });
    expect((error as Error).message).toContain('not run  VERSION: a number value');
    expect((error as Error).message).toContain('not run  helper: a plain function (no trigger)');
  });

  it('names the missing backend and the missing file', async () => {
    const lines: string[] = [];
    const noBackend = await functionsCommand
      .run(
        { positionals: [A2_FUNCTIONS_MODULE], values: { database: '127.0.0.1:1', isolated: true } },
        io(lines),
      )
      .catch((e: unknown) => e);
    expect(noBackend).toMatchObject({ code: 'cli/backend-failed' });
    expect((noBackend as Error).message).toContain('pnpm iotkit start');
    await expect(
      functionsCommand.run({ positionals: ['no/such/module.ts'], values: {} }, io([])),
    ).rejects.toMatchObject({ code: 'cli/usage', message: expect.stringContaining('no such file') });
  });
});
