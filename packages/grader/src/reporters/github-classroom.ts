import { boundedText } from './failure-text.js';
import type { SubmissionResult } from '../core/result-model.js';

/** One test of a GitHub Classroom runner result. */
export interface ClassroomTest {
  /** Test name. */
  name: string;
  /** `pass`, `fail` or `error` (did not run). */
  status: 'pass' | 'fail' | 'error';
  /** Points earned (partial credit allowed; the grading reporter sums these). */
  score: number;
  /** Why it failed, empty when it passed. */
  message: string;
  /** Not used by the kit; present because the reporter reads it. */
  test_code: string;
  /** Test file. */
  filename: string;
  /** Line of the test, 0 when unknown. */
  line_no: number;
  /** Milliseconds. */
  duration: number;
}

/** The decoded `result` output of a Classroom runner step. */
export interface ClassroomResult {
  /** Format version, always 1. */
  version: 1;
  /** `error` when the submission could not be graded, `fail` when any test lost points. */
  status: 'pass' | 'fail' | 'error';
  /** Maximum points of this runner. */
  max_score: number;
  /** Every test. */
  tests: ClassroomTest[];
}

/**
 * Builds the runner result `autograding-grading-reporter` reads.
 * @param result - the graded submission
 */
export function toClassroomResult(result: SubmissionResult): ClassroomResult {
  const status =
    !result.gradable || result.outcome.code !== 'ok'
      ? 'error'
      : result.tests.every((t) => t.status === 'passed')
        ? 'pass'
        : 'fail';
  return {
    version: 1,
    status,
    max_score: result.maxScore,
    tests: result.tests.map((t) => ({
      name: t.name,
      status: t.status === 'passed' ? 'pass' : t.status === 'not_run' ? 'error' : 'fail',
      score: t.score,
      message: boundedText(t.reason?.message ?? ''),
      test_code: '',
      filename: `grading/${t.file}`,
      line_no: t.line ?? 0,
      duration: t.durationMs ?? 0,
    })),
  };
}

/**
 * The base64 string a workflow step sets as its `result` output
 * (`echo "result=$(cat classroom-result.b64)" >> "$GITHUB_OUTPUT"`).
 * @param result - the graded submission
 */
export function encodeClassroomResult(result: SubmissionResult): string {
  return Buffer.from(JSON.stringify(toClassroomResult(result))).toString('base64');
}
