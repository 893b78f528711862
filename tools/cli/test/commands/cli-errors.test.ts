// Every usage mistake named in docs/packages/cli.md: the message says what is wrong in the
// command's own terms, and the exit status is 2 (usage) — before any backend starts.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { runCli } from '../../src/run-cli.js';
import type { CommandIo } from '../../src/command.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'iotkit-cli-errors-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function iotkit(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CommandIo = {
    out: (t) => out.push(t),
    err: (t) => err.push(t),
    env: {},
    root,
    waitForInterrupt: () => new Promise(() => {}),
  };
  const code = await runCli(argv, COMMANDS, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('iotkit usage errors', () => {
  it('an unknown flag is named with the options the command has', async () => {
    const r = await iotkit('check', 'a2', '--verbose');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^iotkit: check has no option --verbose; its options: --markdown/);
    expect(r.err).toContain('Run `pnpm iotkit check --help` for usage.');
    expect(r.err).not.toMatch(/as in|positional argument starting/);
  });

  it('an option without its value says which one', async () => {
    const r = await iotkit('grade', 'a2', dir, '--jobs');
    expect([r.code, r.err.split('\n')[0]]).toEqual([2, 'iotkit: --jobs needs a value']);
  });

  it('a wrong value names the option and the value', async () => {
    const jobs = await iotkit('grade', 'a2', dir, '--jobs', 'zero');
    expect([jobs.code, jobs.err]).toEqual([
      2,
      'iotkit: --jobs must be a whole number of 1 or more, got "zero"',
    ]);
    const timeout = await iotkit('grade', 'a2', dir, '--timeout', '0');
    expect([timeout.code, timeout.err]).toEqual([
      2,
      'iotkit: --timeout must be a number of seconds above 0, got "0"',
    ]);
    const dashed = await iotkit('grade', 'a2', dir, '--timeout', '-5');
    expect([dashed.code, dashed.err.split('\n')[0]]).toEqual([
      2,
      'iotkit: --timeout needs a value (for one that starts with a dash, write --timeout=<value>)',
    ]);
  });

  it('an unexpected argument is named', async () => {
    const check = await iotkit('check', 'a2', 'extra');
    expect([check.code, check.err]).toEqual([
      2,
      'iotkit: check takes one assignment; unexpected "extra" (it checks the assignment folder itself)',
    ]);
    const doctor = await iotkit('doctor', 'now');
    expect([doctor.code, doctor.err.split('\n')[0]]).toEqual([
      2,
      'iotkit: doctor takes no arguments; unexpected "now"',
    ]);
  });

  it('a missing submission fails before the backend starts', async () => {
    const r = await iotkit('grade', 'a2', join(dir, 'missing'), '--hidden');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `iotkit: no such submission: "${join(dir, 'missing')}" (give folders, .zip files or git repositories)`,
    );
    expect(r.err + r.out).not.toMatch(/starting the local backend/);
  });

  it('missing arguments say what is needed', async () => {
    const check = await iotkit('check');
    expect([check.code, check.err]).toEqual([
      2,
      'iotkit: check needs an assignment: pnpm iotkit check <assignment>   (e.g. a2)',
    ]);
    const grade = await iotkit('grade', 'a2');
    expect(grade.code).toBe(2);
    expect(grade.err).toMatch(/^iotkit: grade needs an assignment and at least one submission/);
  });

  it('an unknown command lists the known ones (exit 2)', async () => {
    const r = await iotkit('grde');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^iotkit: unknown command "grde"; known commands: .*grade/);
  });
});
