import { describe, expect, it } from 'vitest';
import { REQUIREMENTS } from '../../src/os/requirements.js';
import type { SystemProbe } from '../../src/os/system-probe.js';

const bwrap = REQUIREMENTS.find((r) => r.name === 'bubblewrap');

/** A stand-in machine: which programs start, and whether a user namespace may be made. */
function probe(options: {
  installed: boolean;
  sandbox: boolean;
  isRoot?: boolean;
  platform?: NodeJS.Platform;
}): SystemProbe & {
  calls: string[][];
} {
  const calls: string[][] = [];
  return {
    calls,
    run(program, args) {
      calls.push([program, ...args]);
      if (program !== 'bwrap' || !options.installed) return { ok: false, output: '' };
      if (args[0] === '--version') return { ok: true, output: 'bubblewrap 0.8.0' };
      return options.sandbox
        ? { ok: true, output: '' }
        : { ok: false, output: 'bwrap: setting up uid map: Permission denied' };
    },
    exists: () => false,
    platform: options.platform ?? 'linux',
    nodeVersion: '20.19.0',
    isRoot: options.isRoot ?? false,
  };
}

describe('the bubblewrap requirement', () => {
  it('is optional, installed by os-deps, and says how to enable user namespaces', () => {
    expect(bwrap?.required).toBe(false);
    expect(bwrap?.aptPackages).toEqual(['bubblewrap']);
    expect(bwrap?.debianInstall).toContain('kernel.unprivileged_userns_clone=1');
  });

  it('tries a real sandbox: with a user namespace for a normal user, without one as root', () => {
    const user = probe({ installed: true, sandbox: true });
    expect(bwrap?.check(user)).toEqual({ ok: true, detail: 'bubblewrap 0.8.0, sandbox works' });
    expect(user.calls[1]).toContain('--unshare-user');
    const root = probe({ installed: true, sandbox: true, isRoot: true });
    bwrap?.check(root);
    expect(root.calls[1]).not.toContain('--unshare-user');
  });

  it('names what is wrong: not installed, no user namespaces, not Linux', () => {
    expect(bwrap?.check(probe({ installed: false, sandbox: false })).detail).toBe('bwrap not found on PATH');
    expect(bwrap?.check(probe({ installed: true, sandbox: false }))).toEqual({
      ok: false,
      detail: 'bubblewrap 0.8.0 cannot create a sandbox here: bwrap: setting up uid map: Permission denied',
    });
    expect(bwrap?.check(probe({ installed: true, sandbox: true, platform: 'darwin' })).ok).toBe(false);
  });
});
