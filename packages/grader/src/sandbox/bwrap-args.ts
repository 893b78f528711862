import { existsSync, lstatSync, readlinkSync } from 'node:fs';
import { dirname, sep } from 'node:path';
import type { SandboxPolicy } from './sandbox-policy.js';
import { identityArgs } from './sandbox-support.js';

/** System files a program needs to start and resolve `localhost`; nothing that names the machine's users' data. */
const SYSTEM_FILES = [
  '/etc/hosts',
  '/etc/nsswitch.conf',
  '/etc/ld.so.cache',
  '/etc/ld.so.conf',
  '/etc/ld.so.conf.d',
  '/etc/localtime',
  '/etc/ssl',
  '/etc/alternatives',
  '/etc/passwd',
  '/etc/group',
];

/** Top-level names that merged-/usr systems make symlinks into `/usr`. */
const USR_LINKS = ['/bin', '/sbin', '/lib', '/lib32', '/lib64', '/libx32'];

type Mount = { path: string; op: '--ro-bind' | '--bind' | 'mask' };

function under(path: string, dir: string): boolean {
  return path === dir || path.startsWith(`${dir}${sep}`);
}

/**
 * The bwrap arguments (up to and including `--`) for a policy: `/usr` and a few system files
 * read-only, a private `/proc`, `/dev` and size-limited `/tmp`, the policy's folders at their own
 * paths, new PID/IPC/UTS namespaces (the network one is kept, so loopback reaches the backend),
 * a new session, and death with the parent.
 * @param policy - what the program may see
 * @param root - whether the grader runs as root (see {@link identityArgs})
 */
export function bwrapArgs(policy: SandboxPolicy, root: boolean): string[] {
  const args: string[] = ['--ro-bind', '/usr', '/usr'];
  for (const link of USR_LINKS) {
    if (!existsSync(link)) continue;
    const st = lstatSync(link);
    if (st.isSymbolicLink()) args.push('--symlink', readlinkSync(link), link);
    else args.push('--ro-bind', link, link);
  }
  args.push('--perms', '0755', '--dir', '/etc');
  for (const file of SYSTEM_FILES) if (existsSync(file)) args.push('--ro-bind', file, file);
  args.push('--proc', '/proc', '--dev', '/dev');
  const tmpBytes = policy.limits.maxFileMb * 1024 * 1024;
  args.push('--perms', '1777', '--size', String(tmpBytes), '--tmpfs', '/tmp');

  const visible = (p: string): boolean => existsSync(p) && !under(p, '/usr') && !under(p, '/etc');
  const mounts: Mount[] = [
    ...policy.readOnly.filter(visible).map((path): Mount => ({ path, op: '--ro-bind' })),
    ...policy.writable.filter(visible).map((path): Mount => ({ path, op: '--bind' })),
    ...policy.masked.filter(visible).map((path): Mount => ({ path, op: 'mask' })),
  ].sort((a, b) => a.path.split(sep).length - b.path.split(sep).length || a.path.localeCompare(b.path));

  // bwrap would create missing parent folders with mode 0700 when run as root: create them first
  // with 0711, so the sandbox user can walk to its files but not list what sits beside them.
  const made = new Set<string>(['/', '/tmp']);
  const parentsOf = (path: string): string[] => {
    const out: string[] = [];
    for (let d = dirname(path); !made.has(d) && d !== dirname(d); d = dirname(d)) out.unshift(d);
    return out;
  };
  const placed: Mount[] = [];
  for (const m of mounts) {
    // inside a bind the source's own folders exist; inside a mask (an empty tmpfs) they must be made
    const enclosing = placed.filter((p) => under(m.path, p.path)).at(-1);
    if (enclosing?.op !== '--bind' && enclosing?.op !== '--ro-bind') {
      for (const d of parentsOf(m.path)) {
        args.push('--perms', '0711', '--dir', d);
        made.add(d);
      }
    }
    if (m.op === 'mask') {
      // empty, owned by root and not writable by the sandbox user
      args.push('--perms', '0755', '--size', '65536', '--tmpfs', m.path);
    } else {
      args.push(m.op, m.path, m.path);
    }
    placed.push(m);
    made.add(m.path);
  }
  args.push(
    '--unshare-pid',
    '--unshare-ipc',
    '--unshare-uts',
    '--unshare-cgroup-try',
    '--hostname',
    'iotkit-sandbox',
    ...identityArgs(root),
    '--die-with-parent',
    '--new-session',
    '--chdir',
    policy.cwd,
    '--',
  );
  return args;
}
