// Command bodies load only when their command runs: `--help` and a mistyped command must not pay
// for the grader, the test runner or a browser driver. Checked on a real process, since what
// matters is what Node loads, not what a test's module graph looks like.
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { runIotkit, type IotkitResult } from '../helpers/run-iotkit.js';

const recorder = new URL('../fixtures/module-log/record-modules.mjs', import.meta.url);
const cliModules = fileURLToPath(new URL('../../node_modules/', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iotkit-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAVY = ['vitest', 'playwright-core', 'firebase-tools', '@iotkit/grader'] as const;

// A dependency may be reached under any version's folder, so match its name in node_modules too;
// a workspace package resolves to its sources, so match the folder its link points at as well.
const heavyPlaces = HEAVY.map((name) => ({
  name,
  places: [`${sep}node_modules${sep}${name.replace('/', sep)}${sep}`],
  root: realpathSync(join(cliModules, name)) + sep,
}));

/** Runs `iotkit` with the module recorder preloaded; returns its result and every module it loaded. */
async function runRecorded(
  args: readonly string[],
): Promise<{ result: IotkitResult; modules: readonly string[] }> {
  const log = join(dir, `${args.join('-').replace(/[^\w-]/g, '_')}.log`);
  const result = await runIotkit(args, {
    ...process.env,
    NODE_OPTIONS: `${process.env['NODE_OPTIONS'] ?? ''} --import=${recorder.href}`.trim(),
    IOTKIT_MODULE_LOG: log,
  });
  const modules = readFileSync(log, 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('node:'))
    .map((line) => (line.startsWith('file:') ? fileURLToPath(line) : line));
  return { result, modules };
}

function heavyLoaded(modules: readonly string[]): Record<string, string[]> {
  const found: Record<string, string[]> = {};
  for (const { name, places, root } of heavyPlaces) {
    const hits = modules.filter((m) => m.startsWith(root) || places.some((p) => m.includes(p)));
    if (hits.length > 0) found[name] = [...new Set(hits)].slice(0, 3);
  }
  return found;
}

describe('iotkit loads a command body only when that command runs', () => {
  it('--help loads no heavy dependency and still lists every command', async () => {
    const { result, modules } = await runRecorded(['--help']);
    expect(result.code, result.stderr).toBe(0);
    // The recorder saw the CLI itself, so an empty log cannot pass for a light one.
    expect(modules).toContain(fileURLToPath(new URL('../../src/main.ts', import.meta.url)));
    expect(heavyLoaded(modules)).toEqual({});
    for (const command of COMMANDS) expect(result.stdout).toMatch(new RegExp(`^  ${command.name} `, 'm'));
  });

  it('an unknown command loads no heavy dependency', async () => {
    const { result, modules } = await runRecorded(['frobnicate']);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('unknown command "frobnicate"');
    expect(heavyLoaded(modules)).toEqual({});
  });

  it("doctor runs without loading another command's dependencies", async () => {
    const { result, modules } = await runRecorded(['doctor']);
    expect(result.stdout).toMatch(/^doctor: /m);
    expect(heavyLoaded(modules)).toEqual({});
  });

  it('a command that runs loads its body, and the recorder sees it', async () => {
    // `handout` without --out stops with a usage error, but only after its body (and so the
    // grader) has loaded: proof that the check above would notice a heavy import.
    const { result, modules } = await runRecorded(['handout', 'a2']);
    expect(result.code).toBe(2);
    expect(Object.keys(heavyLoaded(modules))).toContain('@iotkit/grader');
  });
});
