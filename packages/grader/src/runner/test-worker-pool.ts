import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assignment } from '../assignment/load-assignment.js';
import type { GraderConfig } from '../core/grader-config.js';
import { selectTests } from '../core/manifest.js';
import type { SubmissionResult } from '../core/result-model.js';
import type { ChildJob } from './child-job.js';
import { copySubmission, layOutTests, makeGradingRoot } from './grading-workspace.js';
import { followProgress } from './progress-lines.js';
import { ReusedTestWorker } from './reused-test-worker.js';
import { runOutcome } from './run-outcome.js';
import { submissionResult } from './submission-result.js';
import {
  assignmentBinPath,
  baseEnv,
  runBuildStep,
  sharedTestEnv,
  submissionTestEnv,
} from './test-process-env.js';

/** Options of {@link TestWorkerPool}. */
export interface TestWorkerPoolOptions {
  /** The assignment. */
  assignment: Assignment;
  /** Run `grading/hidden/` too (the same for every submission of the pool). */
  includeHidden: boolean;
  /** Long-lived test workers, i.e. submissions graded at once. */
  workers: number;
  /** The backend every submission shares, each on its own namespace. */
  backend?: { rtdbUrl?: string; authUrl?: string };
  /** Overrides of `grader.config.json` limits. */
  limits?: Partial<Omit<GraderConfig, 'build' | 'backend'>>;
  /** Upper bound of the pool's whole life (default: 6 hours); a worker still running then is killed. */
  lifetimeMs?: number;
}

/** One submission for {@link TestWorkerPool.grade}. */
export interface PooledSubmission {
  /** Submission folder. */
  submissionDir: string;
  /** Name used in reports. */
  submissionId: string;
  /** Its RTDB namespace (default `<assignment>-<id>`). */
  namespace?: string;
  /** Receives a line as the build starts and as each test starts and ends. */
  onProgress?: (line: string) => void;
}

/**
 * Grades many submissions of one assignment with a few long-lived test workers instead of one
 * fresh test process each: the graded tests are laid out once, vitest starts once per worker,
 * and each submission still gets its own copy, uid, namespace, wall clock, and a fresh process
 * for its test files. Scores and feedback are those {@link gradeSubmission} gives.
 */
export class TestWorkerPool {
  private readonly root: string;
  private readonly testsRoot: string;
  private readonly config: GraderConfig;
  private readonly idle: ReusedTestWorker[] = [];
  private readonly all: ReusedTestWorker[] = [];
  private readonly waiting: Array<(w: ReusedTestWorker) => void> = [];
  private runs = 0;
  private closed = false;

  /** @param options - see {@link TestWorkerPoolOptions} */
  constructor(private readonly options: TestWorkerPoolOptions) {
    const { assignment } = options;
    this.config = { ...assignment.config, ...options.limits };
    this.root = makeGradingRoot();
    this.testsRoot = join(this.root, 'tests');
    layOutTests(assignment, this.testsRoot, options.includeHidden);
    mkdirSync(join(this.testsRoot, 'observations'), { mode: 0o700 });
    const job: ChildJob = {
      root: this.testsRoot,
      observationsFile: join(this.testsRoot, 'observations', 'none.jsonl'),
      testTimeoutMs: this.config.testTimeoutMs,
      memoryMb: this.config.memoryMb,
      outputLimitBytes: this.config.outputLimitBytes,
      testProcess: this.config.testProcess,
    };
    const jobFile = join(this.testsRoot, 'job.json');
    writeFileSync(jobFile, JSON.stringify(job));
    const env = {
      ...baseEnv(assignmentBinPath(assignment)),
      HOME: this.testsRoot,
      ...sharedTestEnv(this.config, options.backend),
    };
    for (let i = 0; i < Math.max(1, Math.floor(options.workers)); i++) {
      const worker = new ReusedTestWorker({
        testsRoot: this.testsRoot,
        jobFile,
        env,
        memoryMb: this.config.memoryMb,
        outputLimitBytes: this.config.outputLimitBytes,
        lifetimeMs: options.lifetimeMs ?? 6 * 3600_000,
      });
      this.all.push(worker);
      this.idle.push(worker);
    }
  }

  /** Worker processes started so far: one per worker used, plus one after each killed run. */
  get workerStarts(): number {
    return this.all.reduce((n, w) => n + w.starts, 0);
  }

  private async take(): Promise<ReusedTestWorker> {
    const w = this.idle.pop();
    if (w) return w;
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private give(w: ReusedTestWorker): void {
    const next = this.waiting.shift();
    if (next) next(w);
    else this.idle.push(w);
  }

  /**
   * Grades one submission on the next free worker. Never throws for anything the submission
   * does; the reason is in the result.
   * @param s - see {@link PooledSubmission}
   */
  async grade(s: PooledSubmission): Promise<SubmissionResult> {
    if (this.closed) throw new Error('TestWorkerPool.grade() after close()');
    const startedAt = performance.now();
    const { assignment, includeHidden } = this.options;
    const config = this.config;
    const selected = selectTests(assignment.manifest, includeHidden);
    const ctx = { assignment, submissionId: s.submissionId, selected, includeHidden, startedAt };
    const root = makeGradingRoot();
    const observationsFile = join(this.testsRoot, 'observations', `${++this.runs}.jsonl`);
    const worker = await this.take();
    try {
      const copy = copySubmission(assignment, root, s.submissionDir);
      const sandboxId = copy.sandboxed ? copy.sandboxUid : undefined;
      if (config.build) s.onProgress?.(`building: ${config.build.join(' ')}`);
      const built = await runBuildStep(config, copy.submissionDir, assignmentBinPath(assignment), sandboxId);
      if (built?.failure) return submissionResult(ctx, built.failure, { build: built.build });
      writeFileSync(observationsFile, '');
      s.onProgress?.(`running ${selected.length} graded test(s)`);
      const stopProgress = s.onProgress ? followProgress(observationsFile, s.onProgress) : undefined;
      const namespace = s.namespace ?? `${assignment.id}-${s.submissionId}`;
      const run = await worker
        .run({
          env: submissionTestEnv(root, copy.submissionDir, namespace, sandboxId),
          observationsFile,
          timeoutMs: config.timeoutSeconds * 1000,
        })
        .finally(() => stopProgress?.());
      const observations = existsSync(observationsFile) ? readFileSync(observationsFile, 'utf8') : '';
      return submissionResult(ctx, runOutcome(run, observations, config.timeoutSeconds, config.memoryMb), {
        observations,
        ...(built ? { build: built.build } : {}),
        run,
      });
    } finally {
      this.give(worker);
      rmSync(observationsFile, { force: true });
      rmSync(root, { recursive: true, force: true });
    }
  }

  /** Stops every worker and removes the laid-out tests. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.all.map((w) => w.close()));
    rmSync(this.root, { recursive: true, force: true });
  }
}
