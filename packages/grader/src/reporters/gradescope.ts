import type { SubmissionResult } from '../core/result-model.js';
import { BUILD_OUTPUT_BOUNDS, boundedText } from './failure-text.js';
import { detailsBlock, testMarkdown } from './markdown-feedback.js';

/** The summary above the tests: the outcome, and the build's output when it stopped the run. */
function summary(result: SubmissionResult): string {
  if (result.outcome.code === 'ok') return `Graded ${result.tests.length} tests.`;
  const head = `**${result.gradable ? 'Run stopped' : 'Not gradable'}: ${result.outcome.message}**`;
  if (result.outcome.code !== 'grader/build-failed' || !result.buildOutput) return head;
  return [
    head,
    '',
    ...detailsBlock('Build output', boundedText(result.buildOutput, BUILD_OUTPUT_BOUNDS), true),
  ].join('\n');
}

/** One test of Gradescope's `results.json`. */
export interface GradescopeTest {
  /** Test name shown to students. */
  name: string;
  /** Ordering key, e.g. `1.2`. */
  number: string;
  /** Points earned. */
  score: number;
  /** Points available. */
  max_score: number;
  /** Overrides Gradescope's own pass/fail rule. */
  status: 'passed' | 'failed';
  /** Markdown feedback. */
  output: string;
  /** Format of `output`. */
  output_format: 'md';
  /** Who sees the test. */
  visibility: 'visible' | 'hidden' | 'after_due_date';
  /** Tags: the test file and `bonus`. */
  tags: string[];
}

/** What the kit stores in `extra_data` for instructors. */
export interface GradescopeExtraData {
  /** Submission id. */
  submission: string;
  /** Run outcome code. */
  outcome: string;
  /** The kit's maximum (bonus excluded). */
  max_score: number;
  /** Whether the submission could be graded. */
  gradable: boolean;
}

/** Gradescope's `results.json`. */
export interface GradescopeResults {
  /** Total score; set explicitly so a run cut short still reports what it earned. */
  score: number;
  /** Seconds the grading took. */
  execution_time: number;
  /** Summary shown above the tests. */
  output: string;
  /** Format of `output`. */
  output_format: 'md';
  /** Default format of test outputs. */
  test_output_format: 'md';
  /** Default visibility of tests. */
  visibility: 'visible';
  /** The autograder's stdout stays with instructors. */
  stdout_visibility: 'hidden';
  /** Every test. */
  tests: GradescopeTest[];
  /** Kept for instructors, never shown. */
  extra_data: GradescopeExtraData;
}

/**
 * Builds Gradescope's `results.json` (write it to `/autograder/results/results.json`).
 * @param result - the graded submission
 */
export function toGradescope(result: SubmissionResult): GradescopeResults {
  const files = [...new Set(result.tests.map((t) => t.file))];
  const counters = new Map<string, number>();
  const buildShown = result.outcome.code === 'grader/build-failed' && Boolean(result.buildOutput);
  return {
    score: result.score,
    execution_time: Math.round(result.durationMs / 100) / 10,
    output: summary(result),
    output_format: 'md',
    test_output_format: 'md',
    visibility: 'visible',
    stdout_visibility: 'hidden',
    tests: result.tests.map((t) => {
      const fileNo = files.indexOf(t.file) + 1;
      const n = (counters.get(t.file) ?? 0) + 1;
      counters.set(t.file, n);
      return {
        name: t.bonus ? `${t.name} (bonus)` : t.name,
        number: `${fileNo}.${n}`,
        score: t.score,
        max_score: t.bonus ? 0 : t.points,
        status: t.status === 'passed' ? 'passed' : 'failed',
        output: testMarkdown(t, buildShown),
        output_format: 'md',
        visibility: t.visibility,
        tags: [t.file, ...(t.bonus ? ['bonus'] : [])],
      };
    }),
    extra_data: {
      submission: result.submission,
      outcome: result.outcome.code,
      max_score: result.maxScore,
      gradable: result.gradable,
    },
  };
}
