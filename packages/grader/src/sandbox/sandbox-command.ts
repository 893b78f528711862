import { existsSync } from 'node:fs';
import { bwrapArgs } from './bwrap-args.js';
import { NODE_BASE_MEMORY_MB } from './sandbox-limits.js';
import type { SandboxPolicy } from './sandbox-policy.js';
import {
  runsAsRoot,
  sandboxSupport,
  sandboxUserId,
  type SandboxIsolation,
  type SandboxSupport,
} from './sandbox-support.js';
import { tasksOfUser } from './task-count.js';

/** A program ready to spawn inside the sandbox (see {@link sandboxCommand}). */
export interface SandboxedCommand {
  /** Executable to spawn (`bwrap`, `prlimit` or the program). */
  file: string;
  /** Its arguments. */
  args: string[];
  /** The complete environment (as given: nothing is added). */
  env: Record<string, string>;
  /** Run as this user (only in the fallback, when the grader is root). */
  uid?: number;
  /** Run as this group (only in the fallback, when the grader is root). */
  gid?: number;
  /** Which isolation it gets. */
  isolation: SandboxIsolation;
}

const PRLIMIT = ['/usr/bin/prlimit', '/bin/prlimit'].find((p) => existsSync(p));
const SETPRIV = ['/usr/bin/setpriv', '/bin/setpriv'].find((p) => existsSync(p));

/** setpriv's arguments that make the rest of the command run as the sandbox user, without supplementary groups. */
function dropArgs(id: number): string[] {
  return [`--reuid=${id}`, `--regid=${id}`, '--clear-groups', '--'];
}

/**
 * The `prlimit` prefix: processes (counted from what the sandbox user already runs), data
 * segment (heap and buffers, not address-space reservations, so WebAssembly still works), open
 * files, file size and no core files.
 */
function limitArgs(policy: SandboxPolicy, uid: number): string[] {
  if (!PRLIMIT) return [];
  const { limits } = policy;
  const nproc = tasksOfUser(uid) + limits.maxProcesses;
  return [
    PRLIMIT,
    `--nproc=${nproc}`,
    `--data=${(limits.memoryMb + NODE_BASE_MEMORY_MB) * 1024 * 1024}`,
    `--nofile=${limits.maxOpenFiles}`,
    `--fsize=${limits.maxFileMb * 1024 * 1024}`,
    '--core=0',
    '--',
  ];
}

/**
 * How to start `command` inside the sandbox. With bwrap: a minimal file system (see
 * `bwrapArgs`), the `nobody` user, the limits of the policy; without it (see
 * {@link sandboxSupport}): the same limits and, as root, the `nobody` user. Spawn the result in
 * its own process group (as {@link spawnLimited} does) and kill the group to stop it.
 * @param command - absolute path of the program
 * @param args - its arguments
 * @param policy - what it may see and use
 * @param env - its complete environment (see {@link sandboxEnv})
 * @param support - what this machine allows (default: {@link sandboxSupport})
 */
export function sandboxCommand(
  command: string,
  args: readonly string[],
  policy: SandboxPolicy,
  env: Record<string, string>,
  support: SandboxSupport = sandboxSupport(),
): SandboxedCommand {
  const root = runsAsRoot();
  // as root the program drops to the sandbox user, unless it keeps the caller's (mapped) identity
  const drops = root && policy.asCaller !== true;
  const id = policy.uid ?? sandboxUserId();
  const owner = drops ? id : (process.getuid?.() ?? id);
  const limited = [...limitArgs(policy, owner), command, ...args];
  if (support.isolation === 'bwrap' && support.bwrapPath) {
    const drop = drops ? ['/usr/bin/setpriv', ...dropArgs(id)] : [];
    return {
      file: support.bwrapPath,
      args: [...bwrapArgs(policy, drops), ...drop, ...limited],
      env,
      isolation: 'bwrap',
    };
  }
  // as root the fallback still drops to nobody: through setpriv when it exists (so launchers that
  // cannot set a uid get it too), else through the spawn options
  const drop = drops && SETPRIV ? [SETPRIV, ...dropArgs(id)] : [];
  const [file, ...rest] = [...drop, ...limited] as [string, ...string[]];
  return {
    file,
    args: rest,
    env,
    isolation: 'fallback',
    ...(drops && !SETPRIV ? { uid: id, gid: id } : {}),
  };
}
