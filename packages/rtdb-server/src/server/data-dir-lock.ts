import { readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { RtdbError } from '../core/rtdb-error.js';

/**
 * Claims a data directory for this process (`LOCK` holding the pid). Two servers on one
 * directory would replay and truncate each other's logs, so the second one is refused. A lock
 * left by a process that no longer runs (killed hard) is taken over.
 */
export function lockDataDir(dir: string): () => void {
  const file = join(dir, 'LOCK');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    try {
      writeFileSync(file, String(process.pid), { flag: 'wx' });
      let released = false;
      return () => {
        if (released) return;
        released = true;
        try {
          unlinkSync(file);
        } catch {
          // Already gone: nothing to release.
        }
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const owner = Number(readFileSafely(file));
    if (Number.isInteger(owner) && owner > 0 && owner !== process.pid && isRunning(owner)) {
      throw new RtdbError(
        'rtdb/unavailable',
        `Data directory ${dir} is in use by another server (process ${owner})`,
      );
    }
    if (owner === process.pid) {
      throw new RtdbError(
        'rtdb/unavailable',
        `Data directory ${dir} is already used by another server in this process`,
      );
    }
    try {
      unlinkSync(file);
    } catch {
      // Someone else removed the stale lock first; the next attempt decides.
    }
  }
  throw new RtdbError('rtdb/unavailable', `Could not lock data directory ${dir}`);
}

function readFileSafely(file: string): string {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return '';
  }
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
