import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Assignment } from '../assignment/load-assignment.js';
import type { GraderConfig } from '../core/grader-config.js';
import { selectTests } from '../core/manifest.js';
import type { SubmissionResult } from '../core/result-model.js';
import type { ChildJob } from './child-job.js';
import { createGradingWorkspace } from './grading-workspace.js';
import { runLimited } from './limited-process.js';
import { followProgress } from './progress-lines.js';
import { runOutcome } from './run-outcome.js';
import { submissionResult } from './submission-result.js';
import {
  assignmentBinPath,
  baseEnv,
  loaderArgs,
  runBuildStep,
  sharedTestEnv,
  submissionTestEnv,
  type SubmissionBackend,
} from './test-process-env.js';

export type { SubmissionBackend } from './test-process-env.js';

/** Options of {@link gradeSubmission}. */
export interface GradeSubmissionOptions {
  /** The assignment. */
  assignment: Assignment;
  /** Submission folder; `null` grades the assignment folder in place (what `iotkit check` does). */
  submissionDir: string | null;
  /** Name used in reports. */
  submissionId: string;
  /** Run `grading/hidden/` too. */
  includeHidden: boolean;
  /** Backend the tests may use. */
  backend?: SubmissionBackend;
  /** Overrides of `grader.config.json` limits (e.g. a shorter wall clock in tests). */
  limits?: Partial<Omit<GraderConfig, 'build' | 'backend'>>;
  /** Receives a line as the build starts and as each test starts and ends. */
  onProgress?: (line: string) => void;
  /**
   * Whether the submission's test files share one firmware build (default true); false makes
   * every test file build it again, as graders did before (kept for benchmarks).
   */
  oneDeviceBuild?: boolean;
}

const childEntry = fileURLToPath(
  new URL(`./child-entry.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url),
);

/**
 * Grades one submission: copy it to a private temp folder, build it, run the selected graded
 * tests in a separate process with wall-clock, memory and output limits, and score the result
 * against the manifest. Never throws for anything the submission does; the reason is in the result.
 * @param options - see {@link GradeSubmissionOptions}
 */
export async function gradeSubmission(options: GradeSubmissionOptions): Promise<SubmissionResult> {
  const startedAt = performance.now();
  const { assignment } = options;
  const config: GraderConfig = { ...assignment.config, ...options.limits };
  const selected = selectTests(assignment.manifest, options.includeHidden);
  const ctx = {
    assignment,
    submissionId: options.submissionId,
    selected,
    includeHidden: options.includeHidden,
    startedAt,
  };
  const ws = createGradingWorkspace(assignment, options.submissionDir, options.includeHidden);
  const binPath = assignmentBinPath(assignment);
  const sandboxId = ws.sandboxed ? ws.sandboxUid : undefined;
  try {
    if (config.build) options.onProgress?.(`building: ${config.build.join(' ')}`);
    const built = await runBuildStep(config, ws.submissionDir, binPath, sandboxId);
    if (built?.failure) return submissionResult(ctx, built.failure, { build: built.build });
    const build = built?.build;
    const observationsFile = join(ws.testsRoot, 'observations.jsonl');
    writeFileSync(observationsFile, '');
    const job: ChildJob = {
      root: ws.testsRoot,
      observationsFile,
      testTimeoutMs: config.testTimeoutMs,
      memoryMb: config.memoryMb,
      outputLimitBytes: config.outputLimitBytes,
      testProcess: config.testProcess,
    };
    const jobFile = join(ws.testsRoot, 'job.json');
    writeFileSync(jobFile, JSON.stringify(job));
    const backend = options.backend ?? { namespace: `${assignment.id}-${options.submissionId}` };
    const env: Record<string, string> = {
      ...baseEnv(binPath),
      HOME: ws.testsRoot,
      ...sharedTestEnv(config, backend),
      ...submissionTestEnv(
        options.oneDeviceBuild === false ? undefined : ws.root,
        ws.submissionDir,
        backend.namespace,
        sandboxId,
      ),
    };
    options.onProgress?.(`running ${selected.length} graded test(s)`);
    const stopProgress = options.onProgress
      ? followProgress(observationsFile, options.onProgress)
      : undefined;
    const run = await runLimited(
      process.execPath,
      [...loaderArgs(childEntry), `--max-old-space-size=${config.memoryMb}`, childEntry, jobFile],
      {
        cwd: ws.testsRoot,
        env,
        timeoutMs: config.timeoutSeconds * 1000,
        outputLimitBytes: config.outputLimitBytes,
      },
    ).finally(() => stopProgress?.());
    const observations = existsSync(observationsFile) ? readFileSync(observationsFile, 'utf8') : '';
    return submissionResult(ctx, runOutcome(run, observations, config.timeoutSeconds, config.memoryMb), {
      observations,
      ...(build ? { build } : {}),
      run,
    });
  } finally {
    ws.dispose();
  }
}
