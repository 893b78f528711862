import { describe, expect, it } from 'vitest';
import type { GradedTestResult, SubmissionResult } from '../../src/core/result-model.js';
import { toConsoleTable } from '../../src/reporters/console-table.js';
import { boundedText, compilerErrors } from '../../src/reporters/failure-text.js';
import { toGradescope } from '../../src/reporters/gradescope.js';
import { toJUnitXml } from '../../src/reporters/junit-xml.js';
import { toMarkdown } from '../../src/reporters/markdown-feedback.js';
import { firmwareBuildFailure } from '../../src/runner/firmware-build-outcome.js';
import { sampleResult } from '../helpers/sample-result.js';

const COMPILE =
  "your firmware does not compile:\nsrc/app/a2_app.cpp:12: error: expected ';' before '}' token\nsrc/app/a2_app.cpp:30: error: 'phase' was not declared in this scope";

const failing = (name: string, message: string): GradedTestResult => ({
  id: `public/a.test.ts::${name}`,
  file: 'public/a.test.ts',
  name,
  points: 5,
  score: 0,
  bonus: false,
  visibility: 'visible',
  status: 'failed',
  reason: { code: 'grader/test-failed', message },
});

/** A result whose failure carries its cause after a line break, as device and transform errors do. */
function multiLine(): SubmissionResult {
  return sampleResult({
    tests: [
      failing(
        'device > signs in',
        'no matching device event within 8000 ms; recent timeline:\n  120 ms  http  POST /accounts:signInWithPassword 400\n  130 ms  lcd   Wrong password',
      ),
    ],
  });
}

/** A starter that does not compile, as the runner reports it after {@link firmwareBuildFailure}. */
function notBuilding(): SubmissionResult {
  const tests = [failing('device > signs in', COMPILE), failing('lcd > shows the reading', COMPILE)];
  const failure = firmwareBuildFailure(tests, { code: 'ok', message: 'all graded tests ran' });
  if (!failure) throw new Error('a compile failure was not recognised');
  return sampleResult({
    tests,
    score: 0,
    gradable: false,
    outcome: failure.outcome,
    buildOutput: failure.compilerOutput,
  });
}

describe('whole failure messages', () => {
  it('the console table shows the lines after the first one', () => {
    const table = toConsoleTable(multiLine(), false);
    expect(table).toContain('recent timeline:');
    expect(table).toContain('POST /accounts:signInWithPassword 400');
    expect(table).toContain('Wrong password');
  });

  it('the student Markdown, Gradescope and JUnit carry the whole message', () => {
    const md = toMarkdown(multiLine(), { audience: 'student' });
    expect(md).toMatch(/\*\*Why:\*\* no matching device event within 8000 ms; recent timeline:/);
    expect(md).toContain('Wrong password');
    expect(toGradescope(multiLine()).tests[0]?.output).toContain('Wrong password');
    expect(toJUnitXml(multiLine())).toMatch(/<failure [^>]*>[^<]*Wrong password/);
  });

  it('a runaway message is bounded and says how much was left out', () => {
    const long = Array.from({ length: 500 }, (_, i) => `line ${i}`).join('\n');
    const cut = boundedText(long);
    expect(cut.split('\n').length).toBeLessThanOrEqual(31);
    expect(cut).toMatch(/… \(\d+ more lines\)$/);
    const md = toMarkdown(sampleResult({ tests: [failing('t', long)] }), { audience: 'student' });
    expect(md).not.toContain('line 499');
    expect(md.length).toBeLessThan(6000);
  });
});

describe('a firmware that does not compile', () => {
  it('is recognised from the device build message and only when no test passed', () => {
    expect(compilerErrors(COMPILE)).toMatch(/^src\/app\/a2_app\.cpp:12: error:/);
    expect(compilerErrors('expected 1 to be 2')).toBeUndefined();
    const ok = { code: 'ok' as const, message: 'all graded tests ran' };
    const passed: GradedTestResult = { ...failing('x', ''), status: 'passed', score: 5 };
    delete passed.reason;
    expect(firmwareBuildFailure([failing('a', COMPILE), passed], ok)).toBeUndefined();
    expect(firmwareBuildFailure([failing('a', 'expected 1 to be 2')], ok)).toBeUndefined();
    const failure = firmwareBuildFailure([failing('a', COMPILE)], ok);
    expect(failure?.outcome.code).toBe('grader/build-failed');
    expect(failure?.outcome.message).toMatch(/^does not build — .*a2_app\.cpp:12: error: expected ';'/);
  });

  it('the console shows "Not gradable: does not build" and the compiler errors once', () => {
    const table = toConsoleTable(notBuilding(), false);
    expect(table).toMatch(/^Not gradable: does not build/m);
    expect(table.match(/a2_app\.cpp:30: error/g)?.length).toBe(1);
    expect(table).toContain('your firmware does not compile (errors above)');
  });

  it('the feedback opens with the compiler errors in an open block, Gradescope too', () => {
    const md = toMarkdown(notBuilding(), { audience: 'student' });
    expect(md).toMatch(/> \*\*Not gradable:\*\* does not build/);
    expect(md).toMatch(/<details open><summary>Build output<\/summary>[\s\S]*a2_app\.cpp:30: error/);
    expect(md.match(/a2_app\.cpp:30: error/g)?.length).toBe(1);
    const gs = toGradescope(notBuilding());
    expect(gs.output).toMatch(/Not gradable: does not build[\s\S]*a2_app\.cpp:12: error/);
  });
});
