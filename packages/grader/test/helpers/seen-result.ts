import type { SubmissionResult } from '../../src/core/result-model.js';

/**
 * What a student and an instructor see of a result: everything but durations and dates, so two
 * gradings of the same work compare equal.
 * @param r - a submission's result
 */
export function seen(r: SubmissionResult): unknown {
  const { durationMs: _d, gradedAt: _g, timings: _t, ...rest } = r;
  return { ...rest, tests: r.tests.map(({ durationMs: _x, ...t }) => t) };
}
