import { chmodSync, chownSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bwrapArgs } from '../../src/sandbox/bwrap-args.js';
import { sandboxCommand } from '../../src/sandbox/sandbox-command.js';
import { sandboxLimits } from '../../src/sandbox/sandbox-limits.js';
import type { SandboxPolicy } from '../../src/sandbox/sandbox-policy.js';
import { fallbackWarning, sandboxSupport } from '../../src/sandbox/sandbox-support.js';
import { spawnLimited } from '../../src/sandbox/spawn-limited.js';
import { scratchDir } from '../helpers/fixture-paths.js';

const work = scratchDir('sandbox');
// a uid of this file's own, as grade gives each submission (so parallel test files do not share a process budget)
const UID = 220_000 + (process.pid % 10_000);
const saved = process.env.IOTKIT_SANDBOX_UID;
const sub = join(work, 'sub');
const policy = (): SandboxPolicy => ({
  writable: [sub],
  readOnly: [join(work, 'shared.txt')],
  masked: [join(sub, 'grading')],
  cwd: sub,
  limits: sandboxLimits({ maxProcesses: 20 }),
});

beforeAll(() => {
  mkdirSync(join(sub, 'grading'), { recursive: true });
  writeFileSync(join(sub, 'grading', 'hidden.test.ts'), 'SECRET');
  writeFileSync(join(work, 'shared.txt'), 'shared');
  writeFileSync(join(work, 'other.txt'), 'other');
  // readable by everyone, as a kit checkout is: only the sandbox keeps it out of reach
  chmodSync(work, 0o755);
  if (process.getuid?.() === 0) chownSync(sub, UID, UID);
  process.env.IOTKIT_SANDBOX_UID = String(UID);
});
afterAll(() => {
  if (saved === undefined) delete process.env.IOTKIT_SANDBOX_UID;
  else process.env.IOTKIT_SANDBOX_UID = saved;
  rmSync(work, { recursive: true, force: true });
});

async function run(script: string, support = sandboxSupport()): Promise<string> {
  const cmd = sandboxCommand('/bin/sh', ['-c', script], policy(), { PATH: '/usr/bin:/bin' }, support);
  const r = await spawnLimited(cmd.file, cmd.args, {
    cwd: sub,
    env: cmd.env,
    timeoutMs: 20_000,
    outputLimitBytes: 8192,
    ...(cmd.uid !== undefined ? { uid: cmd.uid, gid: cmd.gid ?? cmd.uid } : {}),
  }).done;
  return r.output.trim();
}

describe('bwrapArgs', () => {
  it('binds folders at their own paths, parents before children, hides masks after their bind, keeps the network', () => {
    const args = bwrapArgs(policy(), true);
    const at = (...seq: string[]): number => args.findIndex((_, i) => seq.every((s, j) => args[i + j] === s));
    expect(at('--bind', sub, sub)).toBeGreaterThan(0);
    expect(at('--ro-bind', join(work, 'shared.txt'), join(work, 'shared.txt'))).toBeGreaterThan(0);
    expect(at('--tmpfs', join(sub, 'grading'))).toBeGreaterThan(at('--bind', sub, sub));
    expect(at('--perms', '0711', '--dir', work)).toBeLessThan(at('--bind', sub, sub));
    expect(at('--tmpfs', '/tmp')).toBeLessThan(at('--dir', work));
    expect(args).toContain('--unshare-pid');
    expect(args).not.toContain('--unshare-net');
    expect(args).not.toContain('--unshare-user');
    expect(args.at(-1)).toBe('--');
    expect(bwrapArgs(policy(), false)).toEqual(
      expect.arrayContaining(['--unshare-user', '--uid', '65534', '--disable-userns']),
    );
  });
});

describe('sandboxCommand', () => {
  it('shows the program its folder and the read-only files only, with the tests hidden', async () => {
    expect(sandboxSupport().isolation, 'install bubblewrap: sudo apt-get install -y bubblewrap').toBe(
      'bwrap',
    );
    const out = await run(
      [
        'cat ../shared.txt; echo',
        '[ -e ../other.txt ] && echo other-visible || echo other-absent',
        'ls .. 2>/dev/null || echo unlisted',
        'ls grading | wc -l',
        '( echo x > ../shared.txt ) 2>/dev/null || echo read-only',
        'echo mine > mine.txt && cat mine.txt',
        'id -u',
      ].join('; '),
    );
    expect(out.split('\n')).toEqual([
      'shared',
      'other-absent',
      // as root the folders on the way are the kit's, walkable but not listable; in a user namespace they are the caller's
      ...(process.getuid?.() === 0 ? ['unlisted'] : ['shared.txt', 'sub']),
      '0',
      'read-only',
      'mine',
      String(process.getuid?.() === 0 ? UID : 65534),
    ]);
  });

  it('stops a fork bomb at the process limit', async () => {
    // only shell built-ins besides the forks under test, so the count is printed whatever happens
    const out = await run(
      'ok=0; i=0; while [ $i -lt 60 ]; do i=$((i+1)); (sleep 3 &) 2>/dev/null && ok=$((ok+1)); done; echo started $ok',
    );
    expect(out).toMatch(/started \d+/);
    expect(Number(/started (\d+)/.exec(out)?.[1])).toBeLessThan(60);
  });

  it('falls back to limits (and nobody, as root) with a warning that says what is lost', async () => {
    const fallback = { isolation: 'fallback' as const, reason: 'bubblewrap is not installed' };
    const cmd = sandboxCommand('/bin/true', [], policy(), {}, fallback);
    expect(cmd.isolation).toBe('fallback');
    // as root it drops to nobody on the command line, so any launcher gets the user change
    expect(cmd.file).toMatch(process.getuid?.() === 0 ? /setpriv$/ : /prlimit$/);
    expect(cmd.args.join(' ')).toMatch(/--nproc=\d+ --data=\d+ --nofile=256/);
    const out = await run('cat ../other.txt', fallback);
    expect(out).toBe('other');
    expect(fallbackWarning(fallback)).toMatch(
      /WITHOUT the bwrap sandbox: bubblewrap is not installed.*hidden tests/,
    );
  });
});
