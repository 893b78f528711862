import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** How submission code is isolated on this machine. */
export type SandboxIsolation = 'bwrap' | 'fallback';

/** What {@link sandboxSupport} found. */
export interface SandboxSupport {
  /** `bwrap`: namespaces and a minimal file system; `fallback`: limits and (as root) the `nobody` user only. */
  isolation: SandboxIsolation;
  /** Why the fallback is used (empty with bwrap). */
  reason: string;
  /** The `bwrap` executable found. */
  bwrapPath?: string;
}

/** The unprivileged user sandboxed code runs as when no run-specific one is set (`nobody`). */
export const SANDBOX_USER_ID = 65534;

/**
 * The user id sandboxed code of this run gets when the grader is root: `IOTKIT_SANDBOX_UID`
 * (the grader gives every submission a uid of its own, without an account, so process limits
 * and file ownership are per submission), else `nobody`.
 */
export function sandboxUserId(): number {
  const uid = Number(process.env.IOTKIT_SANDBOX_UID);
  return Number.isInteger(uid) && uid > 0 ? uid : SANDBOX_USER_ID;
}

const BWRAP_CANDIDATES = ['/usr/bin/bwrap', '/usr/local/bin/bwrap', '/bin/bwrap'];

let cached: SandboxSupport | undefined;

/** Whether this process runs as root. */
export function runsAsRoot(): boolean {
  return process.getuid?.() === 0;
}

/**
 * The bwrap arguments that give the sandbox its user: as root, bwrap needs no user namespace
 * (it mounts with real privileges) and the program drops to `nobody` with `setpriv`; as anybody
 * else, a user namespace maps the caller to `nobody` inside.
 */
export function identityArgs(root: boolean): string[] {
  return root
    ? []
    : [
        '--unshare-user',
        '--uid',
        String(SANDBOX_USER_ID),
        '--gid',
        String(SANDBOX_USER_ID),
        '--disable-userns',
      ];
}

/**
 * Finds out once per process whether `bwrap` can create a sandbox here, by starting `true` in a
 * minimal one. `IOTKIT_SANDBOX=off` forces the fallback (for comparisons and for machines where
 * the probe passes but real runs fail).
 */
export function sandboxSupport(): SandboxSupport {
  if (cached) return cached;
  cached = probe();
  return cached;
}

function probe(): SandboxSupport {
  if (process.platform !== 'linux')
    return { isolation: 'fallback', reason: `bubblewrap needs Linux; this machine runs ${process.platform}` };
  if (process.env.IOTKIT_SANDBOX === 'off')
    return { isolation: 'fallback', reason: 'the sandbox is switched off (IOTKIT_SANDBOX=off)' };
  const bwrapPath = BWRAP_CANDIDATES.find((p) => existsSync(p));
  if (!bwrapPath)
    return {
      isolation: 'fallback',
      reason: 'bubblewrap is not installed (sudo apt-get install -y bubblewrap)',
    };
  const root = runsAsRoot();
  const args = [
    '--ro-bind',
    '/usr',
    '/usr',
    '--symlink',
    'usr/bin',
    '/bin',
    '--symlink',
    'usr/lib',
    '/lib',
    '--symlink',
    'usr/lib64',
    '/lib64',
    '--proc',
    '/proc',
    '--dev',
    '/dev',
    '--unshare-pid',
    ...identityArgs(root),
    '--die-with-parent',
    '--',
    ...(root
      ? [
          '/usr/bin/setpriv',
          `--reuid=${SANDBOX_USER_ID}`,
          `--regid=${SANDBOX_USER_ID}`,
          '--clear-groups',
          '--',
        ]
      : []),
    '/usr/bin/true',
  ];
  const run = spawnSync(bwrapPath, args, { encoding: 'utf8', timeout: 10_000 });
  if (run.error || run.status !== 0) {
    const why = (run.stderr || run.error?.message || `exit code ${run.status}`).trim().split('\n')[0];
    return {
      isolation: 'fallback',
      reason: root
        ? `bwrap cannot create a sandbox here (${why}); a container without CAP_SYS_ADMIN is the usual cause`
        : `bwrap cannot create a user namespace here (${why}); \`iotkit doctor\` says how to enable them`,
    };
  }
  return { isolation: 'bwrap', reason: '', bwrapPath };
}

/**
 * The warning shown in the run summary and the instructor's feedback when the fallback is used.
 * @param support - what {@link sandboxSupport} found
 */
export function fallbackWarning(support: SandboxSupport): string {
  return (
    `submission code ran WITHOUT the bwrap sandbox: ${support.reason}. It still had the time, memory and ` +
    'process limits' +
    (runsAsRoot() ? ' and ran as `nobody`' : '') +
    ', but it could read any file its user can read (hidden tests in a kit checkout included) and use the network.'
  );
}
