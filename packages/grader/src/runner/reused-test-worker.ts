import { fileURLToPath } from 'node:url';
import { BoundedText } from '../core/bounded-text.js';
import { spawnLimited, type LimitedChild } from '../sandbox/spawn-limited.js';
import type { LimitedProcessResult } from './limited-process.js';
import { loaderArgs } from './test-process-env.js';
import { isWorkerMessage, type WorkerMessage } from './worker-protocol.js';

const workerEntry = fileURLToPath(
  new URL(`./worker-entry.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url),
);

/** How a reused test worker is started. */
export interface ReusedTestWorkerOptions {
  /** The tests root every run uses (`grading/` + linked `node_modules`). */
  readonly testsRoot: string;
  /** The job file written there (tests root, limits). */
  readonly jobFile: string;
  /** The worker's environment, the same for every submission (limits, backend URLs, PATH). */
  readonly env: Record<string, string>;
  /** Heap limit of the worker and of each run's test process. */
  readonly memoryMb: number;
  /** Console bytes kept per run. */
  readonly outputLimitBytes: number;
  /** Upper bound of one worker process's whole life, whatever it runs. */
  readonly lifetimeMs: number;
  /** How long a new worker may take to start vitest (default 5 minutes), outside any submission's wall clock. */
  readonly startupMs?: number;
}

/** One run of the graded tests for one submission. */
export interface ReusedRunRequest {
  /** The submission's variables for this run. */
  readonly env: Record<string, string>;
  /** Where this run's observations go. */
  readonly observationsFile: string;
  /** Wall-clock limit of this run, from the moment the worker is ready. */
  readonly timeoutMs: number;
}

interface LiveWorker {
  readonly process: LimitedChild;
  readonly messages: WorkerMessage[];
  readonly waiters: Array<() => void>;
  exited: boolean;
  exit: { code: number | null; signal: NodeJS.Signals | null };
}

/**
 * One long-lived test process that grades submissions one after the other: vitest and its
 * transform cache start once instead of once per submission. A run that passes its wall clock
 * kills the whole process group, as a fresh test process would be killed; the next run starts a
 * new worker. A run's result has the same shape as a fresh process's, so the same outcome rules
 * (timeout, out of memory, crashed) apply.
 */
export class ReusedTestWorker {
  private live: LiveWorker | undefined;
  private runs = 0;
  /** Worker processes started so far (1 unless a run was killed or the worker crashed). */
  starts = 0;

  /** @param options - see {@link ReusedTestWorkerOptions} */
  constructor(private readonly options: ReusedTestWorkerOptions) {}

  private spawn(): LiveWorker {
    const o = this.options;
    const child = spawnLimited(
      process.execPath,
      [...loaderArgs(workerEntry), `--max-old-space-size=${o.memoryMb}`, workerEntry, o.jobFile],
      { cwd: o.testsRoot, env: o.env, timeoutMs: o.lifetimeMs, outputLimitBytes: 4096, ipc: true },
    );
    const live: LiveWorker = {
      process: child,
      messages: [],
      waiters: [],
      exited: false,
      exit: { code: null, signal: null },
    };
    const wake = (): void => {
      for (const w of live.waiters.splice(0)) w();
    };
    child.child.on('message', (m: unknown) => {
      if (!isWorkerMessage(m)) return;
      live.messages.push(m);
      wake();
    });
    void child.done.then((r) => {
      live.exited = true;
      live.exit = { code: r.code, signal: r.signal };
      if (this.live === live) this.live = undefined;
      wake();
    });
    this.starts += 1;
    return live;
  }

  /** Resolves when `pick` finds a message, the worker exits, or `deadline` passes; never rejects. */
  private async until<T>(live: LiveWorker, deadline: number, pick: (m: WorkerMessage) => T | undefined) {
    for (;;) {
      for (const m of live.messages) {
        const found = pick(m);
        if (found !== undefined) return found;
      }
      if (live.exited || performance.now() >= deadline) return undefined;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, Math.max(0, deadline - performance.now()));
        live.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /**
   * Runs the graded tests once for one submission.
   * @param request - the submission's variables, observations file and wall clock
   */
  async run(request: ReusedRunRequest): Promise<LimitedProcessResult> {
    const live = this.live ?? this.spawn();
    this.live = live;
    const output = new BoundedText(this.options.outputLimitBytes);
    const keep = (c: Buffer): void => output.push(c);
    live.process.child.stdout?.on('data', keep);
    live.process.child.stderr?.on('data', keep);
    // Starting vitest is the grader's cost, not the submission's: its wall clock starts once the
    // worker is ready (a worker that cannot start within the start-up ceiling ends the run).
    const startup = performance.now() + Math.max(request.timeoutMs, this.options.startupMs ?? 300_000);
    const ready = await this.until(live, startup, (m) => (m.kind === 'ready' ? m : undefined));
    const started = performance.now();
    const deadline = started + request.timeoutMs;
    const id = ++this.runs;
    let done: Extract<WorkerMessage, { kind: 'done' }> | undefined;
    try {
      if (ready) {
        live.messages.length = 0;
        try {
          live.process.child.send({
            kind: 'run',
            id,
            env: request.env,
            observationsFile: request.observationsFile,
          });
        } catch {
          // the worker went away in between: reported below as a test process that ended
        }
        // keep the 'ready' for the next run: the worker stays ready between runs
        live.messages.push(ready);
        done = await this.until(live, deadline, (m) => (m.kind === 'done' && m.id === id ? m : undefined));
      }
    } finally {
      live.process.child.stdout?.off('data', keep);
      live.process.child.stderr?.off('data', keep);
    }
    const timedOut = done === undefined && !live.exited;
    if (timedOut) {
      // the run passed its wall clock: the group goes (devices included), as a fresh process's would
      live.process.kill();
      await live.process.done;
    }
    if (done?.error) output.push(`\n${done.error}\n`);
    return {
      code: done ? 0 : live.exit.code,
      signal: done ? null : live.exit.signal,
      timedOut,
      output: output.toString(),
      durationMs: performance.now() - started,
    };
  }

  /** Stops the worker (its whole process group); a later run would start a new one. */
  async close(): Promise<void> {
    const live = this.live;
    this.live = undefined;
    if (!live) return;
    live.process.kill();
    await live.process.done;
  }
}
