import { existsSync, mkdirSync, rmSync, statSync } from 'node:fs';
import { DevicesError } from '../core/devices-error.js';

/** A lock older than this is taken as left behind by a killed process. */
const STALE_MS = 15 * 60_000;

/**
 * Runs `fn` while holding a lock shared by every process on the machine: a directory, because
 * `mkdir` is atomic. Waits up to `waitMs` for another holder.
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
      break;
    } catch (error) {
      // Only "someone holds it" is worth waiting for; a missing parent or no permission is not.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST')
        throw new DevicesError('devices/build-failed', `cannot take the build lock ${lockDir}: ${(error as Error).message}`);
      const age = existsSync(lockDir) ? Date.now() - statSync(lockDir).mtimeMs : 0;
      if (age > STALE_MS) rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline)
        throw new DevicesError(
          'devices/build-failed',
          `another firmware build held the build lock for ${Math.round(waitMs / 1000)} s`,
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
