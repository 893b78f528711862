import { describe, expect, it } from 'vitest';
import { GraderError } from '../../src/core/grader-error.js';
import { parseManifest } from '../../src/core/manifest.js';

const base = {
  assignment: 'a9-report',
  title: 'Report',
  tests: [{ file: 'public/a.test.ts', name: 'sections', points: 7, visibility: 'visible' }],
};
const manual = [
  { name: 'the argument', points: 2, rubric: ['claims backed by the labs'] },
  { name: 'the writing', points: 1 },
];

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    return e instanceof GraderError ? `${e.code}: ${e.message}` : `not a GraderError: ${String(e)}`;
  }
  return 'no error';
}

describe('parseManifest: manual items', () => {
  it('reads manual items apart from the tests: the automatic maximum excludes them, the JSON maxScore includes them', () => {
    const m = parseManifest({ ...base, maxScore: 10, manual });
    expect(m.maxScore).toBe(7);
    expect(m.manualPoints).toBe(3);
    expect(m.manual).toEqual([
      { name: 'the argument', points: 2, rubric: ['claims backed by the labs'] },
      { name: 'the writing', points: 1, rubric: [] },
    ]);
    expect(m.tests.map((t) => t.name)).toEqual(['sections']);
  });

  it('a manifest without manual items has an empty list', () => {
    const m = parseManifest({ ...base, maxScore: 7 });
    expect(m.manual).toEqual([]);
    expect(m.manualPoints).toBe(0);
  });

  it('names both parts when maxScore leaves the manual points out', () => {
    expect(errorOf(() => parseManifest({ ...base, maxScore: 7, manual }))).toBe(
      'grader/bad-manifest: grading/manifest.json: "maxScore" is 7 but the non-bonus tests (7) and the manual items (3) add up to 10',
    );
  });

  it.each([
    [{ manual: {} }, /"manual" must be an array/],
    [{ manual: ['x'] }, /manual\[0\] must be an object/],
    [{ manual: [{ name: '', points: 1 }] }, /manual\[0\]\.name must be a non-empty string/],
    [{ manual: [{ name: 'a', points: 0 }] }, /manual\[0\] \(a\)\.points must be a number > 0/],
    [
      { manual: [{ name: 'a', points: 1, rubric: 'be good' }] },
      /rubric must be an array of non-empty strings/,
    ],
    [{ manual: [{ name: 'a', points: 1, rubric: [''] }] }, /rubric must be an array of non-empty strings/],
    [
      {
        manual: [
          { name: 'a', points: 1 },
          { name: 'a', points: 1 },
        ],
      },
      /manual item "a" is listed twice/,
    ],
    [
      { manual: [{ name: 'sections', points: 1 }] },
      /manual item "sections" is listed twice \(or shares its name with a test\)/,
    ],
  ])('refuses a bad manual list %#', (extra, message) => {
    expect(errorOf(() => parseManifest({ ...base, maxScore: 9, ...extra }))).toMatch(message);
  });
});
