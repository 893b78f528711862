import {
  copyFileSync,
  existsSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventually, startLocalRtdb } from '@iotkit/rtdb-server/testing';
import type { LocalRtdb } from '@iotkit/rtdb-server/testing';
import { bundleForHost } from '../../src/api/host-bundle.js';
import { startFunctionsRunner } from '../../src/api/start-functions-runner.js';
import type { HostCommand, RunningFunctions } from '../../src/api/runner-types.js';

const fixtures = fileURLToPath(new URL('../fixtures/', import.meta.url));
const hostEntry = fileURLToPath(new URL('../../src/host/functions-host.ts', import.meta.url));
// A folder of its own inside the package, so the modules resolve the package's firebase SDKs and
// no other test file writes beside them.
let dir: string;
let db: LocalRtdb;
const running: RunningFunctions[] = [];

const leftovers = (): string[] => readdirSync(dir).filter((f) => f.startsWith('.iotkit-'));

/** Starts a process host for `module`, recording the command it was started with. */
async function hostFor(
  module: string,
  namespace: string,
): Promise<{ runner: RunningFunctions; command: HostCommand }> {
  let command: HostCommand | undefined;
  const runner = await startFunctionsRunner({
    module,
    databaseHost: db.host,
    namespace,
    isolation: 'process',
    onHostOutput: () => undefined,
    wrapCommand: (file, args, env) => {
      command = { file, args, env };
      return command;
    },
  });
  running.push(runner);
  if (!command) throw new Error('wrapCommand was not called');
  return { runner, command };
}

beforeAll(async () => {
  dir = mkdtempSync(join(fixtures, 'bundle-'));
  for (const f of ['servo-functions.ts', 'throws-at-import.ts'])
    copyFileSync(join(fixtures, f), join(dir, f));
  // the same triggers as CommonJS, the way a v1-era functions/index.js is written
  writeFileSync(
    join(dir, 'servo-functions.cjs'),
    [
      "const { onValueCreated } = require('firebase-functions/v2/database');",
      'exports.copyReading = onValueCreated("/devices/{uid}/readings/{readingId}", async (event) => {',
      '  await event.data.ref.root.child(`copies/${event.params.uid}/${event.params.readingId}`).set(event.data.val());',
      '});',
      '',
    ].join('\n'),
  );
  writeFileSync(join(dir, 'syntax-error.ts'), 'export const broken = (;\n');
  db = await startLocalRtdb();
});

afterAll(async () => {
  await Promise.all(running.map((r) => r.stop()));
  await db?.stop();
  rmSync(dir, { recursive: true, force: true });
});

describe('bundleForHost', () => {
  it('writes the host and an ES module as JavaScript beside the module, keeping package imports, and removes both', async () => {
    const bundle = await bundleForHost(join(dir, 'servo-functions.ts'), hostEntry);
    expect(bundle).toBeDefined();
    if (!bundle) return;
    expect(existsSync(bundle.hostEntry) && existsSync(bundle.module)).toBe(true);
    expect(leftovers()).toHaveLength(2);
    const code = readFileSync(bundle.module, 'utf8');
    // the SDKs stay imports, resolved from the module's folder as before
    expect(code).toMatch(/from ["']firebase-functions\/v2\/database["']/);
    // the host's own kit sources are bundled in, only plain JavaScript packages stay outside
    expect(readFileSync(bundle.hostEntry, 'utf8')).not.toMatch(/from ["'][^"']*\.ts["']/);
    bundle.remove();
    expect(leftovers()).toEqual([]);
  });

  it('leaves CommonJS and code esbuild cannot parse to the TypeScript loader', async () => {
    await expect(bundleForHost(join(dir, 'servo-functions.cjs'), hostEntry)).resolves.toBeUndefined();
    await expect(bundleForHost(join(dir, 'syntax-error.ts'), hostEntry)).resolves.toBeUndefined();
    expect(leftovers()).toEqual([]);
  });
});

describe('a process host started from the bundle', () => {
  it('runs on plain Node, fires triggers, and leaves no file behind', async () => {
    const { runner, command } = await hostFor(join(dir, 'servo-functions.ts'), 'bundled');
    expect(command.args.join(' ')).not.toContain('tsx');
    expect(leftovers()).toEqual([]);
    expect(runner.triggers.map((t) => t.name).sort()).toEqual(['copyReading', 'countDeletes']);
    await db.rest('PUT', 'devices/u1/readings/r1', 'bundled', { ir: 1234 });
    await eventually(
      () => db.rest('GET', 'copies/u1/r1', 'bundled'),
      (v) => (v as { ir?: number } | null)?.ir === 1234,
      { ms: 10_000 },
    );
  });

  it('still runs a CommonJS module, under the TypeScript loader', async () => {
    const { runner, command } = await hostFor(join(dir, 'servo-functions.cjs'), 'commonjs');
    expect(command.args.join(' ')).toContain('tsx');
    expect(runner.triggers.map((t) => t.name)).toEqual(['copyReading']);
  });

  it('names the module the user wrote when it fails at import, never the bundle', async () => {
    const error = (await hostFor(join(dir, 'throws-at-import.ts'), 'throws').catch(
      (e: unknown) => e,
    )) as Error;
    expect(error.message).toContain('student module exploded at import');
    expect(error.message).toContain(join(dir, 'throws-at-import.ts'));
    expect(error.message).not.toContain('.iotkit-');
    expect(leftovers()).toEqual([]);
  });

  it('removes the bundle when the host cannot even be started', async () => {
    await expect(
      startFunctionsRunner({
        module: join(dir, 'servo-functions.ts'),
        databaseHost: db.host,
        namespace: 'no-start',
        isolation: 'process',
        wrapCommand: () => {
          throw new Error('no sandbox here');
        },
      }),
    ).rejects.toThrow('no sandbox here');
    expect(leftovers()).toEqual([]);
  });

  it('reports a syntax error from the loader, as before bundling', async () => {
    const error = (await hostFor(join(dir, 'syntax-error.ts'), 'syntax').catch(
      (e: unknown) => e,
    )) as Error & {
      code?: string;
    };
    expect(error.code).toBe('functions/load-failed');
    expect(error.message).toContain('syntax-error.ts');
    expect(leftovers()).toEqual([]);
  });
});
