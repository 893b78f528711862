import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { DevicesError } from '../core/devices-error.js';
import { appCompileScript } from './app-compile-script.js';
import { compilerDiagnostics } from './compiler-diagnostics.js';
import { firmwareDir } from './firmware-paths.js';
import { prepareKitLibrary } from './kit-library.js';
import { runTool } from './run-tool.js';

/** The compile of an app that {@link buildAppDevice} is about to run, handed to {@link BuildAppDeviceOptions.wrap}. */
export interface AppBuildLaunch {
  /** The program (`/bin/sh`, running the compile script). */
  readonly file: string;
  /** Its arguments. */
  readonly args: readonly string[];
  /** Variables the compile needs on top of a minimal environment (none today). */
  readonly env: Readonly<Record<string, string>>;
  /** What it reads outside the app's submission: the app folder, the kit's headers and prebuilt libraries. */
  readonly files: readonly string[];
  /** The only folder it writes: the build's own (objects, logs, the executable). */
  readonly writable: readonly string[];
  /** Working directory (the build's own folder). */
  readonly cwd: string;
}

/** How to start a wrapped compile: the program, its complete environment and optionally its user. */
export interface WrappedAppBuildLaunch {
  /** Executable to spawn (e.g. a sandbox that runs the compile). */
  readonly file: string;
  /** Its arguments. */
  readonly args: readonly string[];
  /** The complete environment (nothing else is inherited). */
  readonly env: Readonly<Record<string, string>>;
  /** Working directory. */
  readonly cwd?: string;
  /** Run as this user. */
  readonly uid?: number;
  /** Run as this group. */
  readonly gid?: number;
}

/** Options of {@link buildAppDevice}. */
export interface BuildAppDeviceOptions {
  /** Folder with the app's `.cpp`/`.h` files (an assignment's `firmware/src/app/`). */
  readonly appDir: string;
  /** Device name: the executable is `<name>-device`, e.g. `a2`. */
  readonly name: string;
  /** Where the shared build folder of the kit's library lives (default: the OS temp folder). */
  readonly buildRoot?: string;
  /** Limit for the whole build: waiting for the kit's library, then compiling the app (default 10 minutes). */
  readonly timeoutMs?: number;
  /** Characters of compiler output kept (default 40 000; the first errors are always among them). */
  readonly outputLimit?: number;
  /** Build output lines as they come. */
  readonly onOutput?: (line: string) => void;
  /**
   * Compiles the app through a wrapper instead of directly, e.g. the grader's sandbox
   * (`sandboxLauncher()` of `@iotkit/grader/harness`), which must let the program read
   * `files`, write `writable`, and end everything it started when the spawned process is killed.
   * The kit's own library is always built without it (it is the kit's code, not the app's).
   */
  readonly wrap?: (launch: AppBuildLaunch) => WrappedAppBuildLaunch;
}

/**
 * Compiles an app folder with the kit's firmware library into a virtual device and returns the
 * path of its executable, in a private folder of its own (parallel graders never overwrite each
 * other's).
 *
 * Two halves: the kit's library is built once per kit firmware folder, in a build folder shared
 * by every build on the machine (under a lock; later calls only check it is up to date), with the
 * caller's rights; then the app's own `.cpp` files are compiled and linked against it in the
 * private folder — through `wrap` when given, so a grader runs student code's compile in its
 * sandbox. A submission that does not compile fails with `devices/build-failed`, whose message
 * lists the compiler's first errors in the app's own files (`src/app/x.cpp:12: error: …`) and never
 * the raw log; a missing tool fails with `devices/missing-tool`.
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
  const sources = readdirSync(appDir)
    .filter((f) => f.endsWith('.cpp'))
    .sort()
    .map((f) => join(appDir, f));
  if (sources.length === 0)
    throw new DevicesError(
      'devices/build-failed',
      "no .cpp file in firmware/src/app/: the app's sources belong there",
    );
  const kit = firmwareDir();
  const deadline = Date.now() + (options.timeoutMs ?? 10 * 60_000);
  const timeLeft = (): number => Math.max(1000, deadline - Date.now());
  const recipe = await prepareKitLibrary({
    kit,
    buildRoot: options.buildRoot ?? tmpdir(),
    timeLeft,
    onOutput: options.onOutput,
  });

  mkdirSync(tmpdir(), { recursive: true });
  const outDir = mkdtempSync(join(tmpdir(), `iotkit-${options.name}-device-`));
  const target = `${options.name}-device`;
  const executable = join(outDir, target);
  const objectDir = join(outDir, 'obj');
  const script = appCompileScript({ recipe, appDir, sources, objectDir, output: executable });
  const launch: AppBuildLaunch = {
    file: '/bin/sh',
    args: ['-c', script],
    env: {},
    files: [
      appDir,
      join(kit, 'lib'),
      join(kit, 'platform', 'host', 'include'),
      ...recipe.links.filter((l) => l.startsWith('/') && !l.startsWith('/usr/')),
      ...recipe.includes.filter((d) => !d.startsWith('/usr/') && !d.startsWith(kit)),
    ],
    writable: [outDir],
    cwd: outDir,
  };
  const wrapped = options.wrap?.(launch);
  const compile = wrapped
    ? await runTool(wrapped.file, wrapped.args, {
        timeoutMs: timeLeft(),
        onOutput: options.onOutput,
        outputLimit: options.outputLimit,
        env: wrapped.env,
        cwd: wrapped.cwd ?? outDir,
        uid: wrapped.uid,
        gid: wrapped.gid,
      })
    : await runTool(launch.file, launch.args, {
        timeoutMs: timeLeft(),
        onOutput: options.onOutput,
        outputLimit: options.outputLimit,
        cwd: outDir,
      });
  rmSync(objectDir, { recursive: true, force: true });
  const fail = (message: string): never => {
    rmSync(outDir, { recursive: true, force: true });
    throw new DevicesError('devices/build-failed', message);
  };
  if (compile.timedOut) fail('your firmware did not finish compiling in time and was stopped');
  if (compile.code === 127 && !wrapped) {
    rmSync(outDir, { recursive: true, force: true });
    throw new DevicesError(
      'devices/missing-tool',
      `the C++ compiler could not be started (Debian: apt-get install g++): ${compile.output.slice(0, 300)}`,
    );
  }
  if (compile.code !== 0 || !existsSync(executable)) {
    const errors = compilerDiagnostics(compile.output, appDir);
    // Never the raw log: it could quote any file the app managed to #include.
    if (errors.length > 0) fail(`your firmware does not compile:\n${errors.join('\n')}`);
    if (/error|undefined reference/i.test(compile.output))
      fail(
        'your firmware does not compile:\nthe errors are outside firmware/src/app/ (in a header the app includes, or at link time): check your #include lines and that every function you declare is defined',
      );
    fail(
      `the firmware build stopped (exit code ${compile.code}) before the compiler reported anything: a problem of the machine that builds it, not of your code`,
    );
  }
  // a sandbox user other than the caller runs the device later: it must reach the executable
  chmodSync(dirname(executable), 0o711);
  return executable;
}
