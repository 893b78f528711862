// Every refusal of parseManifest word for word: these messages are what an instructor reads.
import { describe, expect, it } from 'vitest';
import { GraderError } from '../../src/core/grader-error.js';
import { parseManifest } from '../../src/core/manifest.js';

const test = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  file: 'public/a.test.ts',
  name: 'adds',
  points: 2,
  ...over,
});
const manifest = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  assignment: 'a9-demo',
  title: 'Demo',
  maxScore: 2,
  tests: [test()],
  ...over,
});

function refusal(raw: unknown): string {
  try {
    parseManifest(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(GraderError);
    expect((error as GraderError).code).toBe('grader/bad-manifest');
    return (error as GraderError).message.replace(/^grading\/manifest\.json: /, '');
  }
  throw new Error('expected grader/bad-manifest');
}

describe('parseManifest accepts', () => {
  it('a minimal manifest, filling visibility, bonus and the title', () => {
    const m = parseManifest(manifest({ title: undefined }));
    expect(m).toEqual({
      assignment: 'a9-demo',
      title: 'a9-demo',
      maxScore: 2,
      tests: [{ file: 'public/a.test.ts', name: 'adds', points: 2, visibility: 'visible', bonus: false }],
      manual: [],
      manualPoints: 0,
    });
    expect(parseManifest(manifest({ title: '' })).title).toBe('a9-demo');
    expect(parseManifest(manifest({ title: 'Demo' })).title).toBe('Demo');
  });

  it('zero points, nested test files, every hidden visibility and a maxScore off by rounding only', () => {
    const m = parseManifest(
      manifest({
        // 0.1 + 0.2 in floating point: the check allows for it.
        maxScore: 0.30000000000000004,
        tests: [
          test({ points: 0.1 }),
          test({ file: 'hidden/deep/b.test.ts', name: 'b', points: 0.2, visibility: 'hidden' }),
          test({ file: 'hidden/c.test.ts', name: 'c', points: 0, visibility: 'after_due_date' }),
          test({ file: 'hidden/c.test.ts', name: 'extra', points: 4, bonus: true }),
        ],
      }),
    );
    expect(m.maxScore).toBeCloseTo(0.3, 12);
    expect(m.tests.map((t) => [t.visibility, t.bonus])).toEqual([
      ['visible', false],
      ['hidden', false],
      ['after_due_date', false],
      ['visible', true],
    ]);
  });

  it('the same test name in two files', () => {
    const m = parseManifest(
      manifest({ maxScore: 4, tests: [test(), test({ file: 'hidden/a.test.ts', visibility: 'hidden' })] }),
    );
    expect(m.tests).toHaveLength(2);
  });
});

describe('parseManifest refuses', () => {
  it('anything but an object', () => {
    for (const raw of [null, [], 'x', 1]) expect(refusal(raw)).toBe('must be a JSON object');
  });

  it('a missing or empty assignment', () => {
    expect(refusal(manifest({ assignment: '' }))).toBe('"assignment" must be a non-empty string');
    expect(refusal(manifest({ assignment: 7 }))).toBe('"assignment" must be a non-empty string');
  });

  it('missing or empty tests', () => {
    expect(refusal(manifest({ tests: [] }))).toBe('"tests" must be a non-empty array');
    expect(refusal(manifest({ tests: {} }))).toBe('"tests" must be a non-empty array');
  });

  it('a test that is not an object, by its index', () => {
    expect(refusal(manifest({ tests: [test(), null] }))).toBe('tests[1] must be an object');
    expect(refusal(manifest({ tests: ['x'] }))).toBe('tests[0] must be an object');
  });

  it('a file outside public/ and hidden/, or climbing out', () => {
    for (const file of [
      'src/a.test.ts',
      'public/a.ts',
      'public/.test.ts',
      'public/../x.test.ts',
      'xpublic/a.test.ts',
      'public/a.test.tsx',
      7,
      ['public/a.test.ts'],
    ]) {
      expect(refusal(manifest({ tests: [test({ file })] }))).toBe(
        `tests[0].file must be "public/<name>.test.ts" or "hidden/<name>.test.ts", got ${JSON.stringify(file)}`,
      );
    }
  });

  it('an empty name', () => {
    expect(refusal(manifest({ tests: [test({ name: '' })] }))).toBe(
      'tests[0].name must be a non-empty string',
    );
    expect(refusal(manifest({ tests: [test({ name: 3 })] }))).toBe(
      'tests[0].name must be a non-empty string',
    );
  });

  it('points that are not a finite number >= 0', () => {
    for (const points of [-0.5, '2', Number.NaN, Number.POSITIVE_INFINITY, null]) {
      expect(refusal(manifest({ tests: [test({ points })] }))).toBe(
        'tests[0] (adds).points must be a number >= 0',
      );
    }
  });

  it('an unknown visibility, or a public test that is not visible', () => {
    expect(refusal(manifest({ tests: [test({ visibility: 'secret' })] }))).toBe(
      'tests[0] (adds).visibility must be one of visible, hidden, after_due_date',
    );
    expect(refusal(manifest({ tests: [test({ visibility: 'after_due_date' })] }))).toBe(
      'tests[0] (adds) is in public/ so students can read it: its visibility must be "visible"',
    );
  });

  it('a bonus flag that is not a boolean', () => {
    expect(refusal(manifest({ tests: [test({ bonus: 'yes' })] }))).toBe(
      'tests[0] (adds).bonus must be a boolean',
    );
  });

  it('the same test twice', () => {
    expect(refusal(manifest({ maxScore: 4, tests: [test(), test()] }))).toBe(
      'test "adds" in public/a.test.ts is listed twice',
    );
  });

  it('manual items that are null, unnamed, pointless or with blank rubric lines', () => {
    const withManual = (item: unknown): Record<string, unknown> => manifest({ maxScore: 3, manual: [item] });
    expect(refusal(withManual(null))).toBe('manual[0] must be an object');
    expect(refusal(withManual({ name: 3, points: 1 }))).toBe('manual[0].name must be a non-empty string');
    expect(refusal(withManual({ name: '  ', points: 1 }))).toBe('manual[0].name must be a non-empty string');
    for (const points of [Number.NaN, '1', -1])
      expect(refusal(withManual({ name: 'report', points }))).toBe(
        'manual[0] (report).points must be a number > 0',
      );
    expect(refusal(withManual({ name: 'report', points: 1, rubric: ['  '] }))).toBe(
      'manual[0] (report).rubric must be an array of non-empty strings',
    );
    expect(refusal(withManual({ name: 'report', points: 1, rubric: [7] }))).toBe(
      'manual[0] (report).rubric must be an array of non-empty strings',
    );
  });

  it('accepts a maxScore off by exactly the rounding allowance, not more', () => {
    const zero = [test({ points: 0 })];
    expect(parseManifest(manifest({ maxScore: 1e-9, tests: zero })).maxScore).toBe(0);
    expect(refusal(manifest({ maxScore: 2e-9, tests: zero }))).toBe(
      '"maxScore" is 2e-9 but the non-bonus tests add up to 0',
    );
  });

  it('a maxScore that is missing or off, bonus points left out of the sum', () => {
    expect(refusal(manifest({ maxScore: undefined }))).toBe(
      '"maxScore" is undefined but the non-bonus tests add up to 2',
    );
    expect(refusal(manifest({ maxScore: '2' }))).toBe(
      '"maxScore" is "2" but the non-bonus tests add up to 2',
    );
    expect(refusal(manifest({ maxScore: 2.001 }))).toBe(
      '"maxScore" is 2.001 but the non-bonus tests add up to 2',
    );
    expect(
      refusal(manifest({ maxScore: 5, tests: [test(), test({ name: 'extra', points: 3, bonus: true })] })),
    ).toBe('"maxScore" is 5 but the non-bonus tests add up to 2');
  });
});
