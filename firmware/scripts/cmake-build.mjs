#!/usr/bin/env node
// Configures and builds the host firmware into firmware/build (incremental: cmake and make only
// redo what changed). `--test` then runs ctest with output shown for failures.
// Missing tools fail with the OS package to install, not a cryptic compiler error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const firmwareDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const buildDir = join(firmwareDir, 'build');
const args = process.argv.slice(2);
const runTests = args.includes('--test');
const jobs = String(Math.max(1, Math.min(cpus().length, 2)));

const tools = [
  { cmd: 'cmake', args: ['--version'], install: 'cmake (Debian/Ubuntu: apt install cmake; macOS: brew install cmake)' },
  { cmd: 'c++', args: ['--version'], install: 'a C++17 compiler (Debian/Ubuntu: apt install g++; macOS: xcode-select --install)' },
  { cmd: 'pkg-config', args: ['--version'], install: 'pkg-config (Debian/Ubuntu: apt install pkg-config; macOS: brew install pkg-config)' },
];
const libraries = [
  { module: 'libcurl', install: 'libcurl4-openssl-dev (Debian/Ubuntu) / curl (macOS brew)' },
  { module: 'libcjson', install: 'libcjson-dev (Debian/Ubuntu) / cjson (macOS brew)' },
  { module: 'libmosquitto', install: 'libmosquitto-dev (Debian/Ubuntu) / mosquitto (macOS brew)' },
];

function fail(message) {
  console.error(`firmware build: ${message}`);
  process.exit(1);
}

for (const tool of tools) {
  const probe = spawnSync(tool.cmd, tool.args, { stdio: 'ignore' });
  if (probe.error || probe.status !== 0) fail(`${tool.cmd} not found: install ${tool.install}`);
}
for (const lib of libraries) {
  const probe = spawnSync('pkg-config', ['--exists', lib.module], { stdio: 'ignore' });
  if (probe.status !== 0) fail(`${lib.module} not found by pkg-config: install ${lib.install}`);
}

function run(cmd, cmdArgs) {
  const result = spawnSync(cmd, cmdArgs, { stdio: 'inherit', cwd: firmwareDir });
  if (result.error) fail(`${cmd} failed to start: ${result.error.message}`);
  return result.status ?? 1;
}

// Several test runners may build at once (vitest forks, graders); two builds in one tree corrupt
// each other, so take a lock directory (mkdir is atomic) and wait for it. The owner file names the
// holder by pid and start time: a holder that died (even one left as an unreaped zombie, which
// kill(pid, 0) still reports alive) or whose pid was reused no longer counts.
const lockDir = join(buildDir, '.build-lock');
const ownerFile = join(lockDir, 'owner');

function processStart(pid) {
  // Field 22 of /proc/<pid>/stat is the start time; field 3 the state (Z: zombie, X: dead).
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z' || fields[0] === 'X') return null;
    return fields[19] ?? '';
  } catch {
    // With /proc, an unreadable entry means the process is gone; without it, ask the kernel.
    return existsSync('/proc/self/stat') ? null : isAlive(pid) ? '' : null;
  }
}
function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}
function readOwner() {
  try {
    const [pid, start, ...command] = readFileSync(ownerFile, 'utf8').split(' ');
    return { pid: Number(pid), start, command: command.join(' ').trim() };
  } catch {
    return null; // not written yet, or the lock was just released
  }
}
function lockAgeMs() {
  try {
    return Date.now() - statSync(lockDir).mtimeMs;
  } catch {
    return 0;
  }
}
function ownerGone(owner) {
  const start = processStart(owner.pid);
  return start === null || (start !== '' && owner.start !== '' && start !== owner.start);
}
function acquireLock() {
  mkdirSync(buildDir, { recursive: true });
  const started = Date.now();
  const deadline = started + 20 * 60_000;
  let nextNote = started + 30_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(ownerFile, `${process.pid} ${processStart(process.pid) ?? ''} ${process.argv.slice(1).join(' ')}`);
      return;
    } catch (error) {
      if (error.code !== 'EEXIST') fail(`cannot take the build lock ${lockDir}: ${error.message}`);
      const owner = readOwner();
      // No owner file a minute after the mkdir: its maker died before writing one.
      const abandoned = owner ? owner.pid > 0 && ownerGone(owner) : lockAgeMs() > 60_000;
      if (abandoned) {
        // Move it aside first: a rename is atomic, so two waiters cannot both break it.
        const aside = `${lockDir}.stale-${process.pid}`;
        try {
          renameSync(lockDir, aside);
          rmSync(aside, { recursive: true, force: true });
          console.error(`firmware build: took over the build lock of ${owner ? `pid ${owner.pid}, which is no longer running` : 'a build that never started'}`);
        } catch {
          // Someone else broke it first.
        }
        continue;
      }
      const now = Date.now();
      const holder = owner ? `pid ${owner.pid} (${owner.command})` : 'another build';
      if (now > deadline)
        fail(`${holder} has held ${lockDir} for over 20 minutes; remove it if no build is running`);
      if (now >= nextNote) {
        console.error(`firmware build: waiting ${Math.round((now - started) / 1000)} s for the build lock held by ${holder}`);
        nextNote = now + 60_000;
      }
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
  }
}
let locked = false;
function releaseLock() {
  if (!locked) return;
  locked = false;
  rmSync(lockDir, { recursive: true, force: true });
}
acquireLock();
locked = true;
process.on('exit', releaseLock);
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => process.exit(130));

// A configure that failed half-way (a broken device.cmake, say) leaves a cache but no Makefile.
if (!existsSync(join(buildDir, 'CMakeCache.txt')) || !existsSync(join(buildDir, 'Makefile'))) {
  const status = run('cmake', ['-S', firmwareDir, '-B', buildDir, '-DCMAKE_BUILD_TYPE=Debug']);
  if (status !== 0) fail('cmake configure failed (see the message above; it names any missing package)');
}
if (run('cmake', ['--build', buildDir, '--parallel', jobs]) !== 0) fail('compilation failed');
// The tests only read what the build made: other builds may go on while they run (a test that
// hangs must not keep every other build waiting, and each test has a ceiling of its own).
releaseLock();
if (runTests) {
  const status = run('ctest', ['--test-dir', buildDir, '--output-on-failure', '--parallel', jobs, '--timeout', '300']);
  if (status !== 0) fail('ctest reported failures');
}
