import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { DevicesError } from '../core/devices-error.js';
import { lockOwnerGone, readLockOwner, writeLockOwner } from './lock-owner.js';

/** A lock with no owner file older than this is taken as left behind by a killed process. */
const STALE_MS = 60_000;

/**
 * Runs `fn` while holding a lock shared by every process on the machine: a directory, because
 * `mkdir` is atomic, with an owner file naming the holder. A lock whose holder no longer runs is
 * taken over at once rather than waited out. Waits up to `waitMs` for a live holder.
 * @param lockDir - the directory used as the lock
 * @param waitMs - how long to wait for it
 * @param fn - the work done under the lock
 */
export async function withDirectoryLock<T>(
  lockDir: string,
  waitMs: number,
  fn: () => Promise<T>,
): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeLockOwner(lockDir);
      break;
    } catch (error) {
      // Only "someone holds it" is worth waiting for; a missing parent or no permission is not.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new DevicesError('devices/build-failed', `cannot take the build lock ${lockDir}: ${(error as Error).message}`);
      const owner = readLockOwner(lockDir);
      const abandoned = owner
        ? lockOwnerGone(owner)
        : existsSync(lockDir) && Date.now() - statSync(lockDir).mtimeMs > STALE_MS;
      if (abandoned) {
        breakLock(lockDir);
        continue;
      }
      if (Date.now() > deadline)
        throw new DevicesError(
          'devices/build-failed',
          `${owner ? `pid ${owner.pid} (${owner.command})` : 'another firmware build'} held the build lock ${lockDir} for over ${Math.round(waitMs / 1000)} s`,
        );
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(lockDir, { recursive: true, force: true });
  }
}

/** Removes an abandoned lock; the rename is atomic, so of two waiters only one breaks it. */
function breakLock(lockDir: string): void {
  const aside = `${lockDir}.stale-${process.pid}`;
  try {
    renameSync(lockDir, aside);
  } catch {
    return; // another waiter broke it first
  }
  rmSync(aside, { recursive: true, force: true });
}
