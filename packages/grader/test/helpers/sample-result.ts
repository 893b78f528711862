import type { SubmissionResult } from '../../src/core/result-model.js';

/** A result with every kind of test outcome, for checking report formats. */
export function sampleResult(overrides: Partial<SubmissionResult> = {}): SubmissionResult {
  return {
    assignment: 'a9-demo',
    title: 'A9 demo, "quoted" & <escaped>',
    submission: 'alice',
    score: 6.5,
    maxScore: 10,
    gradable: true,
    outcome: { code: 'ok', message: 'all graded tests ran' },
    includesHidden: true,
    warnings: ['test "x" in public/a.test.ts ran but is not in grading/manifest.json: it earns no points'],
    durationMs: 4200,
    gradedAt: '2026-11-27T10:00:00.000Z',
    tests: [
      { id: 'public/a.test.ts::servo > moves', file: 'public/a.test.ts', name: 'servo > moves', points: 3, score: 3, bonus: false, visibility: 'visible', status: 'passed', durationMs: 12, line: 4 },
      {
        id: 'public/a.test.ts::lcd > shows the angle',
        file: 'public/a.test.ts',
        name: 'lcd > shows the angle',
        points: 2,
        score: 0,
        bonus: false,
        visibility: 'visible',
        status: 'failed',
        reason: { code: 'grader/test-failed', message: 'expected "Angle: 90" to be "Angle: 45" <&>' },
        feedback: {
          expected: 'LCD line 2 shows `Angle: 45`',
          actual: 'LCD line 2 shows `Angle: 90`',
          hint: 'map the reading before printing',
          timeline: [
            { t: 0, kind: 'lcd', text: 'Ready' },
            { t: 120, kind: 'servo', text: 'angle 90' },
            { t: 130, kind: 'http', text: 'PUT /devices/u1/servo.json 200' },
          ],
        },
        output: 'debug ``` fence',
        durationMs: 30,
        line: 9,
      },
      { id: 'hidden/b.test.ts::edge', file: 'hidden/b.test.ts', name: 'edge', points: 4, score: 2.5, bonus: false, visibility: 'hidden', status: 'failed', reason: { code: 'grader/test-failed', message: 'partial credit: 2.5 of 4 points' } },
      { id: 'hidden/b.test.ts::late', file: 'hidden/b.test.ts', name: 'late', points: 1, score: 0, bonus: false, visibility: 'after_due_date', status: 'not_run', reason: { code: 'grader/timeout', message: 'not run: the tests did not finish within 5 s' } },
      { id: 'hidden/b.test.ts::extra', file: 'hidden/b.test.ts', name: 'extra', points: 1, score: 1, bonus: true, visibility: 'hidden', status: 'passed' },
    ],
    ...overrides,
  };
}
