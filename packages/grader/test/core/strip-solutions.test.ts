import { describe, expect, it } from 'vitest';
import type { GraderError } from '../../src/core/grader-error.js';
import { stripSolutions } from '../../src/core/strip-solutions.js';

describe('stripSolutions', () => {
  it('replaces a TypeScript region with a TODO and a throw naming the task', () => {
    const src = [
      'export function f(): number {',
      '  // BEGIN SOLUTION: return the answer',
      '  return 42;',
      '  // END SOLUTION',
      '}',
    ].join('\n');
    const r = stripSolutions(src, 'src/f.ts');
    expect(r.regions).toBe(1);
    expect(r.text).toBe(
      [
        'export function f(): number {',
        '  // TODO: return the answer',
        '  throw new Error("Not implemented yet: return the answer");',
        '}',
      ].join('\n'),
    );
  });

  it('keeps STUB lines instead of the throw (C++ defaults)', () => {
    const src = [
      'int angle(int r) {',
      '  // BEGIN SOLUTION: scale r',
      '  return r * 180 / 4095;',
      '  // STUB: return 0;',
      '  // END SOLUTION',
      '}',
    ].join('\n');
    expect(stripSolutions(src, 'lib/angle.cpp').text).toBe(
      ['int angle(int r) {', '  // TODO: scale r', '  return 0;', '}'].join('\n'),
    );
  });

  it('handles Markdown comments and keeps CRLF line endings', () => {
    const src = [
      '# Notes',
      '<!-- BEGIN SOLUTION: explain your design -->',
      'secret answer',
      '<!-- END SOLUTION -->',
      '',
    ].join('\r\n');
    expect(stripSolutions(src, 'README.md').text).toBe(
      ['# Notes', '<!-- TODO: explain your design -->', ''].join('\r\n'),
    );
  });

  it.each([
    [
      '// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION',
      /x.ts:2: BEGIN SOLUTION inside the region opened on line 1/,
    ],
    ['a\n// END SOLUTION', /x.ts:2: END SOLUTION without a BEGIN SOLUTION/],
    ['// BEGIN SOLUTION\nsecret', /x.ts:1: BEGIN SOLUTION is never closed/],
  ])('rejects broken markers %#', (src, message) => {
    try {
      stripSolutions(src, 'x.ts');
      expect.unreachable('should throw');
    } catch (e) {
      expect((e as GraderError).code).toBe('grader/bad-solution-markers');
      expect((e as Error).message).toMatch(message);
    }
  });

  it('leaves files of unknown languages alone', () => {
    expect(stripSolutions('// BEGIN SOLUTION', 'data.bin')).toEqual({
      text: '// BEGIN SOLUTION',
      regions: 0,
    });
  });
});
