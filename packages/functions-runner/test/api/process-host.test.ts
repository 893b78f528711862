import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { getApps } from 'firebase-admin/app';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { eventually, startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';
import { startFunctionsRunner } from '../../src/api/start-functions-runner.js';
import type { FunctionsRunnerOptions, RunningFunctions } from '../../src/api/runner-types.js';
import {
  expectMixedReport,
  expectMixedSeen,
  MIXED_INVOCATIONS,
  MIXED_NS,
  readSeen,
  settled,
  writeMixedScenario,
} from '../support/mixed-scenario.js';

const fixture = (name: string): string => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));

let db: LocalRtdb;
const running: RunningFunctions[] = [];
const hostOutput: string[] = [];

beforeAll(async () => {
  db = await startLocalRtdb();
});
afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  await db?.stop();
});

async function host(
  module: string,
  namespace: string,
  extra: Partial<FunctionsRunnerOptions> = {},
): Promise<RunningFunctions> {
  const r = await startFunctionsRunner({
    module,
    databaseHost: db.host,
    namespace,
    isolation: 'process',
    onHostOutput: (line) => hostOutput.push(line),
    ...extra,
  });
  running.push(r);
  return r;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe("isolation: 'process' (the functions host)", () => {
  it('runs the mixed module in another process with the same events, identities, report and records', async () => {
    const logged: string[] = [];
    const functions = await host(fixture('mixed-functions.ts'), MIXED_NS, {
      log: (line) => logged.push(line),
    });
    expect(functions.isolation).toBe('process');
    expectMixedReport(functions);
    expect(logged).toHaveLength(13);
    const student = await writeMixedScenario(db.host, inject('authUrl'));
    await settled(functions, MIXED_INVOCATIONS);
    expectMixedSeen(await readSeen(db.host), student);
    const failing = functions.invocations.find((i) => i.name === 'v1Failing');
    expect(failing).toMatchObject({
      ok: false,
      ref: 'jobs/j1',
      params: { id: 'j1' },
      writer: { type: 'unauthenticated' },
    });
    expect(failing?.error).toBeInstanceOf(Error);
    expect((failing?.error as Error).message).toBe('job j1 failed');
    // Nothing of the module ran here: no admin app of its initializeApp() exists in this process.
    expect(getApps().map((app) => app.name)).not.toContain('[DEFAULT]');
  });

  it('wraps the command as asked, passes only a minimal environment, and ends the host on stop', async () => {
    process.env['FUNCTIONS_RUNNER_TEST_SECRET'] = 'do-not-leak';
    const seenCommands: string[][] = [];
    const functions = await host(fixture('host-identity.ts'), 'host-identity', {
      wrapCommand: (file, args, env) => {
        seenCommands.push([file, ...args]);
        return { file: '/usr/bin/env', args: ['IOTKIT_WRAPPED=yes', file, ...args], env };
      },
    });
    expect(seenCommands).toHaveLength(1);
    expect(seenCommands[0]?.[0]).toBe(process.execPath);
    await db.rest('PUT', 'probe/p1', 'host-identity', true);
    const identity = (await eventually(
      () => db.rest('GET', 'identity/p1', 'host-identity'),
      (v) => v !== null,
      { ms: 20_000 },
    )) as { pid: number; marker: string; leaked: string };
    expect(identity.pid).not.toBe(process.pid);
    expect(identity.marker).toBe('yes');
    expect(identity.leaked).toBe('none');
    expect(alive(identity.pid)).toBe(true);
    await functions.stop();
    await functions.stop();
    expect(alive(identity.pid)).toBe(false);
  });

  it('ends the host when the process of the runner is killed outright (no exit handler runs)', async () => {
    const require = createRequire(import.meta.url);
    const loader = pathToFileURL(
      join(dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs'),
    ).href;
    const parent = spawn(
      process.execPath,
      [
        '--conditions=@iotkit/source',
        '--import',
        loader,
        fixture('runner-process.ts'),
        fixture('host-identity.ts'),
        db.host,
        'killed-parent',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    const parentExited = new Promise((resolve) => parent.once('exit', resolve));
    try {
      await new Promise<void>((resolve, reject) => {
        parent.stdout.on('data', (chunk: Buffer) => {
          if (chunk.toString().includes('ready')) resolve();
        });
        parent.once('exit', (code) => reject(new Error(`the runner process exited early (${code})`)));
      });
      await db.rest('PUT', 'probe/p1', 'killed-parent', true);
      const { pid } = (await eventually(
        () => db.rest('GET', 'identity/p1', 'killed-parent'),
        (v) => v !== null,
        { ms: 20_000 },
      )) as { pid: number };
      expect(alive(pid)).toBe(true);
      parent.kill('SIGKILL');
      await parentExited;
      await eventually(
        async () => alive(pid),
        (isAlive) => !isAlive,
        { ms: 20_000 },
      );
      expect(alive(pid)).toBe(false);
    } finally {
      parent.kill('SIGKILL');
    }
  }, 90_000);

  it('logs a rejected promise a handler left behind and keeps firing triggers', async () => {
    const logged: string[] = [];
    const functions = await host(fixture('floating-rejection.ts'), 'floating', {
      log: (line) => logged.push(line),
    });
    await db.rest('PUT', 'jobs/j1', 'floating', 1);
    await eventually(
      async () => logged.some((line) => line.includes('forgot to await job j1')),
      (seen) => seen,
      { ms: 20_000 },
    );
    await db.rest('PUT', 'jobs/j2', 'floating', 1);
    await eventually(
      () => db.rest('GET', 'done/j2', 'floating'),
      (v) => v === true,
      { ms: 20_000 },
    );
    expect(logged).toContain('functions: unhandled rejection in the module: forgot to await job j1');
    await functions.idle();
    expect(
      functions.invocations
        .filter((i) => i.params['id'] === 'j2')
        .map((i) => i.name)
        .sort(),
    ).toEqual(['careless', 'healthy']);
  });

  it('reports a module that throws at import with its message', async () => {
    await expect(host(fixture('throws-at-import.ts'), 'bad-import')).rejects.toMatchObject({
      code: 'functions/load-failed',
      message: expect.stringContaining('student module exploded at import'),
    });
  });

  it("refuses a module with nothing to fire, listing what each export is (in the module namespace's alphabetical order)", async () => {
    const error = await host(fixture('https-only.ts'), 'https-only').catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'functions/no-triggers' });
    expect((error as { details: string[] }).details).toEqual([
      'not run  callMe: callable function (onCall); it will not fire locally (the local runner fires only Realtime Database triggers)',
      'not run  hello: HTTPS function (onRequest); it will not fire locally (the local runner fires only Realtime Database triggers)',
    ]);
  });

  it('gives up on a module that blocks at import, and kills its host', async () => {
    const started = Date.now();
    await expect(
      host(fixture('blocks-at-import.ts'), 'blocks', { hostStartTimeoutMs: 3000 }),
    ).rejects.toMatchObject({ code: 'functions/host-failed', message: expect.stringContaining('3000 ms') });
    expect(Date.now() - started).toBeLessThan(60_000);
  });

  it('needs the module as a path', async () => {
    await expect(
      startFunctionsRunner({ module: {}, databaseHost: db.host, namespace: 'x', isolation: 'process' }),
    ).rejects.toMatchObject({ code: 'functions/invalid-options' });
  });
});
