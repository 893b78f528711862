import { describe, expect, it } from 'vitest';
import type { GradedTestResult, SubmissionResult } from '../../src/core/result-model.js';
import { catalogueProblem, classifyMutant, type MutantOutcome } from '../../src/mutants/mutant-outcome.js';
import { mutantVerdict } from '../../src/mutants/mutants-report.js';
import { sampleResult } from '../helpers/sample-result.js';

function test(
  name: string,
  status: GradedTestResult['status'],
  message = 'expected 1 to be 2',
): GradedTestResult {
  return {
    id: `public/a.test.ts::${name}`,
    file: 'public/a.test.ts',
    name,
    points: 1,
    score: status === 'passed' ? 1 : 0,
    bonus: false,
    visibility: 'visible',
    status,
    ...(status === 'passed' ? {} : { reason: { code: 'grader/test-failed' as const, message } }),
  };
}

function result(tests: GradedTestResult[], over: Partial<SubmissionResult> = {}): SubmissionResult {
  return sampleResult({ tests, ...over });
}

const ALL = new Set(['public/a.test.ts::a', 'public/a.test.ts::b']);

describe('classifyMutant', () => {
  it('is killed by the tests that pass on the reference and fail on the mutant', () => {
    const r = classifyMutant(result([test('a', 'failed'), test('b', 'passed')]), ALL, ['a', 'b']);
    expect(r).toMatchObject({ status: 'killed', failedTests: ['a'], missedKillers: ['b'] });
  });

  it('ignores tests that already fail on the reference', () => {
    const r = classifyMutant(
      result([test('a', 'failed'), test('b', 'passed')]),
      new Set(['public/a.test.ts::b']),
      [],
    );
    expect(r.status).toBe('survived');
  });

  it('counts a timeout as detected and a mutant that does not build as not gradable', () => {
    const timeout = { code: 'grader/timeout' as const, message: 'the tests did not finish within 60 s' };
    expect(
      classifyMutant(result([test('a', 'not_run'), test('b', 'not_run')], { outcome: timeout }), ALL, [])
        .status,
    ).toBe('timed-out');
    const compile = classifyMutant(
      result([
        test('a', 'failed', 'your firmware does not compile:\napp.cpp:3: error: x'),
        test('b', 'failed', 'your firmware does not compile:\n…'),
      ]),
      ALL,
      [],
    );
    expect(compile).toMatchObject({
      status: 'not-gradable',
      note: expect.stringMatching(/does not compile/),
    });
    expect(classifyMutant(result([], { gradable: false }), ALL, []).status).toBe('not-gradable');
  });
});

describe('classifyMutant with feedbackMentions', () => {
  const killed = (message: string): SubmissionResult =>
    result([test('a', 'failed', message), test('b', 'passed')]);

  it('accepts a killed mutant whose student feedback names the cause, whatever the case and spacing', () => {
    const r = classifyMutant(
      killed('no sign-in request was sent:\n  start with `A2App::onKey`'),
      ALL,
      ['a'],
      ['start with `a2app::onkey`', 'SIGN-IN   request'],
    );
    expect(r.status).toBe('killed');
    expect(r.misleadingFeedback).toBeUndefined();
  });

  it("lists the mentions a killed mutant's feedback lacks, and the run counts that as a problem", () => {
    const r = classifyMutant(
      killed('expected the servo at 90°, it is at 89°'),
      ALL,
      ['a'],
      ['servo', 'submitPassword'],
    );
    expect(r).toMatchObject({ status: 'killed', misleadingFeedback: ['submitPassword'] });
    const outcome: MutantOutcome = {
      id: 'm',
      kind: 'catalogue',
      description: 'd',
      expectedKillers: ['a'],
      ...r,
    };
    expect(catalogueProblem(outcome)).toBe(
      'killed but feedback misleading: the student feedback never mentions "submitPassword"',
    );
    expect(mutantVerdict(outcome)).toBe('killed by: a — FEEDBACK MISLEADING, never mentions: submitPassword');
  });

  it('checks the feedback as the student reads it once hidden tests are shown: test name, hint and notes', () => {
    const hidden = {
      ...test('a', 'failed', 'GET requests to the database: 12'),
      visibility: 'after_due_date' as const,
      feedback: { hint: 'open ONE SSE stream', notes: ['functions runner: onReading fires'] },
    };
    const r = classifyMutant(
      result([hidden, test('b', 'passed')]),
      ALL,
      ['a'],
      ['one sse stream', 'functions runner: onReading', 'GET requests'],
    );
    expect(r.misleadingFeedback).toBeUndefined();
  });

  it('does not check mentions on a survivor, a timeout or a mutant that does not build', () => {
    const survived = classifyMutant(result([test('a', 'passed'), test('b', 'passed')]), ALL, [], ['x']);
    expect(survived).toMatchObject({ status: 'survived' });
    expect(survived.misleadingFeedback).toBeUndefined();
  });
});

describe('catalogueProblem', () => {
  const base: MutantOutcome = {
    id: 'm',
    kind: 'catalogue',
    description: 'd',
    status: 'killed',
    failedTests: ['a'],
    expectedKillers: ['a'],
    missedKillers: [],
  };
  it('fails survivors, invalid entries, unbuildable patches and killers that passed; not equivalents or auto mutants', () => {
    expect(catalogueProblem(base)).toBeNull();
    expect(catalogueProblem({ ...base, status: 'survived' })).toMatch(/survived/);
    expect(catalogueProblem({ ...base, missedKillers: ['b'] })).toBe('expected to fail but passed: "b"');
    expect(catalogueProblem({ ...base, status: 'invalid', note: 'bad' })).toBe('bad');
    expect(catalogueProblem({ ...base, status: 'not-gradable', note: 'no build' })).toBe('no build');
    expect(catalogueProblem({ ...base, status: 'equivalent' })).toBeNull();
    expect(catalogueProblem({ ...base, kind: 'auto', status: 'survived' })).toBeNull();
  });
});
