import { spawn } from 'node:child_process';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { submissionDir } from '@iotkit/grader/harness';
import { DEVICE_BUILD_RECIPE, kitFirmwareDir } from './kit-paths.js';

/** Shared by every build on this machine, so the kit's library is compiled once. */
const BUILD_DIR = join(tmpdir(), 'iotkit-a2-device-build');
const LOCK_DIR = `${BUILD_DIR}.lock`;

function run(cmd: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) =>
      resolve({ code: 127, output: `${cmd}: ${error.message} (install cmake and a C++ compiler)` }),
    );
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** A directory used as a lock: mkdir is atomic. A lock older than 10 minutes is taken as stale. */
async function withBuildLock<T>(fn: () => Promise<T>): Promise<T> {
  const deadline = Date.now() + 5 * 60_000;
  for (;;) {
    try {
      mkdirSync(LOCK_DIR);
      break;
    } catch {
      const age = existsSync(LOCK_DIR) ? Date.now() - statSync(LOCK_DIR).mtimeMs : 0;
      if (age > 10 * 60_000) rmSync(LOCK_DIR, { recursive: true, force: true });
      if (Date.now() > deadline) throw new Error(`another firmware build held ${LOCK_DIR} for 5 minutes`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK_DIR, { recursive: true, force: true });
  }
}

/**
 * Compiles the app sources in `appDir` (`*.cpp`) with the kit's firmware library into a virtual
 * device and returns the executable: a private copy, so parallel graders do not overwrite each
 * other's. Compile errors become an Error whose message ends with the compiler output.
 */
export function buildA2Device(appDir: string): Promise<string> {
  if (!existsSync(appDir))
    return Promise.reject(
      new Error(`${appDir} does not exist: the firmware's app sources belong in firmware/src/app/`),
    );
  return withBuildLock(async () => {
    // CMake ties a build folder to one source folder, and the tests run from a fresh copy each
    // time, so the recipe is copied next to the shared build folder first.
    const recipeDir = `${BUILD_DIR}-recipe`;
    mkdirSync(recipeDir, { recursive: true });
    const recipe = readFileSync(join(DEVICE_BUILD_RECIPE, 'CMakeLists.txt'), 'utf8');
    const recipeFile = join(recipeDir, 'CMakeLists.txt');
    if (!existsSync(recipeFile) || readFileSync(recipeFile, 'utf8') !== recipe)
      writeFileSync(recipeFile, recipe);
    const configureArgs = [
      '-S',
      recipeDir,
      '-B',
      BUILD_DIR,
      `-DIOTKIT_FIRMWARE_DIR=${kitFirmwareDir()}`,
      `-DA2_APP_DIR=${appDir}`,
      '-DCMAKE_BUILD_TYPE=Release',
    ];
    let configure = await run('cmake', configureArgs);
    if (configure.code !== 0 && existsSync(BUILD_DIR)) {
      // A build folder left by another recipe or kit version: start it over once.
      rmSync(BUILD_DIR, { recursive: true, force: true });
      configure = await run('cmake', configureArgs);
    }
    if (configure.code !== 0)
      throw new Error(`cmake could not configure the firmware build:\n${configure.output.slice(-4000)}`);
    const compile = await run('cmake', ['--build', BUILD_DIR, '--parallel', '2']);
    if (compile.code !== 0)
      throw new Error(`your firmware does not compile:\n${compile.output.slice(-4000)}`);
    const copy = join(mkdtempSync(join(tmpdir(), 'iotkit-a2-device-')), 'a2-device');
    copyFileSync(join(BUILD_DIR, 'a2-device'), copy);
    return copy;
  });
}

let built: Promise<string> | undefined;

/** {@link buildA2Device} for the submission under test (`firmware/src/app/`), once per process. */
export function buildSubmissionDevice(): Promise<string> {
  built ??= buildA2Device(join(submissionDir(), 'firmware', 'src', 'app'));
  return built;
}
