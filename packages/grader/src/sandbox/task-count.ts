import { readFileSync, readdirSync } from 'node:fs';

/**
 * Processes and threads (tasks) owned by `uid` right now, as the kernel counts them for
 * `RLIMIT_NPROC`; 0 where `/proc` cannot be read.
 * @param uid - real user id
 */
export function tasksOfUser(uid: number): number {
  let names: string[];
  try {
    names = readdirSync('/proc');
  } catch {
    return 0;
  }
  let total = 0;
  for (const name of names) {
    if (!/^\d+$/.test(name)) continue;
    let status: string;
    try {
      status = readFileSync(`/proc/${name}/status`, 'utf8');
    } catch {
      continue; // ended while we looked
    }
    const owner = /^Uid:\s+(\d+)/m.exec(status)?.[1];
    if (Number(owner) !== uid) continue;
    total += Number(/^Threads:\s+(\d+)/m.exec(status)?.[1] ?? '1');
  }
  return total;
}
