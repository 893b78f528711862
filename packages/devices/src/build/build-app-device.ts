import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DevicesError } from '../core/devices-error.js';
import { firmwareDir } from './firmware-paths.js';
import { withDirectoryLock } from './directory-lock.js';
import { runTool } from './run-tool.js';
import { compilerDiagnostics } from './compiler-diagnostics.js';

/** Options of {@link buildAppDevice}. */
export interface BuildAppDeviceOptions {
  /** Folder with the app's `.cpp`/`.h` files (an assignment's `firmware/src/app/`). */
  readonly appDir: string;
  /** Device name: the executable is `<name>-device`, e.g. `a2`. */
  readonly name: string;
  /** Where the shared CMake build folder lives (default: the OS temp folder). */
  readonly buildRoot?: string;
  /** Limit for configure + compile together (default 10 minutes). */
  readonly timeoutMs?: number;
  /** Build output lines as they come. */
  readonly onOutput?: (line: string) => void;
}

const RECIPE = (): string => join(firmwareDir(), 'cmake', 'virtual-device');

/**
 * Compiles an app folder with the kit's firmware library into a virtual device and returns the
 * path of a private copy of the executable (parallel graders never overwrite each other's).
 *
 * Every build on the machine shares one CMake build folder per kit firmware folder, under a
 * lock: the kit's library is compiled once, and each later build recompiles only the app. A
 * submission that does not compile fails with `devices/build-failed`, whose message starts with
 * the compiler's first errors (`file:line: error: …`); a missing tool with `devices/missing-tool`.
 * @param options - see {@link BuildAppDeviceOptions}
 */
export async function buildAppDevice(options: BuildAppDeviceOptions): Promise<string> {
  const appDir = resolve(options.appDir);
  if (!/^[a-z0-9][a-z0-9-]*$/.test(options.name))
    throw new DevicesError(
      'devices/bad-config',
      `device name must be lower-case letters, digits and -, got "${options.name}"`,
    );
  if (!existsSync(appDir))
    throw new DevicesError(
      'devices/build-failed',
      "firmware/src/app/ is missing: the app's sources belong there",
    );
  if (!readdirSync(appDir).some((f) => f.endsWith('.cpp')))
    throw new DevicesError(
      'devices/build-failed',
      "no .cpp file in firmware/src/app/: the app's sources belong there",
    );
  const kit = firmwareDir();
  const key = createHash('sha256').update(kit).digest('hex').slice(0, 10);
  const buildRoot = options.buildRoot ?? tmpdir();
  // The lock is a folder beside the build folder: its parent must exist, or mkdir never succeeds.
  mkdirSync(buildRoot, { recursive: true });
  const buildDir = join(buildRoot, `iotkit-device-build-${key}`);
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  const left = (): number => Math.max(1000, deadline - Date.now());
  return withDirectoryLock(`${buildDir}.lock`, left(), async () => {
    const target = `${options.name}-device`;
    const configureArgs = [
      '-S',
      RECIPE(),
      '-B',
      buildDir,
      `-DIOTKIT_FIRMWARE_DIR=${kit}`,
      `-DIOTKIT_APP_DIR=${appDir}`,
      `-DIOTKIT_DEVICE_NAME=${target}`,
      '-DCMAKE_BUILD_TYPE=Release',
    ];
    let configure = await runTool('cmake', configureArgs, { timeoutMs: left(), onOutput: options.onOutput });
    if (configure.code !== 0 && !configure.timedOut && existsSync(buildDir)) {
      // A build folder left by another kit version: start it over once.
      rmSync(buildDir, { recursive: true, force: true });
      configure = await runTool('cmake', configureArgs, { timeoutMs: left(), onOutput: options.onOutput });
    }
    if (configure.code === 127)
      throw new DevicesError(
        'devices/missing-tool',
        'cmake not found: install cmake and g++ (Debian: apt-get install cmake g++)',
      );
    if (/Could not find|No package '.*' found|pkg-config/i.test(configure.output) && configure.code !== 0)
      throw new DevicesError(
        'devices/missing-tool',
        `a library for the firmware build is missing (Debian: apt-get install pkg-config libcurl4-openssl-dev libcjson-dev):\n${configure.output.slice(-1500)}`,
      );
    if (configure.code !== 0)
      throw new DevicesError(
        'devices/build-failed',
        `cmake could not configure the firmware build:\n${configure.output.slice(-3000)}`,
      );
    const compile = await runTool('cmake', ['--build', buildDir, '--target', target, '--parallel', '2'], {
      timeoutMs: left(),
      onOutput: options.onOutput,
    });
    if (compile.timedOut)
      throw new DevicesError('devices/build-failed', 'the firmware build did not finish in time');
    if (compile.code !== 0) {
      const errors = compilerDiagnostics(compile.output, appDir);
      // Never the raw log: it could quote any file the app managed to #include.
      throw new DevicesError(
        'devices/build-failed',
        `your firmware does not compile:\n${errors.length > 0 ? errors.join('\n') : 'the errors are outside firmware/src/app/ (in a header the app includes, or at link time): check your #include lines and that every function you declare is defined'}`,
      );
    }
    mkdirSync(tmpdir(), { recursive: true });
    const copy = join(mkdtempSync(join(tmpdir(), `iotkit-${options.name}-device-`)), target);
    copyFileSync(join(buildDir, target), copy);
    return copy;
  });
}
