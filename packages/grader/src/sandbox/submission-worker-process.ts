import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { GraderError } from '../core/grader-error.js';
import { sandboxCommand, type SandboxedCommand } from './sandbox-command.js';
import type { SandboxSupport } from './sandbox-support.js';
import { sandboxEnv } from './sandbox-env.js';
import type { SandboxPolicy } from './sandbox-policy.js';
import { spawnLimited, type LimitedChild } from './spawn-limited.js';
import type { ExportInfo, FromWorker, ToWorker, WireError } from './worker/worker-protocol.js';

const fromSource = import.meta.url.endsWith('.ts');
const workerEntry = fileURLToPath(
  new URL(`./worker/submission-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url),
);
const OOM =
  /heap out of memory|Reached heap limit|Fatal process out of memory|Array buffer allocation failed/i;
/** The worker keeps running between calls; its wall clock only stops a worker nobody closed. */
const WORKER_LIFETIME_MS = 30 * 60_000;

/**
 * The command that starts the worker for `modulePath` inside the sandbox of `policy`.
 * @param modulePath - absolute path of the module
 * @param policy - the sandbox
 * @param support - what the machine allows (default: probed once)
 */
export function workerCommand(
  modulePath: string,
  policy: SandboxPolicy,
  support?: SandboxSupport,
): SandboxedCommand {
  const needsTsx = fromSource || /\.[cm]?tsx?$/.test(modulePath);
  const require = createRequire(import.meta.url);
  const flags = [`--max-old-space-size=${policy.limits.memoryMb}`];
  if (needsTsx) flags.push('--import', pathToFileURL(require.resolve('tsx/esm')).href);
  if (fromSource) flags.push('--conditions=@iotkit/source');
  return sandboxCommand(
    process.execPath,
    [...flags, workerEntry, modulePath],
    policy,
    sandboxEnv(policy.cwd),
    support,
  );
}

function settle(pending: Map<number, Pending>, message: FromWorker): void {
  if (message.type !== 'result' && message.type !== 'error') return;
  const p = pending.get(message.id);
  if (!p) return; // an answer to a call that already timed out, or one the submission made up
  pending.delete(message.id);
  clearTimeout(p.timer);
  if (message.type === 'result') p.resolve(message.value);
  else p.reject(submissionError(message.error));
}

/** Builds the error a test sees when submission code failed. */
function submissionError(error: WireError): Error {
  const e = new Error(error.message);
  e.name = error.name;
  if (error.stack) e.stack = error.stack;
  if (error.code) (e as Error & { code: string }).code = error.code;
  return e;
}

type Running = { proc: LimitedChild; ready: Promise<ExportInfo[]>; pending: Map<number, Pending> };
type Pending = {
  resolve: (v: unknown) => void;
  reject: (e: Error) => void;
  timer: NodeJS.Timeout;
  name: string;
};

const live = new Set<SubmissionWorkerProcess>();
process.once('exit', () => {
  for (const w of live) w.kill();
});

/**
 * One sandboxed Node process that has loaded a module of the submission and runs its exported
 * functions on request. A call that does not answer in time kills the process; a later call
 * starts a fresh one (the module's state starts over).
 */
export class SubmissionWorkerProcess {
  private current: Running | undefined;
  private nextId = 1;
  private stderrTail = '';

  /**
   * @param modulePath - absolute path of the module inside the submission
   * @param displayPath - the path as the student knows it (relative to the submission)
   * @param policy - the sandbox
   * @param loadTimeoutMs - time allowed to load the module
   * @param support - what the machine allows (default: probed once; the bench compares both)
   */
  constructor(
    private readonly modulePath: string,
    private readonly displayPath: string,
    private readonly policy: SandboxPolicy,
    private readonly loadTimeoutMs: number,
    private readonly support?: SandboxSupport,
  ) {}

  /** Starts the process if needed and resolves with the module's exports once it has loaded. */
  start(): Promise<ExportInfo[]> {
    if (this.current) return this.current.ready;
    if (!existsSync(this.modulePath)) {
      return Promise.reject(
        new GraderError('grader/load-failed', `${this.displayPath} does not exist in the submission`),
      );
    }
    const cmd = workerCommand(this.modulePath, this.policy, this.support);
    const proc = spawnLimited(cmd.file, cmd.args, {
      cwd: this.policy.cwd,
      env: cmd.env,
      timeoutMs: WORKER_LIFETIME_MS,
      outputLimitBytes: this.policy.limits.outputLimitBytes,
      ipc: true,
      ...(cmd.uid !== undefined ? { uid: cmd.uid } : {}),
      ...(cmd.gid !== undefined ? { gid: cmd.gid } : {}),
    });
    const pending = new Map<number, Pending>();
    live.add(this);
    proc.child.stderr?.on('data', (c: Buffer) => {
      this.stderrTail = (this.stderrTail + c.toString('utf8')).slice(-4000);
    });
    const ready = new Promise<ExportInfo[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.kill();
        reject(
          new GraderError(
            'grader/call-timeout',
            `loading ${this.displayPath} did not finish within ${this.loadTimeoutMs} ms and was stopped: code that runs when the module is imported (outside any function) must end quickly — an endless loop there is the usual cause`,
          ),
        );
      }, this.loadTimeoutMs);
      proc.child.on('message', (message: FromWorker) => {
        if (message.type === 'ready') {
          clearTimeout(timer);
          resolve(message.exports);
        } else if (message.type === 'load-failed') {
          clearTimeout(timer);
          reject(
            new GraderError(
              'grader/load-failed',
              `${this.displayPath} could not be loaded: ${message.error.name}: ${message.error.message}`,
            ),
          );
        } else {
          settle(pending, message);
        }
      });
      void proc.done.then((result) => {
        clearTimeout(timer);
        if (this.current?.proc === proc) {
          this.current = undefined;
          live.delete(this);
        }
        const why = this.crashReason(result.code, result.signal);
        reject(
          new GraderError('grader/submission-crashed', `${this.displayPath} ended while loading: ${why}`),
        );
        for (const [id, p] of pending) {
          pending.delete(id);
          clearTimeout(p.timer);
          p.reject(
            new GraderError(
              'grader/submission-crashed',
              `the submission's code crashed while running ${p.name}(): ${why}`,
            ),
          );
        }
      });
    });
    // a rejection nobody awaits yet (the module crashed between calls) must not end the test run
    ready.catch(() => undefined);
    this.current = { proc, ready, pending };
    return ready;
  }

  private crashReason(code: number | null, signal: NodeJS.Signals | null): string {
    if (OOM.test(this.stderrTail))
      return `it used more than the ${this.policy.limits.memoryMb} MB memory limit and was stopped`;
    const last = this.stderrTail.trim().split('\n').slice(-3).join(' | ');
    const how = signal ? `killed by ${signal}` : `exit code ${code}`;
    return `the process ended (${how})${last ? `; its last words: ${last}` : ''}`;
  }

  /**
   * Calls an exported function with structured-cloned arguments.
   * @param name - export name
   * @param args - arguments (plain data)
   * @param timeoutMs - time allowed for the call
   */
  async call(name: string, args: unknown[], timeoutMs: number): Promise<unknown> {
    await this.start();
    const running = this.current;
    if (!running) throw new GraderError('grader/submission-crashed', `${this.displayPath} is not running`);
    const { proc, pending } = running;
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        pending.delete(id);
        this.kill();
        reject(
          new GraderError(
            'grader/call-timeout',
            `${name}() did not return within ${timeoutMs} ms and was stopped (an endless loop or a promise that never settles is the usual cause)`,
          ),
        );
      }, timeoutMs);
      pending.set(id, { resolve, reject, timer, name });
      try {
        proc.child.send({ type: 'call', id, name, args } satisfies ToWorker);
      } catch (error) {
        pending.delete(id);
        clearTimeout(timer);
        reject(
          new GraderError(
            'grader/not-clonable',
            `the arguments of ${name}() cannot be copied into the sandbox: ${(error as Error).message}`,
          ),
        );
      }
    });
  }

  /** Kills the process (and everything it started) at once. */
  kill(): void {
    const running = this.current;
    this.current = undefined;
    live.delete(this);
    running?.proc.kill();
  }
}
