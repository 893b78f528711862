import { describe, expect, it } from 'vitest';
import { encodeClassroomResult, toClassroomResult } from '../../src/reporters/github-classroom.js';
import { toGradescope } from '../../src/reporters/gradescope.js';
import { toJUnitXml } from '../../src/reporters/junit-xml.js';
import { toPrairieLearn } from '../../src/reporters/prairielearn.js';
import { sampleResult } from '../helpers/sample-result.js';

const sum = (xs: number[]): number => Math.round(xs.reduce((a, b) => a + b, 0) * 1000) / 1000;

describe('Gradescope results.json', () => {
  const gs = toGradescope(sampleResult());
  it('has the required top-level fields with the right types', () => {
    expect(typeof gs.score).toBe('number');
    expect(typeof gs.execution_time).toBe('number');
    expect(gs.output_format).toBe('md');
    expect(gs.stdout_visibility).toBe('hidden');
    expect(Array.isArray(gs.tests)).toBe(true);
  });
  it('has per-test score, max_score, status, output and visibility that add up', () => {
    for (const t of gs.tests) {
      expect(Object.keys(t).sort()).toEqual([
        'max_score',
        'name',
        'number',
        'output',
        'output_format',
        'score',
        'status',
        'tags',
        'visibility',
      ]);
      expect(['passed', 'failed']).toContain(t.status);
      expect(['visible', 'hidden', 'after_due_date', 'after_published']).toContain(t.visibility);
      if (!t.tags.includes('bonus')) expect(t.score).toBeLessThanOrEqual(t.max_score);
    }
    // Worked out by hand from the sample: 3 + 0 + 2.5 (partial) + 0 (not run) + 1 (bonus) of 3 + 2 + 4 + 1 + 0.
    expect(gs.tests.map((t) => t.score)).toEqual([3, 0, 2.5, 0, 1]);
    expect(gs.tests.map((t) => t.max_score)).toEqual([3, 2, 4, 1, 0]);
    expect(gs.score).toBe(6.5);
    expect(sum(gs.tests.map((t) => t.score))).toBe(gs.score);
    expect(sum(gs.tests.map((t) => t.max_score))).toBe(10);
    expect(gs.tests.map((t) => t.number)).toEqual(['1.1', '1.2', '2.1', '2.2', '2.3']);
  });
  it('carries actionable Markdown feedback with the timeline excerpt', () => {
    const lcd = gs.tests[1]?.output ?? '';
    expect(lcd).toMatch(/\*\*Expected:\*\* LCD line 2 shows `Angle: 45`/);
    expect(lcd).toMatch(/\*\*Got:\*\* LCD line 2 shows `Angle: 90`/);
    expect(lcd).toMatch(/120 ms {2}servo {2}angle 90/);
    expect(lcd).not.toMatch(/debug ```/);
  });
});

describe('GitHub Classroom runner result', () => {
  it('is base64 JSON {version:1,status,max_score,tests[]} with per-test partial scores', () => {
    const decoded = JSON.parse(
      Buffer.from(encodeClassroomResult(sampleResult()), 'base64').toString('utf8'),
    ) as ReturnType<typeof toClassroomResult>;
    expect(decoded.version).toBe(1);
    expect(decoded.status).toBe('fail');
    expect(decoded.max_score).toBe(10);
    for (const t of decoded.tests) {
      expect(['pass', 'fail', 'error']).toContain(t.status);
      expect(typeof t.score).toBe('number');
      expect(typeof t.message).toBe('string');
      expect(typeof t.line_no).toBe('number');
      expect(t.filename).toMatch(/^grading\//);
    }
    expect(sum(decoded.tests.map((t) => t.score))).toBe(6.5);
    expect(decoded.tests.map((t) => t.status)).toEqual(['pass', 'fail', 'fail', 'error', 'pass']);
  });
  it('says error when the submission could not be graded, pass when everything passed', () => {
    expect(
      toClassroomResult(
        sampleResult({ gradable: false, outcome: { code: 'grader/build-failed', message: 'no build' } }),
      ).status,
    ).toBe('error');
    const all = sampleResult();
    all.tests = all.tests.map((t) => ({ ...t, status: 'passed', score: t.points }));
    expect(toClassroomResult(all).status).toBe('pass');
  });
});

/** Checks that every tag is closed in order; returns the element names seen. */
function wellFormed(xml: string): string[] {
  const stack: string[] = [];
  const names: string[] = [];
  for (const m of xml.replace(/<\?xml[^>]*\?>/, '').matchAll(/<(\/?)([A-Za-z][\w-]*)([^>]*?)(\/?)>/g)) {
    const [, close, name = '', attrs = '', self] = m;
    if (/[<&](?!amp;|lt;|gt;|quot;)/.test(attrs)) throw new Error(`unescaped attribute in <${name}>`);
    if (close) {
      if (stack.pop() !== name) throw new Error(`</${name}> closes the wrong element`);
    } else {
      names.push(name);
      if (!self) stack.push(name);
    }
  }
  if (stack.length > 0) throw new Error(`unclosed: ${stack.join(', ')}`);
  return names;
}

describe('JUnit XML', () => {
  const xml = toJUnitXml(sampleResult());
  it('is well formed with escaped text', () => {
    expect(() => wellFormed(xml)).not.toThrow();
    expect(xml).toContain('&lt;&amp;&gt;');
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
  });
  it('has counts that match its test cases', () => {
    const names = wellFormed(xml);
    expect(names.filter((n) => n === 'testcase')).toHaveLength(5);
    expect(names.filter((n) => n === 'testsuite')).toHaveLength(2);
    expect(xml).toMatch(/<testsuites [^>]*tests="5" failures="2" errors="1"/);
    expect(xml).toMatch(/<testsuite name="public\/a.test.ts" tests="2" failures="1" errors="0"/);
    expect(names.filter((n) => n === 'failure')).toHaveLength(2);
    expect(names.filter((n) => n === 'error')).toHaveLength(1);
    expect(xml).toMatch(/<property name="points" value="3"\/><property name="score" value="3"\/>/);
  });
});

describe('PrairieLearn results.json', () => {
  it('scores as a fraction, hides hidden tests, and stays gradable when it ran', () => {
    const pl = toPrairieLearn(sampleResult());
    expect(pl.score).toBe(0.65);
    expect(pl.gradable).toBe(true);
    expect(pl.format_errors).toBeUndefined();
    expect(pl.tests.map((t) => t.name)).toEqual(['servo > moves', 'lcd > shows the angle', 'late']);
    for (const t of pl.tests) expect(t.points).toBeLessThanOrEqual(t.max_points);
  });
  it('is not gradable with the build output when the submission does not build, and caps at 1', () => {
    const pl = toPrairieLearn(
      sampleResult({
        gradable: false,
        outcome: { code: 'grader/build-failed', message: 'does not build' },
        buildOutput: 'TS2322 here',
      }),
    );
    expect(pl.gradable).toBe(false);
    expect(pl.format_errors).toEqual(['does not build', 'TS2322 here']);
    expect(toPrairieLearn(sampleResult({ score: 11 })).score).toBe(1);
  });
});
