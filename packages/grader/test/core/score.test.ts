import { describe, expect, it } from 'vitest';
import type { ManifestTest } from '../../src/core/manifest.js';
import { parseObservations, type Observation } from '../../src/core/observation.js';
import { scoreTests } from '../../src/core/score.js';

const tests: ManifestTest[] = [
  { file: 'public/a.test.ts', name: 'one', points: 2, visibility: 'visible' },
  { file: 'public/a.test.ts', name: 'two', points: 3, visibility: 'visible' },
  { file: 'hidden/b.test.ts', name: 'three', points: 5, visibility: 'hidden' },
  { file: 'hidden/b.test.ts', name: 'bonus', points: 1, visibility: 'hidden', bonus: true },
];
const ok = { code: 'ok' as const, message: 'all graded tests ran' };
const pass = (file: string, name: string, meta = {}): Observation => ({
  kind: 'test',
  file,
  name,
  state: 'passed',
  errors: [],
  meta,
});

describe('scoreTests', () => {
  it('adds up passed tests, bonus above the maximum', () => {
    const s = scoreTests(
      tests,
      tests.map((t) => pass(t.file, t.name)),
      ok,
    );
    expect([s.score, s.maxScore]).toEqual([11, 10]);
  });

  it('awards partial credit clamped to the points and explains it', () => {
    const s = scoreTests(
      tests,
      [pass('public/a.test.ts', 'two', { score: 1.5 }), pass('hidden/b.test.ts', 'three', { score: 99 })],
      ok,
    );
    expect(s.tests[1]).toMatchObject({
      score: 1.5,
      status: 'failed',
      reason: { code: 'grader/test-failed', message: 'partial credit: 1.5 of 3 points' },
    });
    expect(s.tests[2]).toMatchObject({ score: 5, status: 'passed' });
  });

  it('counts a file that failed to load as lost points with the load error, never a smaller maximum', () => {
    const s = scoreTests(
      tests,
      [
        {
          kind: 'module-error',
          file: 'hidden/b.test.ts',
          errors: [{ message: 'Cannot find module dist/calc.js' }],
        },
      ],
      ok,
    );
    expect(s.maxScore).toBe(10);
    expect(s.tests[2]?.reason).toEqual({
      code: 'grader/load-failed',
      message: 'the test file hidden/b.test.ts could not load: Cannot find module dist/calc.js',
    });
  });

  it('names a test that never reported (renamed in the file) and warns about unlisted tests', () => {
    const s = scoreTests(tests, [pass('public/a.test.ts', 'one renamed')], ok);
    expect(s.tests[0]?.reason?.code).toBe('grader/not-run');
    expect(s.tests[0]?.reason?.message).toMatch(/no test named "one" ran in public\/a.test.ts/);
    expect(s.warnings[0]).toMatch(/"one renamed" .* not in grading\/manifest.json/);
  });

  it('blames the test that was running when the run was stopped', () => {
    const obs: Observation[] = [
      pass('public/a.test.ts', 'one'),
      { kind: 'start', file: 'public/a.test.ts', name: 'two' },
    ];
    const s = scoreTests(tests, obs, {
      code: 'grader/timeout',
      message: 'the tests did not finish within 5 s',
    });
    expect(s.score).toBe(2);
    expect(s.tests[1]?.reason?.message).toMatch(/^this test was running when the run was stopped/);
    expect(s.tests[2]?.reason).toMatchObject({
      code: 'grader/timeout',
      message: expect.stringMatching(/^not run/),
    });
  });

  it('keeps vitest annotations as notes', () => {
    const obs: Observation[] = [
      {
        kind: 'test',
        file: 'public/a.test.ts',
        name: 'one',
        state: 'passed',
        errors: [],
        meta: {},
        notes: ['notice: servo reached 90 after 120 ms'],
      },
    ];
    expect(scoreTests(tests, obs, ok).tests[0]?.feedback).toEqual({
      notes: ['notice: servo reached 90 after 120 ms'],
    });
  });

  it('turns failed assertions into expected / actual feedback and warns about point mismatches', () => {
    const obs: Observation[] = [
      {
        kind: 'test',
        file: 'public/a.test.ts',
        name: 'one',
        state: 'failed',
        errors: [{ message: 'expected 3 to be 4', expected: '4', actual: '3' }],
        meta: { points: 7 },
      },
    ];
    const s = scoreTests(tests, obs, ok);
    expect(s.tests[0]).toMatchObject({
      status: 'failed',
      score: 0,
      feedback: { expected: '4', actual: '3' },
      reason: { message: 'expected 3 to be 4' },
    });
    expect(s.warnings[0]).toMatch(/declares 7 points but the manifest gives 2/);
  });
});

describe('parseObservations', () => {
  it('ignores a line torn by a kill', () => {
    const text = `${JSON.stringify({ kind: 'start', file: 'f', name: 'n' })}\n{"kind":"te`;
    expect(parseObservations(text)).toEqual([{ kind: 'start', file: 'f', name: 'n' }]);
  });
});
