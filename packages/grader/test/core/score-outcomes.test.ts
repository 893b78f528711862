// The less travelled paths of scoreTests: skipped tests, builds that failed, extra fields kept,
// feedback merged from the assertion, and what counts as a partial score.
import { describe, expect, it } from 'vitest';
import type { ManifestTest } from '../../src/core/manifest.js';
import { parseObservations, type Observation, type TestObservation } from '../../src/core/observation.js';
import { scoreTests } from '../../src/core/score.js';

const one: ManifestTest = { file: 'public/a.test.ts', name: 'one', points: 2, visibility: 'visible' };
const ok = { code: 'ok' as const, message: 'all graded tests ran' };
const observed = (over: Partial<TestObservation> = {}): Observation => ({
  kind: 'test',
  file: one.file,
  name: one.name,
  state: 'passed',
  errors: [],
  meta: {},
  ...over,
});

describe('scoreTests outcomes', () => {
  it.each(['skipped', 'pending'] as const)('counts a %s test as not run, keeping its duration', (state) => {
    const [t] = scoreTests([one], [observed({ state, durationMs: 0, line: 3 })], ok).tests;
    expect(t).toEqual({
      id: 'public/a.test.ts::one',
      file: 'public/a.test.ts',
      name: 'one',
      points: 2,
      bonus: false,
      visibility: 'visible',
      durationMs: 0,
      line: 3,
      score: 0,
      status: 'not_run',
      reason: { code: 'grader/not-run', message: 'the test was skipped' },
    });
  });

  it.each(['grader/build-failed', 'grader/bad-submission'] as const)(
    'blames %s for every test that did not run',
    (code) => {
      const [t] = scoreTests([one], [], { code, message: 'the firmware does not compile' }).tests;
      expect(t?.status).toBe('not_run');
      expect(t?.reason).toEqual({ code, message: 'not run: the firmware does not compile' });
    },
  );

  it('keeps output, duration and line only when they were observed', () => {
    const [bare] = scoreTests([one], [observed()], ok).tests;
    expect(Object.keys(bare ?? {}).sort()).toEqual(
      ['bonus', 'file', 'id', 'name', 'points', 'score', 'status', 'visibility'].sort(),
    );
    const [full] = scoreTests([one], [observed({ output: 'log', durationMs: 12, line: 0 })], ok).tests;
    expect(full).toMatchObject({ output: 'log', durationMs: 12, line: 0 });
  });

  it('warns about points only when the test file declares different ones', () => {
    expect(scoreTests([one], [observed({ meta: { points: 2 } })], ok).warnings).toEqual([]);
    expect(scoreTests([one], [observed({ meta: {} })], ok).warnings).toEqual([]);
    expect(scoreTests([one], [observed({ meta: { points: 5 } })], ok).warnings).toEqual([
      'test "one" in public/a.test.ts declares 5 points but the manifest gives 2; the manifest wins',
    ]);
  });

  it('takes a finite meta score as the partial score, and ignores anything else', () => {
    expect(scoreTests([one], [observed({ meta: { score: 1.23456 } })], ok).tests[0]).toMatchObject({
      score: 1.235,
      status: 'failed',
      reason: { code: 'grader/test-failed', message: 'partial credit: 1.235 of 2 points' },
    });
    for (const score of [Number.NaN, Number.POSITIVE_INFINITY, '1' as unknown as number]) {
      expect(scoreTests([one], [observed({ meta: { score } })], ok).tests[0]).toMatchObject({
        score: 2,
        status: 'passed',
      });
    }
    // Full marks awarded explicitly is a pass; a failed test with full marks is still failed.
    expect(scoreTests([one], [observed({ meta: { score: 2 } })], ok).tests[0]?.status).toBe('passed');
    expect(
      scoreTests(
        [one],
        [observed({ state: 'failed', meta: { score: 2 }, errors: [{ message: 'boom' }] })],
        ok,
      ).tests[0],
    ).toMatchObject({ score: 2, status: 'failed', reason: { code: 'grader/test-failed', message: 'boom' } });
  });

  it('explains a failure without an error message', () => {
    expect(scoreTests([one], [observed({ state: 'failed' })], ok).tests[0]?.reason).toEqual({
      code: 'grader/test-failed',
      message: 'the test failed without an error message',
    });
  });

  it('merges feedback: the test’s own wins over the assertion, empty notes add nothing', () => {
    const given = { expected: 'mine', hint: 'look here' };
    const [t] = scoreTests(
      [one],
      [
        observed({
          state: 'failed',
          errors: [{ message: 'x', expected: '1', actual: '2' }],
          meta: { feedback: given },
        }),
      ],
      ok,
    ).tests;
    expect(t?.feedback).toEqual({ expected: 'mine', actual: '2', hint: 'look here' });
    expect(given).toEqual({ expected: 'mine', hint: 'look here' });
    const [own] = scoreTests(
      [one],
      [
        observed({
          state: 'failed',
          errors: [{ message: 'x', actual: '2' }],
          meta: { feedback: { actual: 'mine' } },
        }),
      ],
      ok,
    ).tests;
    expect(own?.feedback).toEqual({ actual: 'mine' });
    const [none] = scoreTests(
      [one],
      [observed({ state: 'failed', errors: [{ message: 'x' }], notes: [] })],
      ok,
    ).tests;
    expect(none?.feedback).toBeUndefined();
    const [noted] = scoreTests([one], [observed({ notes: ['n'] })], ok).tests;
    expect(noted?.feedback).toEqual({ notes: ['n'] });
  });

  it('does not name a test as running from a start line of another test', () => {
    const two: ManifestTest = { ...one, name: 'two' };
    const stopped = { code: 'grader/timeout' as const, message: 'the tests did not finish within 5 s' };
    const result = scoreTests(
      [one, two],
      [{ kind: 'start', file: one.file, name: 'one' }, observed()],
      stopped,
    );
    expect(result.tests[1]?.reason?.message).toBe(
      'not run: the test process stopped before reaching this test — the tests did not finish within 5 s',
    );
  });

  it('ignores an empty list of module errors', () => {
    const result = scoreTests([one], [{ kind: 'module-error', file: one.file, errors: [] }], ok);
    expect(result.tests[0]?.reason?.code).toBe('grader/not-run');
  });
});

describe('parseObservations', () => {
  it('skips blank lines and stops at the first torn one', () => {
    const start = JSON.stringify({ kind: 'start', file: 'public/a.test.ts', name: 'one' });
    const end = JSON.stringify({ kind: 'end', reason: 'passed' });
    expect(parseObservations(`\n${start}\n   \n${end}\n`)).toEqual([JSON.parse(start), JSON.parse(end)]);
    expect(parseObservations(`${start}\n{"kind": "te\n${end}\n`)).toEqual([JSON.parse(start)]);
  });
});
