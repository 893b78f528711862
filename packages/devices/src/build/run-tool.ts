import { spawn } from 'node:child_process';

/** What {@link runTool} saw. */
export interface ToolRun {
  /** Exit code; `null` when a signal (or the time limit) ended it. */
  readonly code: number | null;
  /** Whether the time limit killed it. */
  readonly timedOut: boolean;
  /** stdout and stderr interleaved: the beginning and the end when it was longer than the limit. */
  readonly output: string;
}

/** Options of {@link runTool}. */
export interface RunToolOptions {
  /** Kill the whole process group after this long. */
  readonly timeoutMs: number;
  /** Receives output lines as they come (progress for long builds). */
  readonly onOutput?: ((line: string) => void) | undefined;
  /** Characters of output kept (default 40 000): three quarters from the start, the rest from the end. */
  readonly outputLimit?: number | undefined;
  /** The complete environment (default: this process's). */
  readonly env?: Readonly<Record<string, string>> | undefined;
  /** Working directory (default: this process's). */
  readonly cwd?: string | undefined;
  /** Run as this user (a sandbox fallback as root). */
  readonly uid?: number | undefined;
  /** Run as this group. */
  readonly gid?: number | undefined;
}

/** Output kept from the start and from the end, so the first compiler errors are never the ones dropped. */
class HeadAndTail {
  private head = '';
  private tail = '';
  private cut = false;

  constructor(private readonly limit: number) {}

  push(text: string): void {
    const headLimit = Math.floor((this.limit * 3) / 4);
    if (this.head.length < headLimit) {
      const take = headLimit - this.head.length;
      this.head += text.slice(0, take);
      text = text.slice(take);
    }
    if (text === '') return;
    const tail = this.tail + text;
    const tailLimit = this.limit - headLimit;
    if (tail.length > tailLimit) this.cut = true;
    this.tail = tail.slice(-tailLimit);
  }

  toString(): string {
    return this.cut ? `${this.head}\n[… output cut …]\n${this.tail}` : this.head + this.tail;
  }
}

/**
 * Runs a build tool (cmake, make, the compiler it starts) in its own process group, so a time
 * limit kills the compiler children too, not only the direct child (with a sandbox wrapper as
 * the program, the sandbox and everything in it). A tool that cannot be started comes back as
 * exit code 127 with the reason in `output`.
 * @param file - program
 * @param args - its arguments
 * @param options - limit and output callback
 */
export function runTool(file: string, args: readonly string[], options: RunToolOptions): Promise<ToolRun> {
  return new Promise((resolve) => {
    const child = spawn(file, [...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
      ...(options.env ? { env: { ...options.env } } : {}),
      ...(options.cwd ? { cwd: options.cwd } : {}),
      ...(options.uid !== undefined ? { uid: options.uid } : {}),
      ...(options.gid !== undefined ? { gid: options.gid } : {}),
    });
    const output = new HeadAndTail(options.outputLimit ?? 40_000);
    let pending = '';
    const keep = (chunk: Buffer): void => {
      const text = chunk.toString('utf8');
      output.push(text);
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
      resolve({ code: timedOut ? null : code, timedOut, output: output.toString() });
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
