import { boundedText } from './failure-text.js';
import type { SubmissionResult } from '../core/result-model.js';
import { testMarkdown } from './markdown-feedback.js';

/** One test of PrairieLearn's results. */
export interface PrairieLearnTest {
  /** Test name. */
  name: string;
  /** The test file. */
  description: string;
  /** Points earned. */
  points: number;
  /** Points available (0 for bonus tests). */
  max_points: number;
  /** Why points were lost. */
  message: string;
  /** Markdown feedback. */
  output: string;
}

/** PrairieLearn external-grader `results.json`. */
export interface PrairieLearnResults {
  /** False when the submission could not be graded; the student does not lose an attempt. */
  gradable: boolean;
  /** Fraction in [0, 1]. */
  score: number;
  /** Summary message. */
  message: string;
  /** Build output when the submission does not build. */
  format_errors?: string[];
  /** Per-test results. */
  tests: PrairieLearnTest[];
}

const PL_LIMIT = 1_000_000;

/**
 * Builds PrairieLearn's `results.json`: score as a fraction of the maximum (capped at 1),
 * `gradable: false` when the submission does not build. Kept under PrairieLearn's 1 MB limit.
 * @param result - the graded submission
 */
export function toPrairieLearn(result: SubmissionResult): PrairieLearnResults {
  const score = result.maxScore > 0 ? Math.min(1, Math.max(0, result.score / result.maxScore)) : 0;
  const build = !result.gradable && result.buildOutput ? [result.buildOutput] : [];
  const out: PrairieLearnResults = {
    gradable: result.gradable,
    score: Math.round(score * 10000) / 10000,
    message: result.outcome.message,
    ...(result.gradable ? {} : { format_errors: [result.outcome.message, ...build] }),
    tests: result.tests
      .filter((t) => t.visibility !== 'hidden')
      .map((t) => ({
        name: t.name,
        description: t.file,
        points: t.score,
        max_points: t.bonus ? 0 : t.points,
        message: boundedText(t.reason?.message ?? ''),
        output: testMarkdown(t),
      })),
  };
  if (JSON.stringify(out).length > PL_LIMIT) for (const t of out.tests) t.output = t.output.slice(0, 2000);
  return out;
}
