import { spawnSync } from 'node:child_process';
import type { Command, CommandIo } from '../command.js';
import { REQUIREMENTS } from '../os/requirements.js';
import { hostProbe } from '../os/system-probe.js';

function runLoud(io: CommandIo, program: string, args: string[]): boolean {
  io.out(`$ ${program} ${args.join(' ')}`);
  const result = spawnSync(program, args, {
    stdio: 'inherit',
    env: { ...io.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  return result.error === undefined && result.status === 0;
}

/** `iotkit setup` (what `pnpm os-deps` runs): installs the OS packages the kit needs. */
export const setupCommand: Command = {
  name: 'setup',
  summary: 'install the missing OS packages (apt-get as root on Debian/Ubuntu), else print the commands',
  usage: [
    'Usage: pnpm iotkit setup [--dry-run]',
    '',
    'Finds which of the OS packages the kit needs are missing (the same checks as `doctor`). As root on',
    'Debian/Ubuntu it runs `apt-get update` once and `apt-get install -y` for them. Anywhere else it',
    'prints the exact commands for Debian/Ubuntu and macOS and exits 0 with a warning.',
  ].join('\n'),
  options: {
    'dry-run': { type: 'boolean', description: 'print what would be installed, change nothing' },
  },
  async run(args, io) {
    const probe = hostProbe(io.env);
    const missing = REQUIREMENTS.filter((r) => r.aptPackages.length > 0 && !r.check(probe).ok);
    const notInstallable = REQUIREMENTS.filter(
      (r) => r.required && r.aptPackages.length === 0 && !r.check(probe).ok,
    );
    for (const r of notInstallable) {
      io.err(
        `setup: warning: ${r.name} is missing and is not an OS package; install it with: ${r.debianInstall}`,
      );
    }
    if (missing.length === 0) {
      io.out('setup: all OS packages the kit needs are installed.');
      return 0;
    }
    const packages = missing.flatMap((r) => r.aptPackages);
    io.out(`setup: missing: ${missing.map((r) => r.name).join(', ')}`);
    const canApt = probe.platform === 'linux' && probe.isRoot && probe.run('apt-get', ['--version']).ok;
    if (canApt && args.values['dry-run'] !== true) {
      if (!runLoud(io, 'apt-get', ['update']) || !runLoud(io, 'apt-get', ['install', '-y', ...packages])) {
        io.err('setup: apt-get failed; see its output above.');
        return 1;
      }
      const still = missing.filter((r) => !r.check(hostProbe(io.env)).ok);
      if (still.length > 0) {
        io.err(`setup: still missing after apt-get: ${still.map((r) => r.name).join(', ')}`);
        return 1;
      }
      io.out('setup: done.');
      return 0;
    }
    const why =
      args.values['dry-run'] === true ? 'dry run' : 'not root on a Debian/Ubuntu machine with apt-get';
    io.err(`setup: warning: nothing installed (${why}). Run one of these yourself:`);
    io.out(`  Debian/Ubuntu: sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`);
    io.out(`  macOS:         ${missing.map((r) => r.macInstall).join(' && ')}`);
    return 0;
  },
};
