import { spawn, type ChildProcess, type StdioOptions } from 'node:child_process';
import { BoundedText } from '../core/bounded-text.js';

/** Options of {@link spawnLimited}. */
export interface SpawnLimitedOptions {
  /** Working directory. */
  cwd: string;
  /** The complete environment (nothing is inherited). */
  env: Record<string, string>;
  /** Wall-clock limit in milliseconds; the whole process group is killed when it passes. */
  timeoutMs: number;
  /** Bytes kept of stdout, of stderr, and of both interleaved. */
  outputLimitBytes: number;
  /** Run as this user (needs root). */
  uid?: number;
  /** Run as this group (needs root). */
  gid?: number;
  /** Text written to stdin, which is then closed; `pipe` leaves stdin open for the caller; default: no stdin. */
  input?: string | 'pipe';
  /** Open an IPC channel with structured-clone serialization (`child.send`). */
  ipc?: boolean;
}

/** How a limited process ended. */
export interface SpawnLimitedResult {
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  /** Ending signal, if any. */
  signal: NodeJS.Signals | null;
  /** Whether the wall-clock limit killed it. */
  timedOut: boolean;
  /** Standard output (bounded). */
  stdout: string;
  /** Standard error (bounded). */
  stderr: string;
  /** Both interleaved as they came (bounded). */
  output: string;
  /** Wall time in milliseconds. */
  durationMs: number;
}

/** A running limited process. */
export interface LimitedChild {
  /** The Node child process (its pid leads the process group). */
  readonly child: ChildProcess;
  /** Resolves when it has ended and its group is gone; never rejects. */
  readonly done: Promise<SpawnLimitedResult>;
  /** Kills the whole process group at once. */
  kill(): void;
}

/**
 * Starts a program in its own process group with an explicit environment, a wall-clock limit
 * and bounded output. Whatever ends it (exit, the limit, {@link LimitedChild.kill}), the whole
 * group is killed, so no grandchild outlives it. With a sandboxed command (see
 * {@link sandboxCommand}) the group is bwrap, whose PID namespace takes every process of the
 * sandbox with it.
 * @param file - executable
 * @param args - arguments
 * @param options - see {@link SpawnLimitedOptions}
 */
export function spawnLimited(
  file: string,
  args: readonly string[],
  options: SpawnLimitedOptions,
): LimitedChild {
  const started = performance.now();
  const stdin = options.input === undefined ? 'ignore' : 'pipe';
  const stdio: StdioOptions = options.ipc ? [stdin, 'pipe', 'pipe', 'ipc'] : [stdin, 'pipe', 'pipe'];
  const child = spawn(file, [...args], {
    cwd: options.cwd,
    env: options.env,
    detached: true,
    stdio,
    ...(options.ipc ? { serialization: 'advanced' as const } : {}),
    ...(options.uid !== undefined ? { uid: options.uid } : {}),
    ...(options.gid !== undefined ? { gid: options.gid } : {}),
  });
  const out = new BoundedText(options.outputLimitBytes);
  const err = new BoundedText(options.outputLimitBytes);
  const both = new BoundedText(options.outputLimitBytes);
  let timedOut = false;
  const killGroup = (): void => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // the group is already gone
    }
  };
  const timer = setTimeout(() => {
    timedOut = true;
    killGroup();
  }, options.timeoutMs);
  child.stdout?.on('data', (c: Buffer) => {
    out.push(c);
    both.push(c);
  });
  child.stderr?.on('data', (c: Buffer) => {
    err.push(c);
    both.push(c);
  });
  if (child.stdin) {
    child.stdin.on('error', () => undefined);
    if (typeof options.input === 'string' && options.input !== 'pipe') child.stdin.end(options.input);
  }
  const done = new Promise<SpawnLimitedResult>((resolve) => {
    let settled = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null, extra = ''): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // stray grandchildren (a device left running) must not outlive the program
      killGroup();
      if (extra) {
        err.push(extra);
        both.push(extra);
      }
      resolve({
        code,
        signal,
        timedOut,
        stdout: out.toString(),
        stderr: err.toString(),
        output: both.toString(),
        durationMs: performance.now() - started,
      });
    };
    child.on('error', (e) => finish(null, null, `\nfailed to start ${file}: ${e.message}\n`));
    child.on('exit', killGroup);
    child.on('close', (code, signal) => finish(code, signal));
  });
  return { child, done, kill: killGroup };
}
