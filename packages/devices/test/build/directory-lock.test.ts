import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withDirectoryLock } from '../../src/build/directory-lock.js';
import { lockOwnerGone, processStart, readLockOwner } from '../../src/build/lock-owner.js';
import { endedPid } from './ended-process.js';

const work = mkdtempSync(join(tmpdir(), 'iotkit-lock-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function plantLock(lockDir: string, owner: string): void {
  mkdirSync(lockDir);
  writeFileSync(join(lockDir, 'owner'), owner);
}

describe('withDirectoryLock', () => {
  it('takes over at once a lock whose holder has ended, zombie or not', async () => {
    const lockDir = join(work, 'ended.lock');
    const pid = endedPid();
    plantLock(lockDir, `${pid} 123 node a-killed-build.mjs`);
    expect(processStart(pid)).toBeNull();
    const started = Date.now();
    const ran = await withDirectoryLock(lockDir, 60_000, async () => readLockOwner(lockDir)?.pid);
    expect(ran).toBe(process.pid); // the lock now names this process
    expect(Date.now() - started).toBeLessThan(30_000); // not waited out
  });

  it('takes over a lock whose pid now belongs to another process', async () => {
    const lockDir = join(work, 'reused.lock');
    plantLock(lockDir, `${process.pid} 1 node an-older-process-with-this-pid.mjs`);
    expect(lockOwnerGone(readLockOwner(lockDir)!)).toBe(true);
    await expect(withDirectoryLock(lockDir, 60_000, async () => 'ran')).resolves.toBe('ran');
  });

  it('waits for a live holder, then names it when the wait runs out', async () => {
    const lockDir = join(work, 'held.lock');
    plantLock(lockDir, `${process.pid} ${processStart(process.pid)} node holding-build.mjs`);
    await expect(withDirectoryLock(lockDir, 600, async () => 'ran')).rejects.toMatchObject({
      code: 'devices/build-failed',
      message: expect.stringContaining(`pid ${process.pid} (node holding-build.mjs) held the build lock`),
    });
    rmSync(lockDir, { recursive: true });
  });

  it('releases the lock when the work throws', async () => {
    const lockDir = join(work, 'thrown.lock');
    await expect(
      withDirectoryLock(lockDir, 1000, async () => {
        throw new Error('compile failed');
      }),
    ).rejects.toThrow('compile failed');
    await expect(withDirectoryLock(lockDir, 1000, async () => 'again')).resolves.toBe('again');
  });
});
