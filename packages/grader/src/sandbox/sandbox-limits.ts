/** The limits every sandboxed program runs under. */
export interface SandboxLimits {
  /** Wall clock in milliseconds; the whole sandbox is killed when it passes. */
  timeoutMs: number;
  /** Memory in MB: the Node heap limit and the data-segment limit (plus a fixed allowance for Node itself). */
  memoryMb: number;
  /** Bytes of stdout/stderr kept. */
  outputLimitBytes: number;
  /** Processes and threads the sandbox may add to its user's count (a fork bomb stops here). */
  maxProcesses: number;
  /** Open files and sockets per process. */
  maxOpenFiles: number;
  /** Largest file the sandbox may write, and the size of its private `/tmp`, in MB. */
  maxFileMb: number;
}

/**
 * Memory Node needs on top of the heap (code, threads, buffers of the runtime); the data limit is
 * `memoryMb` plus this, so a program that fills Buffers outside the heap is still stopped.
 */
export const NODE_BASE_MEMORY_MB = 384;

/**
 * The grader's limits for submission programs, from the variables the grader sets in the test
 * process (`IOTKIT_GRADER_MEMORY_MB`, `IOTKIT_GRADER_OUTPUT_LIMIT`), with defaults for a test run
 * outside the grader.
 * @param overrides - values that win over the environment
 */
export function sandboxLimits(overrides: Partial<SandboxLimits> = {}): SandboxLimits {
  const env = process.env;
  const num = (value: string | undefined, fallback: number): number => {
    const n = Number(value);
    return Number.isFinite(n) && n > 0 ? n : fallback;
  };
  return {
    timeoutMs: 5000,
    memoryMb: num(env.IOTKIT_GRADER_MEMORY_MB, 512),
    outputLimitBytes: num(env.IOTKIT_GRADER_OUTPUT_LIMIT, 64 * 1024),
    maxProcesses: num(env.IOTKIT_SANDBOX_MAX_PROCESSES, 256),
    maxOpenFiles: 256,
    maxFileMb: 64,
    ...overrides,
  };
}
