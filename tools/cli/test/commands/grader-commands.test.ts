import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { Command, CommandArgs, CommandIo } from '../../src/command.js';
import { checkCommand } from '../../src/commands/check.js';
import { gradeCommand } from '../../src/commands/grade.js';
import { handoutCommand } from '../../src/commands/handout.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const fixture = join(root, 'packages', 'grader', 'test', 'fixtures', 'a0-calc');
const dir = mkdtempSync(join(tmpdir(), 'grader-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(
  command: Command,
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
  const code = await command.run({ positionals, values }, io);
  return { code, out: lines.join('\n') };
}

describe('iotkit check / grade / handout', () => {
  it('reject missing arguments as usage errors', async () => {
    await expect(run(checkCommand, [])).rejects.toMatchObject({ code: 'cli/usage' });
    await expect(run(gradeCommand, ['a0'])).rejects.toMatchObject({ code: 'cli/usage' });
    await expect(run(gradeCommand, [fixture, dir], { jobs: '0' })).rejects.toMatchObject({
      code: 'cli/usage',
    });
    expect((await run(handoutCommand, [fixture])).code).toBe(2);
  });

  it('name the problem when the assignment or a submission does not exist', async () => {
    const check = await run(checkCommand, ['a99']);
    expect(check.code).toBe(1);
    expect(check.out).toMatch(/grader\/assignment-not-found: no assignment "a99"/);
    await expect(run(gradeCommand, [fixture, join(dir, 'missing')])).rejects.toMatchObject({
      code: 'cli/usage',
      message: expect.stringMatching(/^no such submission: /),
    });
  });

  it('exits 1 and names the submission when one could not be graded, still writing the class CSVs', async () => {
    const zip = join(dir, 'corrupt.zip');
    writeFileSync(zip, 'not a zip');
    const out = join(dir, 'grades');
    const r = await run(gradeCommand, [fixture, zip], { out });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not gradable: corrupt: .*not a readable zip/);
    expect(r.out).toMatch(/graded 0, not gradable 1 \(1 to retry after re-download\)/);
    expect(existsSync(join(out, 'summary.csv'))).toBe(true);
  });

  it('writes a handout and lists what it stripped', async () => {
    const out = join(dir, 'handout');
    const r = await run(handoutCommand, [fixture], { out });
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/stripped 2 solution region\(s\) from src\/calc.ts/);
    expect(readFileSync(join(out, 'src', 'calc.ts'), 'utf8')).toMatch(/TODO: return the mean/);
    expect((await run(handoutCommand, [fixture], { out })).out).toMatch(
      /grader\/bad-arguments: .* is not empty/,
    );
  });
});
