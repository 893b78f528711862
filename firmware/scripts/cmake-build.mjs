#!/usr/bin/env node
// Configures and builds the host firmware into firmware/build (incremental: cmake and make only
// redo what changed). `--test` then runs ctest with output shown for failures.
// Missing tools fail with the OS package to install, not a cryptic compiler error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
// each other, so take a lock directory (mkdir is atomic) and wait for it.
const lockDir = join(buildDir, '.build-lock');
function acquireLock() {
  mkdirSync(buildDir, { recursive: true });
  const deadline = Date.now() + 20 * 60_000;
  for (;;) {
    try {
      mkdirSync(lockDir);
      writeFileSync(join(lockDir, 'pid'), String(process.pid));
      return;
    } catch {
      let owner = 0;
      try {
        owner = Number(readFileSync(join(lockDir, 'pid'), 'utf8'));
      } catch {
        // The owner has not written its pid yet.
      }
      if (owner > 0 && !isAlive(owner)) rmSync(lockDir, { recursive: true, force: true });
      if (Date.now() > deadline) fail(`another build holds ${lockDir} for too long; remove it if no build is running`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 200);
    }
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
acquireLock();
process.on('exit', () => rmSync(lockDir, { recursive: true, force: true }));
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

// A configure that failed half-way (a broken device.cmake, say) leaves a cache but no Makefile.
if (!existsSync(join(buildDir, 'CMakeCache.txt')) || !existsSync(join(buildDir, 'Makefile'))) {
  const status = run('cmake', ['-S', firmwareDir, '-B', buildDir, '-DCMAKE_BUILD_TYPE=Debug']);
  if (status !== 0) fail('cmake configure failed (see the message above; it names any missing package)');
}
if (run('cmake', ['--build', buildDir, '--parallel', jobs]) !== 0) fail('compilation failed');
if (runTests) {
  const status = run('ctest', ['--test-dir', buildDir, '--output-on-failure', '--parallel', jobs]);
  if (status !== 0) fail('ctest reported failures');
}
