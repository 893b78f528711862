// `iotkit mutants` on the grader's m0-clamp fixture: real grading of each mutant, so few runs.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CommandArgs, CommandIo } from '../../src/command.js';
import { mutantsCommand } from '../../src/commands/mutants.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = join(root, 'packages', 'grader', 'test', 'fixtures', 'm0-clamp');
// Under the grader package, so the copy resolves vitest and the harness like the fixture does.
const cache = join(root, 'packages', 'grader', 'node_modules', '.cache');
const dir = mkdtempSync(join(existsSync(cache) ? cache : tmpdir(), 'mutants-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(
  positionals: string[],
  values: CommandArgs['values'] = {},
): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const io: CommandIo = {
    out: (t) => lines.push(t),
    err: (t) => lines.push(t),
    env: {},
    root,
    waitForInterrupt: () => new Promise(() => {}),
  };
  const code = await mutantsCommand.run({ positionals, values }, io);
  return { code, out: lines.join('\n') };
}

describe('iotkit mutants', () => {
  it('rejects bad arguments with usage and status 2', async () => {
    expect(await run([])).toEqual({
      code: 2,
      out: expect.stringMatching(/usage: pnpm iotkit mutants <assignment>/),
    });
    expect((await run([fixture], { jobs: '0' })).code).toBe(2);
    expect((await run([fixture], { 'auto-limit': '-1' })).code).toBe(2);
    const only = await run([fixture], { only: 'nope', out: join(dir, 'none') });
    expect([only.code, only.out]).toEqual([
      2,
      expect.stringMatching(/grader\/bad-arguments: no mutant "nope"/),
    ]);
    expect((await run(['a99'])).out).toMatch(/grader\/assignment-not-found/);
  });

  it('fails when a weakened test lets a catalogue mutant survive, and writes the report', async () => {
    const weak = join(dir, 'm0-weak');
    cpSync(fixture, weak, { recursive: true });
    const testFile = join(weak, 'grading', 'public', 'servo.test.ts');
    writeFileSync(
      testFile,
      readFileSync(testFile, 'utf8').replace(
        "expect([label(90), label(89), label(180)]).toEqual(['open', 'closed', 'open']);",
        "expect(label(180)).toBe('open');",
      ),
    );
    const out = join(dir, 'report');
    const r = await run([weak], { only: 'opens-above-90', 'no-auto': true, out });
    expect(r.code, r.out).toBe(1);
    expect(r.out).toMatch(/opens-above-90 +2 +SURVIVED/);
    expect(r.out).toMatch(/problem: opens-above-90: survived: no graded test noticed this mistake/);
    expect(r.out).toMatch(/\[2\/2\] (reference|opens-above-90): /);
    const md = readFileSync(join(out, 'mutants.md'), 'utf8');
    expect(md).toMatch(/## Problems to fix\n\n- opens-above-90: survived/);
    expect(JSON.parse(readFileSync(join(out, 'mutants.json'), 'utf8')).ok).toBe(false);
  }, 240_000);
});
