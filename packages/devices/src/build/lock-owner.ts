import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Who holds a lock directory, as written into its `owner` file. */
export interface LockOwner {
  /** Process id of the holder. */
  readonly pid: number;
  /** The holder's start time from `/proc` ('' where there is no `/proc`), so a reused pid does not count. */
  readonly start: string;
  /** The holder's command line, for messages. */
  readonly command: string;
}

/**
 * The start time of a running process, `''` when it runs but the start time cannot be read, or
 * `null` when it is gone. A zombie counts as gone: it holds nothing, yet `kill(pid, 0)` reports it
 * alive, and where nothing reaps orphans (some containers' init) it stays that way.
 * @param pid - the process to look up
 */
export function processStart(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm)": state is the 3rd field of the line, start time the 22nd.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return null;
    return fields[19] ?? '';
  } catch {
    if (existsSync('/proc/self/stat')) return null;
    try {
      process.kill(pid, 0);
      return '';
    } catch (error) {
      return (error as NodeJS.ErrnoException).code === 'EPERM' ? '' : null;
    }
  }
}

/**
 * Records this process as the holder of `lockDir`.
 * @param lockDir - a lock directory this process has just created
 */
export function writeLockOwner(lockDir: string): void {
  const owner = `${process.pid} ${processStart(process.pid) ?? ''} ${process.argv.slice(1).join(' ')}`;
  writeFileSync(join(lockDir, 'owner'), owner);
}

/**
 * The holder recorded in `lockDir`, or null when none is written yet (or the lock is gone).
 * @param lockDir - the lock directory
 */
export function readLockOwner(lockDir: string): LockOwner | null {
  try {
    const [pid, start, ...command] = readFileSync(join(lockDir, 'owner'), 'utf8').split(' ');
    const owner = { pid: Number(pid), start: start ?? '', command: command.join(' ').trim() };
    return Number.isInteger(owner.pid) && owner.pid > 0 ? owner : null;
  } catch {
    return null;
  }
}

/**
 * Whether the recorded holder no longer runs: its pid is gone, a zombie, or now another process.
 * @param owner - as read by {@link readLockOwner}
 */
export function lockOwnerGone(owner: LockOwner): boolean {
  const start = processStart(owner.pid);
  return start === null || (start !== '' && owner.start !== '' && start !== owner.start);
}
