import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { GraderError } from '../../src/core/grader-error.js';
import { closeSubmission, importSubmission } from '../../src/harness/import-submission.js';
import { sandboxSupport } from '../../src/sandbox/sandbox-support.js';
import { scratchDir } from '../helpers/fixture-paths.js';

const work = scratchDir('import');
const sub = join(work, 'sub');
const saved = { ...process.env };
// a uid of this file's own, as grade gives each submission
const UID = 230_000 + (process.pid % 10_000);

interface Lab {
  add(a: number, b: number): number;
  later(ms: number): Promise<string>;
  index(m: Map<string, Date>): { keys: string[]; years: number[] };
  spin(): void;
  quit(): void;
  counter(): number;
  peek(): string;
  give(): () => void;
  config: { limit: number };
}

const errorOf = async (p: Promise<unknown>): Promise<GraderError> => {
  try {
    await p;
  } catch (e) {
    return e as GraderError;
  }
  throw new Error('expected a rejection');
};

beforeAll(() => {
  mkdirSync(join(sub, 'src'), { recursive: true });
  writeFileSync(join(work, 'secret.txt'), 'SECRET-beside-the-submission');
  chmodSync(work, 0o755);
  writeFileSync(
    join(sub, 'src', 'lab.mjs'),
    [
      "import { readFileSync } from 'node:fs';",
      'globalThis.expect = () => "patched";',
      'let calls = 0;',
      'export const config = { limit: 3 };',
      'export const add = (a, b) => a + b;',
      'export const later = (ms) => new Promise((r) => setTimeout(() => r(`after ${ms}`), ms));',
      'export const index = (m) => ({ keys: [...m.keys()], years: [...m.values()].map((d) => d.getUTCFullYear()) });',
      'export function spin() { for (;;) {} }',
      'export function quit() { process.exit(7); }',
      'export function counter() { calls += 1; return calls; }',
      `export function peek() { try { return readFileSync(${JSON.stringify(join(work, 'secret.txt'))}, 'utf8'); } catch (e) { return e.code; } }`,
      'export function give() { return () => 1; }',
    ].join('\n'),
  );
  writeFileSync(join(sub, 'package.json'), JSON.stringify({ type: 'module' }));
  writeFileSync(join(sub, 'src', 'typed.ts'), 'export function twice(n: number): number { return n * 2; }\n');
  writeFileSync(join(sub, 'src', 'broken.mjs'), "throw new RangeError('bad start');\n");
  if (process.getuid?.() === 0) chownSync(sub, UID, UID);
  process.env.IOTKIT_SUBMISSION_DIR = sub;
  process.env.IOTKIT_SANDBOX_UID = String(UID);
});

afterAll(() => {
  process.env = saved;
  rmSync(work, { recursive: true, force: true });
});

describe('importSubmission', () => {
  it('calls exported functions in a sandboxed process with structured-cloned arguments and results', async () => {
    expect(sandboxSupport().isolation, 'install bubblewrap: sudo apt-get install -y bubblewrap').toBe(
      'bwrap',
    );
    const lab = await importSubmission<Lab>('src/lab.mjs');
    expect(await lab.add(2, 3)).toBe(5);
    expect(await lab.later(10)).toBe('after 10');
    const m = new Map([['a', new Date(Date.UTC(2024, 0, 1))]]);
    expect(await lab.index(m)).toEqual({ keys: ['a'], years: [2024] });
    expect(lab.config).toEqual({ limit: 3 });
    // the module's patch of globalThis stayed in its own process
    expect(typeof (globalThis as Record<string, unknown>).expect).not.toBe('function');
    expect(await lab.peek()).toBe('ENOENT');
    // the same path shares one process, so module state carries over like a normal import
    const again = await importSubmission<Lab>('src/lab.mjs');
    expect([await lab.counter(), await again.counter()]).toEqual([1, 2]);
  }, 60_000);

  it('stops a call that runs past its timeout and starts the module afresh for the next call', async () => {
    const lab = await importSubmission<Lab>('src/lab.mjs', { fresh: true, callTimeoutMs: 1500 });
    expect(await lab.counter()).toBe(1);
    const e = await errorOf(lab.spin());
    expect(e.code).toBe('grader/call-timeout');
    expect(e.message).toMatch(/^spin\(\) did not return within 1500 ms/);
    expect(await lab.counter()).toBe(1);
    closeSubmission(lab);
  }, 60_000);

  it('reports a crash as that call failing, with the exit code', async () => {
    const lab = await importSubmission<Lab>('src/lab.mjs', { fresh: true });
    const e = await errorOf(lab.quit());
    expect(e.code).toBe('grader/submission-crashed');
    expect(e.message).toMatch(/while running quit\(\): the process ended \(exit code 7\)/);
    expect(await lab.add(1, 1)).toBe(2);
    closeSubmission(lab);
  }, 60_000);

  it('names what cannot cross the boundary, a missing export, and a module that fails to load', async () => {
    const lab = await importSubmission<Lab>('src/lab.mjs');
    expect((await errorOf(lab.give())).code).toBe('grader/not-clonable');
    const noArg = await errorOf((lab.add as unknown as (f: () => void) => Promise<number>)(() => 1));
    expect(noArg.code).toBe('grader/not-clonable');
    const missing = await errorOf((lab as unknown as { mul(): Promise<number> }).mul());
    expect(missing.message).toMatch(/src\/lab\.mjs has no export named `mul` \(it exports: .*add.*\)/);
    const broken = await errorOf(importSubmission('src/broken.mjs'));
    expect([broken.code, broken.message]).toEqual([
      'grader/load-failed',
      'src/broken.mjs could not be loaded: RangeError: bad start',
    ]);
    expect((await errorOf(importSubmission('../secret.txt'))).code).toBe('grader/bad-arguments');
    expect((await errorOf(importSubmission('src/none.mjs'))).message).toBe(
      'src/none.mjs does not exist in the submission',
    );
  }, 60_000);

  it('loads TypeScript modules', async () => {
    const typed = await importSubmission<{ twice(n: number): number }>('src/typed.ts');
    expect(await typed.twice(21)).toBe(42);
    closeSubmission(typed);
  }, 60_000);
});
