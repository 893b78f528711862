// The build step of grader.config.json, run for real in the submission's sandbox.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSubmissionBuild, type SubmissionBuildOptions } from '../../src/runner/submission-build.js';
import { runsAsRoot, sandboxSupport } from '../../src/sandbox/sandbox-support.js';
import { scratchDir } from '../helpers/fixture-paths.js';

const work = scratchDir('submission-build');
const copy = join(work, 'submission');
const beside = join(work, 'other-submission');
const marker = `/tmp/iotkit-build-escape-${process.pid}`;
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(marker, { force: true });
});

beforeAll(() => {
  expect(sandboxSupport().isolation, 'install bubblewrap: sudo apt-get install -y bubblewrap').toBe('bwrap');
  mkdirSync(join(copy, 'grading', 'hidden'), { recursive: true });
  writeFileSync(join(copy, 'grading', 'hidden', 'secret.test.ts'), 'SECRET-IN-GRADING');
  mkdirSync(beside, { recursive: true });
  writeFileSync(join(beside, 'answer.txt'), 'SECRET-OF-ANOTHER');
});

const options = (over: Partial<SubmissionBuildOptions> = {}): SubmissionBuildOptions => ({
  dir: copy,
  binPath: [],
  timeoutMs: 60_000,
  memoryMb: 256,
  outputLimitBytes: 16_384,
  ...over,
});

const sh = (
  script: string,
  over: Partial<SubmissionBuildOptions> = {},
): ReturnType<typeof runSubmissionBuild> => runSubmissionBuild(['sh', '-c', script], options(over));

describe('runSubmissionBuild', () => {
  it('writes in its own copy and nowhere else: not the host /tmp, not another submission', async () => {
    const r = await sh(
      `echo built > out.txt; echo FORGED > ${marker}; echo FORGED > ${beside}/answer.txt; cat ${beside}/answer.txt; ls grading`,
    );
    expect(r.isolation).toBe('bwrap');
    expect(readFileSync(join(copy, 'out.txt'), 'utf8')).toBe('built\n');
    expect(existsSync(marker)).toBe(false);
    expect(readFileSync(join(beside, 'answer.txt'), 'utf8')).toBe('SECRET-OF-ANOTHER');
    expect(r.output).not.toMatch(/SECRET/);
    expect(r.output).not.toContain('hidden');
  });

  it('runs as the submission’s uid when the grader is root, else as the caller mapped to nobody', async () => {
    const r = await sh('id -u', runsAsRoot() ? { uid: 234_567 } : {});
    expect(r.code).toBe(0);
    expect(r.output.trim()).toBe(runsAsRoot() ? '234567' : '65534');
  });

  it('stops at the wall clock with every process it started', async () => {
    const r = await sh('sleep 97.5 & sleep 97.5 & wait', { timeoutMs: 1500 });
    expect(r.timedOut).toBe(true);
    const ps = spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' }).stdout;
    expect(ps).not.toContain('sleep 97.5');
  });

  it('runs under the process, memory and file limits', async () => {
    // (the kernel counts processes per user and never limits uid 0: as root the build gets a uid)
    const r = await sh('cat /proc/self/limits', runsAsRoot() ? { uid: 234_568 } : {});
    const limit = (name: string): number => Number(new RegExp(`^${name}\\s+(\\d+)`, 'm').exec(r.output)?.[1]);
    expect(limit('Max processes')).toBeGreaterThanOrEqual(256);
    expect(limit('Max processes')).toBeLessThan(256 + 5000);
    expect(limit('Max data size')).toBe((256 + 384) * 1024 * 1024);
    expect(limit('Max open files')).toBe(256);
    expect(limit('Max file size')).toBe(64 * 1024 * 1024);
  });

  it('reports a command that does not exist as a failed build, not a crash', async () => {
    const r = await runSubmissionBuild(['no-such-build-tool'], options());
    expect(r.code).not.toBe(0);
    expect(r.output).toMatch(/no-such-build-tool/);
  });
});
