import { spawn } from 'node:child_process';

/** What {@link runTool} saw. */
export interface ToolRun {
  /** Exit code; `null` when a signal (or the time limit) ended it. */
  readonly code: number | null;
  /** Whether the time limit killed it. */
  readonly timedOut: boolean;
  /** The tail of stdout and stderr, interleaved (last 40 KB). */
  readonly output: string;
}

/** Options of {@link runTool}. */
export interface RunToolOptions {
  /** Kill the whole process group after this long. */
  readonly timeoutMs: number;
  /** Receives output lines as they come (progress for long builds). */
  readonly onOutput?: ((line: string) => void) | undefined;
}

/**
 * Runs a build tool (cmake, make, the compiler it starts) in its own process group, so a time
 * limit kills the compiler children too, not only the direct child. A tool that cannot be
 * started comes back as exit code 127 with the reason in `output`.
 * @param file - program
 * @param args - its arguments
 * @param options - limit and output callback
 */
export function runTool(file: string, args: readonly string[], options: RunToolOptions): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(file, [...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    let pending = '';
    const keep = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output = (output + text).slice(-40_000);
      if (!options.onOutput) return;
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) if (line.trim() !== '') options.onOutput(line);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ code: 127, timedOut: false, output: `${file}: ${error.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // The group may still hold stragglers (a compiler started by make); they go with it.
      killGroup(child.pid);
      resolve({ code: timedOut ? null : code, timedOut, output });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
