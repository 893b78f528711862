import { spawnSync } from 'node:child_process';

/**
 * The pid of a process that has ended: an orphan whose parent shell exits at once. Where nothing
 * reaps orphans it stays a zombie, which kill(pid, 0) still reports alive; elsewhere it is gone.
 */
export function endedPid(): number {
  const out = spawnSync('sh', ['-c', 'sleep 0.1 & echo $!'], { encoding: 'utf8' });
  const pid = Number(out.stdout.trim());
  spawnSync('sleep', ['0.4']);
  return pid;
}
