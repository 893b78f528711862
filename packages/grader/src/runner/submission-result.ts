import type { Assignment } from '../assignment/load-assignment.js';
import { parseObservations } from '../core/observation.js';
import type { ManifestTest } from '../core/manifest.js';
import type { RunOutcome, SubmissionResult } from '../core/result-model.js';
import { scoreTests } from '../core/score.js';
import { fallbackWarning, sandboxSupport } from '../sandbox/sandbox-support.js';
import { firmwareBuildFailure } from './firmware-build-outcome.js';
import type { LimitedProcessResult } from './limited-process.js';

/** What one grading run produced, before scoring. */
export interface SubmissionRunParts {
  /** The observations file's text. */
  observations?: string;
  /** The build step, when the assignment has one. */
  build?: LimitedProcessResult;
  /** The test run. */
  run?: LimitedProcessResult;
}

/** Who and what a result is about. */
export interface SubmissionResultContext {
  /** The assignment. */
  assignment: Assignment;
  /** Name used in reports. */
  submissionId: string;
  /** The selected manifest tests. */
  selected: ManifestTest[];
  /** Whether hidden tests ran. */
  includeHidden: boolean;
  /** `performance.now()` when grading this submission started. */
  startedAt: number;
}

/**
 * Scores a run against the manifest and assembles the submission's result: a firmware that
 * never compiled becomes "does not build", and a run without the bwrap sandbox carries a warning.
 * @param ctx - the submission and the selected tests
 * @param outcome - how the run ended
 * @param parts - observations, build and test process
 */
export function submissionResult(
  ctx: SubmissionResultContext,
  outcome: RunOutcome,
  parts: SubmissionRunParts,
): SubmissionResult {
  const { assignment } = ctx;
  const scored = scoreTests(ctx.selected, parseObservations(parts.observations ?? ''), outcome);
  const notBuilt = firmwareBuildFailure(scored.tests, outcome);
  if (notBuilt) outcome = notBuilt.outcome;
  return {
    assignment: assignment.id,
    title: assignment.manifest.title,
    submission: ctx.submissionId,
    score: scored.score,
    maxScore: scored.maxScore,
    gradable: outcome.code !== 'grader/build-failed' && outcome.code !== 'grader/bad-submission',
    outcome,
    tests: scored.tests,
    includesHidden: ctx.includeHidden,
    ...(parts.build ? { buildOutput: parts.build.output } : {}),
    ...(notBuilt ? { buildOutput: notBuilt.compilerOutput } : {}),
    ...(parts.run ? { runnerOutput: parts.run.output } : {}),
    warnings: sandboxWarnings(scored.warnings),
    durationMs: Math.round(performance.now() - ctx.startedAt),
    timings: {
      ...(parts.build ? { buildMs: Math.round(parts.build.durationMs) } : {}),
      ...(parts.run ? { testsMs: Math.round(parts.run.durationMs) } : {}),
    },
    gradedAt: new Date().toISOString(),
  };
}

/** The scoring warnings, plus a visible one when submission code ran without the bwrap sandbox. */
function sandboxWarnings(warnings: string[]): string[] {
  const support = sandboxSupport();
  return support.isolation === 'bwrap' ? warnings : [...warnings, fallbackWarning(support)];
}
