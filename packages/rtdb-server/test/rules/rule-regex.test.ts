import { describe, expect, it } from 'vitest';
import { RuleRegex, RuleRegexSyntaxError } from '../../src/rules/rule-regex.js';

describe('RuleRegex', () => {
  it.each([
    ['^foo', 'foobar', true],
    ['^foo', 'a foo', false],
    ['a', 'ba', true],
    ['a$', 'ab', false],
    ['^a*$', '', true],
    ['^a+$', '', false],
    ['^a?$', 'aa', false],
    ['^........$', 'Firebase', true],
    ['(ab)*', 'abab', true],
    ['^(a|bc)$', 'bc', true],
    ['^[ABCDEF]+$', 'FACE', true],
    ['^[0-9A-F]+$', 'BEEF01', true],
    ['^[^0-9]+$', 'abc1', false],
    ['^\\d{4}-\\d{2}$', '2026-12', true],
    ['^\\w+\\s\\S$', 'lab x', true],
    ['^\\W\\D$', '!a', true],
    ['^a\\.b\\/c$', 'a.b/c', true],
    ['^[a$]$', '$', true],
  ])('/%s/ on %j is %s', (pattern, text, expected) => {
    expect(new RuleRegex(pattern, '').test(text)).toBe(expected);
  });

  it('ignores case with the i flag only', () => {
    expect(new RuleRegex('^lab$', 'i').test('LAB')).toBe(true);
    expect(new RuleRegex('^lab$', '').test('LAB')).toBe(false);
    expect(() => new RuleRegex('a', 'g')).toThrow(/flag "g" is not supported/);
  });

  it.each([
    ['a\\1', 1, /\\1 is not supported/],
    ['\\bword', 0, /\\b is not supported/],
    ['(?=a)b', 0, /"\(\?" groups/],
    ['(?<name>a)', 0, /"\(\?" groups/],
    ['(?:ab)+', 0, /"\(\?" groups/],
    ['a^b', 1, /"\^" may only be the first character/],
    ['a$b', 1, /"\$" may only be the last character/],
    ['[]a]', 0, /empty character set/],
    ['[[:alpha:]]', 1, /"\[" inside a character set must be escaped/],
    ['[abc', 4, /never closed/],
    ['abc\\', 3, /lone backslash/],
    ['a{1001}', 0, /invalid repeat count/],
  ])('refuses /%s/ at offset %d', (pattern, index, message) => {
    let error: unknown;
    try {
      new RuleRegex(pattern, '');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RuleRegexSyntaxError);
    expect((error as RuleRegexSyntaxError).index).toBe(index);
    expect((error as Error).message).toMatch(message);
  });

  it('matches a pathological pattern against a long string in linear time', () => {
    // JavaScript's backtracking engine needs ~2^n steps for this; RE2 scans the string once.
    const regex = new RuleRegex('^(a+)+$', '');
    expect(regex.test(`${'a'.repeat(100_000)}!`)).toBe(false);
    expect(regex.test('a'.repeat(100_000))).toBe(true);
  });

  it.each([
    ['^[^]a]$', 1, /empty character set/],
    ['a[]', 1, /empty character set "\[\]" matches nothing; escape "\]" as \\\]/],
    ['(a', 0, /^invalid regular expression: missing closing \): `\(a`$/],
    ['a**', 0, /^invalid regular expression: invalid nested repetition operator/],
    [
      '\\A',
      0,
      /\\A is not supported in rules \(only \\s \\w \\d \\S \\W \\D, or a backslash before punctuation\)/,
    ],
    ['x\\9', 1, /\\9 is not supported/],
    ['[a][b', 5, /^a character set "\[" is never closed with "\]"$/],
    ['[a[]', 2, /^"\[" inside a character set must be escaped as \\\[$/],
    ['ab^', 2, /^"\^" may only be the first character of the pattern$/],
    ['$a', 0, /^"\$" may only be the last character of the pattern$/],
    ['a(?i)b', 1, /^"\(\?" groups \(lookaround, named or non-capturing\) are not supported in rules$/],
    ['\\', 0, /^the pattern ends with a lone backslash$/],
  ])('refuses /%s/ at offset %d (more cases)', (pattern, index, message) => {
    let error: unknown;
    try {
      new RuleRegex(pattern, '');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(RuleRegexSyntaxError);
    expect((error as RuleRegexSyntaxError).name).toBe('RuleRegexSyntaxError');
    expect((error as RuleRegexSyntaxError).index).toBe(index);
    expect((error as Error).message).toMatch(message);
  });

  it.each([
    ['^[\\]]$', ']', true],
    ['^[a\\[]$', '[', true],
    ['^[$^]+$', '$^', true],
    ['^[(?]+$', '(?', true],
    ['^\\(\\?\\)$', '(?)', true],
    ['^\\$\\^$', '$^', true],
    ['^a\\-b$', 'a-b', true],
    ['^[^a]$', 'b', true],
    ['^[^a]$', 'a', false],
    ['^(a)(b)$', 'ab', true],
    ['^\\s\\S\\w\\W\\d\\D$', ' xa!1z', true],
    ['^[\\d]+$', '123', true],
    ['^.$', '\n', false],
  ])('accepts /%s/; on %j it is %s', (pattern, text, expected) => {
    expect(new RuleRegex(pattern, '').test(text)).toBe(expected);
  });

  it('refuses every flag but "i", saying which', () => {
    expect(() => new RuleRegex('a', 'm')).toThrow('regular expression flag "m" is not supported (only "i")');
    expect(() => new RuleRegex('a', 'ig')).toThrow(/flag "ig"/);
    try {
      new RuleRegex('a', 'x');
    } catch (error) {
      expect((error as RuleRegexSyntaxError).index).toBe(0);
    }
  });

  it('prints as the literal written in the rules', () => {
    expect(String(new RuleRegex('^a.c$', 'i'))).toBe('/^a.c$/i');
    expect(new RuleRegex('b+', '').toString()).toBe('/b+/');
    expect(new RuleRegex('b+', '').source).toBe('b+');
    expect(new RuleRegex('b+', 'i').flags).toBe('i');
  });
});
