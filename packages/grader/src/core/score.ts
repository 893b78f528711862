import type { GraderErrorCode } from './grader-error.js';
import { testId, type ManifestTest } from './manifest.js';
import type { Observation, ObservedError, TestObservation } from './observation.js';
import type { GradedTestResult, RunOutcome, TestFeedback } from './result-model.js';

/** Tests scored against the manifest, with the totals. */
export interface ScoredTests {
  /** One entry per selected manifest test, in manifest order. */
  tests: GradedTestResult[];
  /** Points earned, bonus included. */
  score: number;
  /** Maximum of the selection, bonus excluded. */
  maxScore: number;
  /** Manifest / test-file disagreements an instructor should fix. */
  warnings: string[];
}

function describeError(e: ObservedError | undefined): string {
  if (!e) return 'the test failed without an error message';
  return e.message;
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * Scores the selected manifest tests from what the test process observed. The manifest decides
 * the maximum: a test that never reported is lost with a reason, never dropped.
 * @param selected - manifest tests of this run
 * @param observations - parsed JSON-lines stream of the test process
 * @param outcome - how the run ended
 */
export function scoreTests(
  selected: ManifestTest[],
  observations: Observation[],
  outcome: RunOutcome,
): ScoredTests {
  const results = new Map<string, TestObservation>();
  const moduleErrors = new Map<string, ObservedError[]>();
  const started = new Set<string>();
  for (const o of observations) {
    if (o.kind === 'test') results.set(testId(o.file, o.name), o);
    else if (o.kind === 'module-error') moduleErrors.set(o.file, o.errors);
    else if (o.kind === 'start') started.add(testId(o.file, o.name));
  }
  const warnings: string[] = [];
  const known = new Set(selected.map((t) => testId(t.file, t.name)));
  for (const [id, o] of results) {
    if (!known.has(id))
      warnings.push(
        `test "${o.name}" in ${o.file} ran but is not in grading/manifest.json: it earns no points`,
      );
  }

  const tests = selected.map((t): GradedTestResult => {
    const id = testId(t.file, t.name);
    const base = {
      id,
      file: t.file,
      name: t.name,
      points: t.points,
      bonus: t.bonus === true,
      visibility: t.visibility,
    };
    const o = results.get(id);
    if (!o) {
      return {
        ...base,
        score: 0,
        status: 'not_run',
        reason: notRunReason(t, moduleErrors.get(t.file), started.has(id), outcome),
      };
    }
    if (o.meta.points !== undefined && o.meta.points !== t.points) {
      warnings.push(
        `test "${t.name}" in ${t.file} declares ${o.meta.points} points but the manifest gives ${t.points}; the manifest wins`,
      );
    }
    const extra = {
      ...(o.durationMs !== undefined ? { durationMs: o.durationMs } : {}),
      ...(o.line !== undefined ? { line: o.line } : {}),
      ...(o.output ? { output: o.output } : {}),
    };
    const feedback = mergeFeedback(o.meta.feedback, o.errors[0], o.notes);
    if (o.state === 'skipped' || o.state === 'pending') {
      return {
        ...base,
        ...extra,
        score: 0,
        status: 'not_run',
        reason: { code: 'grader/not-run', message: 'the test was skipped' },
      };
    }
    const partial = typeof o.meta.score === 'number' && Number.isFinite(o.meta.score);
    const score = partial
      ? round(Math.min(Math.max(o.meta.score as number, 0), t.points))
      : o.state === 'passed'
        ? t.points
        : 0;
    const passed = o.state === 'passed' && score === t.points;
    const reason = passed
      ? undefined
      : o.state === 'failed'
        ? { code: 'grader/test-failed' as const, message: describeError(o.errors[0]) }
        : { code: 'grader/test-failed' as const, message: `partial credit: ${score} of ${t.points} points` };
    return {
      ...base,
      ...extra,
      score,
      status: passed ? 'passed' : 'failed',
      ...(reason ? { reason } : {}),
      ...(feedback ? { feedback } : {}),
    };
  });
  const score = round(tests.reduce((s, t) => s + t.score, 0));
  const maxScore = round(tests.filter((t) => !t.bonus).reduce((s, t) => s + t.points, 0));
  return { tests, score, maxScore, warnings };
}

function mergeFeedback(
  given: TestFeedback | undefined,
  err: ObservedError | undefined,
  notes: string[] | undefined,
): TestFeedback | undefined {
  const fb: TestFeedback = { ...(given ?? {}) };
  if (notes && notes.length > 0) fb.notes = notes;
  if (err?.expected !== undefined && fb.expected === undefined) fb.expected = err.expected;
  if (err?.actual !== undefined && fb.actual === undefined) fb.actual = err.actual;
  return Object.keys(fb).length > 0 ? fb : undefined;
}

function notRunReason(
  t: ManifestTest,
  moduleErrors: ObservedError[] | undefined,
  wasRunning: boolean,
  outcome: RunOutcome,
): { code: GraderErrorCode; message: string } {
  if (outcome.code === 'grader/build-failed' || outcome.code === 'grader/bad-submission') {
    return { code: outcome.code, message: `not run: ${outcome.message}` };
  }
  if (moduleErrors && moduleErrors.length > 0) {
    return {
      code: 'grader/load-failed',
      message: `the test file ${t.file} could not load: ${describeError(moduleErrors[0])}`,
    };
  }
  if (outcome.code !== 'ok') {
    const prefix = wasRunning
      ? 'this test was running when the run was stopped'
      : 'not run: the test process stopped before reaching this test';
    return { code: outcome.code, message: `${prefix} — ${outcome.message}` };
  }
  return {
    code: 'grader/not-run',
    message: `the test did not report: no test named "${t.name}" ran in ${t.file} (renamed or removed?)`,
  };
}
