// The test cache must never replay a pass for code it did not re-check: a change to a file that
// tests read outside their own package has to change the hash of every test task that reads it.
import { execFileSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repoRoot = join(import.meta.dirname, '..', '..', '..', '..');
let clone: string;

/** Hash of every `test` task, from `turbo run test --dry=json` in the clone. */
function testHashes(): Map<string, string> {
  const out = execFileSync(join(repoRoot, 'node_modules', '.bin', 'turbo'), ['run', 'test', '--dry=json'], {
    cwd: clone,
    encoding: 'utf8',
    env: { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' },
    maxBuffer: 64 * 1024 * 1024,
  });
  const plan = JSON.parse(out) as { tasks: Array<{ taskId: string; task: string; hash: string }> };
  return new Map(plan.tasks.filter((t) => t.task === 'test').map((t) => [t.taskId, t.hash]));
}

/** Test tasks whose hash differs between two plans. */
function changed(before: Map<string, string>, after: Map<string, string>): string[] {
  return [...before].filter(([id, hash]) => after.get(id) !== hash).map(([id]) => id);
}

beforeAll(() => {
  // A copy of the tracked files (plus untracked, not ignored) with the repository's node_modules
  // linked in: turbo hashes files, so the copy must be a git repository of its own.
  clone = mkdtempSync(join(tmpdir(), 'iotkit-turbo-'));
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard', '-z'], {
    cwd: repoRoot,
    encoding: 'utf8',
  })
    .split('\0')
    .filter((f) => f !== '');
  for (const file of files) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    try {
      cpSync(join(repoRoot, file), join(clone, file));
    } catch {
      // A file deleted in the work tree but still tracked: nothing to copy.
    }
  }
  symlinkSync(join(repoRoot, 'node_modules'), join(clone, 'node_modules'));
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: clone, stdio: 'ignore' });
  };
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.email=ci@example.com', '-c', 'user.name=ci', 'commit', '-q', '-m', 'snapshot');
}, 120_000);

afterAll(() => rmSync(clone, { recursive: true, force: true }));

describe('turbo test inputs', () => {
  it('re-runs the firmware tests when the shared mapping vectors change', () => {
    const before = testHashes();
    appendFileSync(join(clone, 'packages', 'mapping', 'vectors.json'), '\n');
    const after = testHashes();
    expect(changed(before, after)).toEqual(
      expect.arrayContaining(['@iotkit/firmware#test', '@iotkit/mapping#test']),
    );
  }, 120_000);

  it('re-runs every test that installs the course rules when database.rules.json changes', () => {
    const before = testHashes();
    appendFileSync(join(clone, 'database.rules.json'), '\n');
    const after = testHashes();
    expect(changed(before, after)).toEqual(
      expect.arrayContaining([
        '@iotkit/rtdb-server#test',
        '@iotkit/devices#test',
        '@iotkit/grader#test',
        '@iotkit/a2-sensor-servo#test',
      ]),
    );
  }, 120_000);

  it('re-runs an assignment’s tests when the kit’s firmware library changes', () => {
    const before = testHashes();
    appendFileSync(join(clone, 'firmware', 'lib', 'iotkit', 'mapping', 'mapping.cpp'), '\n');
    const after = testHashes();
    expect(changed(before, after)).toEqual(
      expect.arrayContaining([
        '@iotkit/firmware#test',
        '@iotkit/devices#test',
        '@iotkit/a2-sensor-servo#test',
      ]),
    );
  }, 120_000);
});
