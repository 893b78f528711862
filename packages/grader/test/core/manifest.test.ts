import { describe, expect, it } from 'vitest';
import { GraderError } from '../../src/core/grader-error.js';
import { parseGraderConfig, DEFAULT_CONFIG } from '../../src/core/grader-config.js';
import { parseManifest, selectTests, testId } from '../../src/core/manifest.js';

const valid = {
  assignment: 'a9-demo',
  title: 'Demo',
  maxScore: 5,
  tests: [
    { file: 'public/a.test.ts', name: 'adds', points: 2, visibility: 'visible' },
    { file: 'hidden/b.test.ts', name: 'edge', points: 3, visibility: 'hidden' },
    { file: 'hidden/b.test.ts', name: 'extra', points: 1, visibility: 'after_due_date', bonus: true },
  ],
};

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof GraderError ? `${e.code}: ${e.message}` : `not a GraderError: ${String(e)}`;
  }
  return 'no error';
}

describe('parseManifest', () => {
  it('accepts a valid manifest and keeps bonus points out of the maximum', () => {
    const m = parseManifest(valid);
    expect(m.maxScore).toBe(5);
    expect(m.tests.map((t) => t.bonus)).toEqual([false, false, true]);
  });

  it('rejects a maxScore that does not match the tests', () => {
    expect(codeOf(() => parseManifest({ ...valid, maxScore: 6 }))).toMatch(
      /^grader\/bad-manifest: .*"maxScore" is 6 but the non-bonus tests add up to 5/,
    );
  });

  it.each([
    [{ ...valid, tests: [] }, /non-empty array/],
    [{ ...valid, tests: [{ file: '../x.test.ts', name: 'a', points: 1 }] }, /must be "public/],
    [
      { ...valid, tests: [{ file: 'public/a.test.ts', name: 'a', points: -1 }] },
      /points must be a number >= 0/,
    ],
    [
      { ...valid, tests: [{ file: 'public/a.test.ts', name: 'a', points: 1, visibility: 'hidden' }] },
      /must be "visible"/,
    ],
    [
      { ...valid, tests: [{ file: 'public/a.test.ts', name: 'a', points: 1, visibility: 'secret' }] },
      /visibility must be one of/,
    ],
    [{ ...valid, maxScore: 2, tests: [valid.tests[0], valid.tests[0]] }, /listed twice/],
    [[], /JSON object/],
  ])('rejects bad input %#', (raw, message) => {
    expect(codeOf(() => parseManifest(raw))).toMatch(new RegExp(`^grader/bad-manifest: .*${message.source}`));
  });

  it('selects public tests only unless hidden ones are asked for', () => {
    const m = parseManifest(valid);
    expect(selectTests(m, false).map((t) => t.name)).toEqual(['adds']);
    expect(selectTests(m, true)).toHaveLength(3);
    expect(testId('public/a.test.ts', 'x > y')).toBe('public/a.test.ts::x > y');
  });
});

describe('parseGraderConfig', () => {
  it('fills defaults and reads limits', () => {
    expect(parseGraderConfig(undefined)).toEqual(DEFAULT_CONFIG);
    const c = parseGraderConfig({ build: ['tsc'], timeoutSeconds: 5, memoryMb: 64 });
    expect([c.build, c.timeoutSeconds, c.memoryMb, c.testTimeoutMs]).toEqual([
      ['tsc'],
      5,
      64,
      DEFAULT_CONFIG.testTimeoutMs,
    ]);
  });

  it('rejects bad limits and builds', () => {
    expect(codeOf(() => parseGraderConfig({ timeoutSeconds: 0 }))).toMatch(
      /^grader\/bad-config: .*"timeoutSeconds" must be a positive number/,
    );
    expect(codeOf(() => parseGraderConfig({ build: 'tsc' }))).toMatch(
      /^grader\/bad-config: .*"build" must be a non-empty array/,
    );
    expect(codeOf(() => parseGraderConfig('x'))).toMatch(/^grader\/bad-config/);
  });
});
