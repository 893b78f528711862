import { describe, expect, it } from 'vitest';
import type { GradedTestResult, SubmissionResult } from '../../src/core/result-model.js';
import { catalogueProblem, classifyMutant, type MutantOutcome } from '../../src/mutants/mutant-outcome.js';
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
