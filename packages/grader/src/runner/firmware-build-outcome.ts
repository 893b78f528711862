import type { GradedTestResult, RunOutcome } from '../core/result-model.js';
import { compilerErrors } from '../reporters/failure-text.js';

/** Compiler error lines kept for the "does not build" outcome. */
const FIRST_ERRORS = 10;

/** A run whose device firmware never compiled: the outcome to report and the compiler's first errors. */
export interface FirmwareBuildFailure {
  /** `grader/build-failed` with "does not build: …". */
  outcome: RunOutcome;
  /** The compiler's first errors (`file:line: error: …`), shown as the build output. */
  compilerOutput: string;
}

/**
 * Graded tests build the submission's firmware themselves, so a firmware that does not compile
 * shows up as tests failing with "your firmware does not compile". When no test passed and one
 * failed that way, the submission is "Not gradable: does not build" with the compiler's first
 * errors, instead of a table of zeros whose messages all say the same thing.
 * @param tests - the scored tests
 * @param outcome - the run's own outcome
 */
export function firmwareBuildFailure(
  tests: readonly GradedTestResult[],
  outcome: RunOutcome,
): FirmwareBuildFailure | undefined {
  if (outcome.code !== 'ok' || tests.some((t) => t.status === 'passed')) return undefined;
  for (const t of tests) {
    const errors = t.reason ? compilerErrors(t.reason.message) : undefined;
    if (errors === undefined) continue;
    const lines = errors.split('\n');
    const first = lines.slice(0, FIRST_ERRORS);
    const more = lines.length - first.length;
    const compilerOutput = more > 0 ? `${first.join('\n')}\n… (${more} more lines)` : first.join('\n');
    const firstError = lines.find((l) => /\berror\b/.test(l)) ?? lines[0] ?? '';
    return {
      outcome: {
        code: 'grader/build-failed',
        message: `does not build — your firmware does not compile${firstError ? `: ${firstError}` : ''}`,
      },
      compilerOutput,
    };
  }
  return undefined;
}
