import { spawn } from 'node:child_process';
import { BoundedText } from '../core/bounded-text.js';

/** How a limited process ended. */
export interface LimitedProcessResult {
  /** Exit code, or null when a signal ended it. */
  code: number | null;
  /** Ending signal, if any. */
  signal: NodeJS.Signals | null;
  /** Whether the wall-clock limit killed it. */
  timedOut: boolean;
  /** stdout and stderr interleaved, bounded. */
  output: string;
  /** Wall time in milliseconds. */
  durationMs: number;
}

/** Options of {@link runLimited}. */
export interface LimitedProcessOptions {
  /** Working directory. */
  cwd: string;
  /** The complete environment (nothing is inherited). */
  env: Record<string, string>;
  /** Wall-clock limit in milliseconds; the whole process group is killed when it passes. */
  timeoutMs: number;
  /** Output bytes kept. */
  outputLimitBytes: number;
  /** Run as this uid/gid (root only). */
  sandboxId?: number;
}

/**
 * Runs a command in its own process group with an explicit environment, a wall-clock limit
 * that kills the whole group (grandchildren included), and bounded output.
 * @param file - executable
 * @param args - arguments
 * @param options - limits
 */
export function runLimited(
  file: string,
  args: string[],
  options: LimitedProcessOptions,
): Promise<LimitedProcessResult> {
  const started = performance.now();
  return new Promise((resolve) => {
    const out = new BoundedText(options.outputLimitBytes);
    const ids = options.sandboxId !== undefined ? { uid: options.sandboxId, gid: options.sandboxId } : {};
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      ...ids,
    });
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
    child.stdout?.on('data', (c: Buffer) => out.push(c));
    child.stderr?.on('data', (c: Buffer) => out.push(c));
    let settled = false;
    const finish = (code: number | null, signal: NodeJS.Signals | null, extra = ''): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // stray grandchildren (a device left running) must not outlive the submission
      killGroup();
      if (extra) out.push(extra);
      resolve({ code, signal, timedOut, output: out.toString(), durationMs: performance.now() - started });
    };
    child.on('error', (e) => finish(null, null, `\nfailed to start ${file}: ${e.message}\n`));
    child.on('exit', killGroup);
    child.on('close', (code, signal) => finish(code, signal));
  });
}
