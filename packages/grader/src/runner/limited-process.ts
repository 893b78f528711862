import { spawnLimited } from '../sandbox/spawn-limited.js';

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
 * that kills the whole group (grandchildren included), and bounded output (see
 * {@link spawnLimited}, which this wraps).
 * @param file - executable
 * @param args - arguments
 * @param options - limits
 */
export async function runLimited(
  file: string,
  args: string[],
  options: LimitedProcessOptions,
): Promise<LimitedProcessResult> {
  const ids = options.sandboxId !== undefined ? { uid: options.sandboxId, gid: options.sandboxId } : {};
  const r = await spawnLimited(file, args, {
    cwd: options.cwd,
    env: options.env,
    timeoutMs: options.timeoutMs,
    outputLimitBytes: options.outputLimitBytes,
    ...ids,
  }).done;
  return { code: r.code, signal: r.signal, timedOut: r.timedOut, output: r.output, durationMs: r.durationMs };
}
