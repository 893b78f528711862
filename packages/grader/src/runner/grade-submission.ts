import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Assignment } from '../assignment/load-assignment.js';
import type { GraderConfig } from '../core/grader-config.js';
import { selectTests } from '../core/manifest.js';
import { parseObservations } from '../core/observation.js';
import type { RunOutcome, SubmissionResult } from '../core/result-model.js';
import { scoreTests } from '../core/score.js';
import type { ChildJob } from './child-job.js';
import { createGradingWorkspace } from './grading-workspace.js';
import { runLimited, type LimitedProcessResult } from './limited-process.js';
import { fallbackWarning, sandboxSupport } from '../sandbox/sandbox-support.js';
import { firmwareBuildFailure } from './firmware-build-outcome.js';
import { followProgress } from './progress-lines.js';
import { runSubmissionBuild } from './submission-build.js';

/** Backend settings handed to the tests of one submission. */
export interface SubmissionBackend {
  /** RTDB base URL (`http://127.0.0.1:9000`). */
  rtdbUrl?: string;
  /** Auth emulator URL. */
  authUrl?: string;
  /** This submission's RTDB namespace. */
  namespace: string;
}

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
}

const OOM =
  /heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY|Fatal process OOM|std::bad_alloc/i;
const childEntry = fileURLToPath(
  new URL(`./child-entry.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url),
);

/** Node flags that let the test process load the grader's TypeScript sources when it runs from source. */
function loaderArgs(): string[] {
  if (!childEntry.endsWith('.ts')) return [];
  const require = createRequire(import.meta.url);
  const tsx = require.resolve('tsx/esm');
  return ['--conditions=@iotkit/source', '--import', tsx];
}

function baseEnv(extraPath: string[]): Record<string, string> {
  return {
    PATH: [...extraPath, process.env.PATH ?? '/usr/bin:/bin'].join(delimiter),
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    CI: '1',
  };
}

/**
 * Grades one submission: copy it to a private temp folder, build it, run the selected graded
 * tests in a separate process with wall-clock, memory and output limits, and score the result
 * against the manifest. Never throws for anything the submission does; the reason is in the result.
 * @param options - see {@link GradeSubmissionOptions}
 */
export async function gradeSubmission(options: GradeSubmissionOptions): Promise<SubmissionResult> {
  const started = performance.now();
  const { assignment } = options;
  const { manifest } = assignment;
  const config: GraderConfig = { ...assignment.config, ...options.limits };
  const selected = selectTests(manifest, options.includeHidden);
  const ws = createGradingWorkspace(assignment, options.submissionDir, options.includeHidden);
  const binPath = assignment.nodeModulesDir ? [join(assignment.nodeModulesDir, '.bin')] : [];
  const sandboxId = ws.sandboxed ? ws.sandboxUid : undefined;
  const finish = (
    outcome: RunOutcome,
    parts: { observations?: string; build?: LimitedProcessResult; run?: LimitedProcessResult },
  ): SubmissionResult => {
    const scored = scoreTests(selected, parseObservations(parts.observations ?? ''), outcome);
    const notBuilt = firmwareBuildFailure(scored.tests, outcome);
    if (notBuilt) outcome = notBuilt.outcome;
    return {
      assignment: assignment.id,
      title: manifest.title,
      submission: options.submissionId,
      score: scored.score,
      maxScore: scored.maxScore,
      gradable: outcome.code !== 'grader/build-failed' && outcome.code !== 'grader/bad-submission',
      outcome,
      tests: scored.tests,
      includesHidden: options.includeHidden,
      ...(parts.build ? { buildOutput: parts.build.output } : {}),
      ...(notBuilt ? { buildOutput: notBuilt.compilerOutput } : {}),
      ...(parts.run ? { runnerOutput: parts.run.output } : {}),
      warnings: sandboxWarnings(scored.warnings),
      durationMs: Math.round(performance.now() - started),
      timings: {
        ...(parts.build ? { buildMs: Math.round(parts.build.durationMs) } : {}),
        ...(parts.run ? { testsMs: Math.round(parts.run.durationMs) } : {}),
      },
      gradedAt: new Date().toISOString(),
    };
  };
  try {
    let build: LimitedProcessResult | undefined;
    if (config.build) {
      options.onProgress?.(`building: ${config.build.join(' ')}`);
      // the build runs the submission's own scripts and compiles its sources: inside its sandbox
      build = await runSubmissionBuild(config.build, {
        dir: ws.submissionDir,
        binPath,
        uid: sandboxId,
        timeoutMs: config.buildTimeoutSeconds * 1000,
        memoryMb: config.memoryMb,
        outputLimitBytes: config.outputLimitBytes,
      });
      if (build.timedOut || build.code !== 0) {
        const why = build.timedOut
          ? `the build did not finish within ${config.buildTimeoutSeconds} s`
          : `\`${config.build.join(' ')}\` failed (exit code ${build.code})`;
        return finish(
          { code: 'grader/build-failed', message: `the submission does not build: ${why}` },
          { build },
        );
      }
    }
    const observationsFile = join(ws.testsRoot, 'observations.jsonl');
    writeFileSync(observationsFile, '');
    const job: ChildJob = {
      root: ws.testsRoot,
      observationsFile,
      testTimeoutMs: config.testTimeoutMs,
      memoryMb: config.memoryMb,
      outputLimitBytes: config.outputLimitBytes,
    };
    const jobFile = join(ws.testsRoot, 'job.json');
    writeFileSync(jobFile, JSON.stringify(job));
    const backend = options.backend ?? { namespace: `${assignment.id}-${options.submissionId}` };
    const env: Record<string, string> = {
      ...baseEnv(binPath),
      HOME: ws.testsRoot,
      IOTKIT_SUBMISSION_DIR: ws.submissionDir,
      IOTKIT_NAMESPACE: backend.namespace,
      IOTKIT_GRADER_MEMORY_MB: String(config.memoryMb),
      IOTKIT_GRADER_OUTPUT_LIMIT: String(config.outputLimitBytes),
      ...(backend.rtdbUrl
        ? { IOTKIT_RTDB_URL: backend.rtdbUrl, FIREBASE_DATABASE_EMULATOR_HOST: new URL(backend.rtdbUrl).host }
        : {}),
      ...(backend.authUrl
        ? { IOTKIT_AUTH_URL: backend.authUrl, FIREBASE_AUTH_EMULATOR_HOST: new URL(backend.authUrl).host }
        : {}),
      ...(sandboxId !== undefined
        ? { IOTKIT_SANDBOX_UID: String(sandboxId), IOTKIT_SANDBOX_GID: String(sandboxId) }
        : {}),
    };
    options.onProgress?.(`running ${selected.length} graded test(s)`);
    const stopProgress = options.onProgress
      ? followProgress(observationsFile, options.onProgress)
      : undefined;
    const run = await runLimited(
      process.execPath,
      [...loaderArgs(), `--max-old-space-size=${config.memoryMb}`, childEntry, jobFile],
      {
        cwd: ws.testsRoot,
        env,
        timeoutMs: config.timeoutSeconds * 1000,
        outputLimitBytes: config.outputLimitBytes,
      },
    ).finally(() => stopProgress?.());
    const observations = existsSync(observationsFile) ? readFileSync(observationsFile, 'utf8') : '';
    return finish(runOutcome(run, observations, config.timeoutSeconds, config.memoryMb), {
      observations,
      ...(build ? { build } : {}),
      run,
    });
  } finally {
    ws.dispose();
  }
}

/** The scoring warnings, plus a visible one when submission code ran without the bwrap sandbox. */
function sandboxWarnings(warnings: string[]): string[] {
  const support = sandboxSupport();
  return support.isolation === 'bwrap' ? warnings : [...warnings, fallbackWarning(support)];
}

function runOutcome(
  run: LimitedProcessResult,
  observations: string,
  timeoutSeconds: number,
  memoryMb: number,
): RunOutcome {
  const parsed = parseObservations(observations);
  const ended = parsed.some((o) => o.kind === 'end');
  const unhandled = parsed.find((o) => o.kind === 'unhandled');
  const unhandledText =
    unhandled && unhandled.kind === 'unhandled' ? unhandled.errors.map((e) => e.message).join('\n') : '';
  if (run.timedOut) {
    return {
      code: 'grader/timeout',
      message: `the tests did not finish within ${timeoutSeconds} s (wall-clock limit) and were stopped; an endless loop is the usual cause`,
    };
  }
  if (OOM.test(run.output) || OOM.test(unhandledText)) {
    return {
      code: 'grader/out-of-memory',
      message: `the submission used more than the ${memoryMb} MB memory limit and was stopped`,
    };
  }
  if (!ended || run.code !== 0) {
    return {
      code: 'grader/crashed',
      message: `the test process ended unexpectedly (exit code ${run.code ?? run.signal})`,
    };
  }
  if (unhandled) {
    return {
      code: 'grader/crashed',
      message: `an error happened outside any test: ${unhandledText.split('\n')[0]}`,
    };
  }
  return { code: 'ok', message: 'all graded tests ran' };
}
