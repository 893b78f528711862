import type { SystemProbe } from './system-probe.js';
import { parseVersion, versionAtLeast } from './version.js';

/** The outcome of one check. */
export interface CheckResult {
  /** Whether the requirement is met. */
  readonly ok: boolean;
  /** What was found (a version, a path) or what is wrong. */
  readonly detail: string;
}

/** Something the kit needs from the machine, with how to get it. */
export interface Requirement {
  /** Short name shown by `doctor`. */
  readonly name: string;
  /** What needs it. */
  readonly neededFor: string;
  /** Whether `doctor` fails without it. */
  readonly required: boolean;
  /** Debian/Ubuntu packages `setup` installs with apt-get; empty when setup does not install it. */
  readonly aptPackages: readonly string[];
  /** The exact line for Debian/Ubuntu. */
  readonly debianInstall: string;
  /** The exact line for macOS. */
  readonly macInstall: string;
  /** Looks at the machine. */
  check(probe: SystemProbe): CheckResult;
}

/** The pnpm version the workspace is pinned to (`packageManager` in the root package.json). */
export const PNPM_VERSION = '12.4.2';

/** The lowest Node version the kit supports. */
export const NODE_MINIMUM = [20, 19, 0] as const;

const INCLUDE_DIRS = ['/usr/include', '/usr/local/include', '/opt/homebrew/include'];

function program(probe: SystemProbe, name: string, args: readonly string[]): CheckResult {
  const run = probe.run(name, args);
  if (!run.ok) return { ok: false, detail: `${name} not found on PATH` };
  return { ok: true, detail: run.output.split('\n')[0] ?? name };
}

function library(probe: SystemProbe, pkgConfigName: string, header: string): CheckResult {
  const pc = probe.run('pkg-config', ['--modversion', pkgConfigName]);
  if (pc.ok) return { ok: true, detail: `${pkgConfigName} ${pc.output}` };
  const found = INCLUDE_DIRS.map((dir) => `${dir}/${header}`).find((path) => probe.exists(path));
  return found ? { ok: true, detail: found } : { ok: false, detail: `${header} not found` };
}

function apt(packages: string): string {
  return `sudo apt-get update && sudo apt-get install -y ${packages}`;
}

/** Everything `doctor` checks, in order; `setup` installs the `aptPackages` of the missing ones. */
export const REQUIREMENTS: readonly Requirement[] = [
  {
    name: 'Node.js >= 20.19',
    neededFor: 'everything',
    required: true,
    aptPackages: [],
    debianInstall:
      'curl -fsSL https://deb.nodesource.com/setup_20.x | sudo -E bash - && sudo apt-get install -y nodejs',
    macInstall: 'brew install node@20',
    check(probe) {
      const version = parseVersion(probe.nodeVersion);
      const ok = version !== undefined && versionAtLeast(version, NODE_MINIMUM);
      return { ok, detail: ok ? `v${probe.nodeVersion}` : `v${probe.nodeVersion} is too old` };
    },
  },
  {
    name: `pnpm ${PNPM_VERSION}`,
    neededFor: 'the workspace',
    required: true,
    aptPackages: [],
    debianInstall: `npm install -g pnpm@${PNPM_VERSION}`,
    macInstall: `npm install -g pnpm@${PNPM_VERSION}`,
    check(probe) {
      const run = probe.run('pnpm', ['--version']);
      if (!run.ok) return { ok: false, detail: 'pnpm not found on PATH' };
      const version = run.output.split('\n').pop()?.trim() ?? '';
      return version === PNPM_VERSION
        ? { ok: true, detail: version }
        : { ok: false, detail: `found ${version}` };
    },
  },
  {
    name: 'g++',
    neededFor: 'the firmware host build',
    required: true,
    aptPackages: ['g++'],
    debianInstall: apt('g++'),
    macInstall: 'xcode-select --install',
    check: (probe) => program(probe, 'g++', ['--version']),
  },
  {
    name: 'cmake',
    neededFor: 'the firmware host build',
    required: true,
    aptPackages: ['cmake'],
    debianInstall: apt('cmake'),
    macInstall: 'brew install cmake',
    check: (probe) => program(probe, 'cmake', ['--version']),
  },
  {
    name: 'pkg-config',
    neededFor: 'finding libcurl, cJSON and libmosquitto',
    required: true,
    aptPackages: ['pkg-config'],
    debianInstall: apt('pkg-config'),
    macInstall: 'brew install pkg-config',
    check: (probe) => program(probe, 'pkg-config', ['--version']),
  },
  {
    name: 'libcurl (dev)',
    neededFor: 'HTTP in virtual devices',
    required: true,
    aptPackages: ['libcurl4-openssl-dev'],
    debianInstall: apt('libcurl4-openssl-dev'),
    macInstall: 'brew install curl',
    check: (probe) => library(probe, 'libcurl', 'curl/curl.h'),
  },
  {
    name: 'cJSON (dev)',
    neededFor: 'JSON in the firmware',
    required: true,
    aptPackages: ['libcjson-dev'],
    debianInstall: apt('libcjson-dev'),
    macInstall: 'brew install cjson',
    check: (probe) => library(probe, 'libcjson', 'cjson/cJSON.h'),
  },
  {
    name: 'libmosquitto (dev)',
    neededFor: 'MQTT in virtual devices (the A1 device publishes its readings through it)',
    required: true,
    aptPackages: ['libmosquitto-dev'],
    debianInstall: apt('libmosquitto-dev'),
    macInstall: 'brew install mosquitto',
    check: (probe) => library(probe, 'libmosquitto', 'mosquitto.h'),
  },
  {
    name: 'Mosquitto',
    neededFor:
      "the MQTT labs of A1: the same client tests run against the kit's broker and Debian's mosquitto",
    required: true,
    aptPackages: ['mosquitto', 'mosquitto-clients'],
    debianInstall: apt('mosquitto mosquitto-clients'),
    macInstall: 'brew install mosquitto',
    check(probe) {
      const path = ['/usr/sbin/mosquitto', '/usr/local/sbin/mosquitto', '/opt/homebrew/sbin/mosquitto'].find(
        (p) => probe.exists(p),
      );
      return path
        ? { ok: true, detail: path }
        : { ok: false, detail: 'mosquitto not found (/usr/sbin/mosquitto)' };
    },
  },
  {
    name: 'googletest',
    neededFor: 'the firmware unit tests',
    required: true,
    aptPackages: ['libgtest-dev', 'libgmock-dev'],
    debianInstall: apt('libgtest-dev libgmock-dev'),
    macInstall: 'brew install googletest',
    check: (probe) => library(probe, 'gtest', 'gtest/gtest.h'),
  },
  {
    name: 'Chromium',
    neededFor: 'dashboard browser tests and the A1 report PDF',
    required: true,
    aptPackages: ['chromium'],
    debianInstall: apt('chromium'),
    macInstall: 'brew install --cask chromium',
    check(probe) {
      const path = [
        '/usr/bin/chromium',
        '/usr/bin/chromium-browser',
        '/Applications/Chromium.app/Contents/MacOS/Chromium',
      ].find((p) => probe.exists(p));
      return path ? { ok: true, detail: path } : { ok: false, detail: '/usr/bin/chromium not found' };
    },
  },
  {
    name: 'tcpdump',
    neededFor:
      "the A1 layers lab: a live loopback capture (the kit's own capture is used where it may not run)",
    required: true,
    aptPackages: ['tcpdump'],
    debianInstall: apt('tcpdump'),
    macInstall: 'tcpdump ships with macOS',
    check(probe) {
      const path = ['/usr/bin/tcpdump', '/usr/sbin/tcpdump', '/usr/local/sbin/tcpdump'].find((p) =>
        probe.exists(p),
      );
      return path
        ? { ok: true, detail: path }
        : { ok: false, detail: 'tcpdump not found (/usr/bin/tcpdump)' };
    },
  },
  {
    name: 'bubblewrap',
    neededFor:
      'the grading sandbox (`check` and `grade` run submission code in it; without it they fall back to process limits and warn)',
    required: false,
    aptPackages: ['bubblewrap'],
    debianInstall: `${apt('bubblewrap')}; if bwrap is installed but cannot start: sudo sysctl -w kernel.unprivileged_userns_clone=1 (Debian/Ubuntu before 24.04) or sudo sysctl -w kernel.apparmor_restrict_unprivileged_userns=0 (Ubuntu 24.04+); in Docker run the container with --cap-add SYS_ADMIN`,
    macInstall:
      'not available on macOS: grade on Linux for the full sandbox (check still runs, with a warning)',
    check(probe) {
      if (probe.platform !== 'linux')
        return { ok: false, detail: `bubblewrap needs Linux (this is ${probe.platform})` };
      const version = probe.run('bwrap', ['--version']);
      if (!version.ok) return { ok: false, detail: 'bwrap not found on PATH' };
      // the same minimal sandbox the grader starts: as root without a user namespace, else with one
      const userns = probe.isRoot ? [] : ['--unshare-user', '--uid', '65534'];
      const sandbox = [
        '--ro-bind',
        '/usr',
        '/usr',
        '--symlink',
        'usr/bin',
        '/bin',
        '--symlink',
        'usr/lib',
        '/lib',
      ];
      const trial = probe.run('bwrap', [
        ...sandbox,
        '--symlink',
        'usr/lib64',
        '/lib64',
        '--proc',
        '/proc',
        '--dev',
        '/dev',
        '--unshare-pid',
        ...userns,
        '--',
        '/usr/bin/true',
      ]);
      return trial.ok
        ? { ok: true, detail: `${version.output}, sandbox works` }
        : {
            ok: false,
            detail: `${version.output} cannot create a sandbox here: ${trial.output.split('\n')[0] ?? ''}`,
          };
    },
  },
  {
    name: 'PlatformIO (optional)',
    neededFor: 'only a real ESP32: `iotkit build|flash|monitor` (virtual devices need none)',
    required: false,
    aptPackages: [],
    debianInstall: 'sudo apt-get install -y pipx && pipx install platformio && pipx ensurepath',
    macInstall: 'brew install platformio',
    check(probe) {
      for (const name of ['pio', 'platformio']) {
        const run = probe.run(name, ['--version']);
        if (run.ok) return { ok: true, detail: run.output.split('\n')[0] ?? name };
      }
      return { ok: false, detail: 'pio not found on PATH' };
    },
  },
  {
    name: 'Java 21 (optional)',
    neededFor: "only the official Database emulator (the kit's own RTDB server needs no Java)",
    required: false,
    aptPackages: [],
    // Debian 12's apt stops at Java 17, so the apt line alone would fail there.
    debianInstall:
      'Debian 13+ / Ubuntu 22.04+: sudo apt-get install -y openjdk-21-jre-headless; Debian 12: Java 21 is not in its apt, use the Eclipse Temurin apt repository (adoptium.net) or SDKMAN (sdk install java 21-tem)',
    macInstall: 'brew install openjdk@21',
    check(probe) {
      const run = probe.run('java', ['-version']);
      if (!run.ok) return { ok: false, detail: 'java not found on PATH' };
      const version = parseVersion(run.output.replace(/"(\d+)"/, '"$1.0.0"'));
      const line = run.output.split('\n')[0] ?? '';
      return version !== undefined && version[0] !== undefined && version[0] >= 21
        ? { ok: true, detail: line }
        : { ok: false, detail: `${line} (the Database emulator needs 21 or newer)` };
    },
  },
];

/** The Debian/Ubuntu packages `setup` manages (the same list `doctor` checks). */
export const OS_PACKAGES: readonly string[] = REQUIREMENTS.flatMap((r) => r.aptPackages);
