import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { DevicesError } from '../core/devices-error.js';
import { firmwareDir } from './firmware-paths.js';

/** Options of {@link buildFirmware}. */
export interface BuildFirmwareOptions {
  /** Also run ctest (the C++ unit tests). */
  readonly test?: boolean;
  /** Kill the build after this long (default 15 min: a clean build on 2 cores takes ~2). */
  readonly timeoutMs?: number;
  /** Receives the build's output lines (default: discarded; errors carry the tail). */
  readonly onOutput?: (line: string) => void;
  /** Environment of the build (default: this process's), e.g. a PATH pointing at another toolchain. */
  readonly env?: NodeJS.ProcessEnv;
}

/** What a build did. */
export interface BuildFirmwareResult {
  /** Wall time of the build in ms. */
  readonly ms: number;
  /** The build's output (last 100-200 KB). */
  readonly output: string;
}

/**
 * Builds the host firmware incrementally (CMake into `firmware/build`), through the same script
 * `pnpm --filter @iotkit/firmware build` runs. A missing compiler or library becomes
 * `devices/missing-tool` with the OS package to install; compile errors `devices/build-failed`.
 */
export async function buildFirmware(options: BuildFirmwareOptions = {}): Promise<BuildFirmwareResult> {
  const script = join(firmwareDir(), 'scripts', 'cmake-build.mjs');
  const args = options.test ? [script, '--test'] : [script];
  const started = Date.now();
  const child = spawn(process.execPath, args, {
    stdio: ['ignore', 'pipe', 'pipe'],
    env: options.env ?? process.env,
  });
  let output = '';
  const collect = (chunk: Buffer): void => {
    const text = chunk.toString('utf8');
    output += text;
    if (output.length > 200_000) output = output.slice(-100_000);
    if (options.onOutput) for (const line of text.split('\n')) if (line) options.onOutput(line);
  };
  child.stdout.on('data', collect);
  child.stderr.on('data', collect);
  const timeoutMs = options.timeoutMs ?? 15 * 60_000;
  const code = await new Promise<number | null>((resolveExit, reject) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(
        new DevicesError('devices/spawn-failed', `cannot run node for the firmware build: ${error.message}`, {
          cause: error,
        }),
      );
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolveExit(exitCode);
    });
  });
  if (code === 0) return { ms: Date.now() - started, output };
  const missing = /firmware build: (.* not found.*)/.exec(output);
  if (missing) throw new DevicesError('devices/missing-tool', missing[1] ?? 'a build tool is missing');
  const cmakeMissing = /iotkit: (.* not found: install .*)/.exec(output);
  if (cmakeMissing) throw new DevicesError('devices/missing-tool', cmakeMissing[1] ?? 'a library is missing');
  const tail = output.split('\n').slice(-40).join('\n');
  throw new DevicesError(
    'devices/build-failed',
    code === null
      ? `the firmware build was killed after ${timeoutMs} ms`
      : `the firmware build failed:\n${tail}`,
  );
}
