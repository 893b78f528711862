import { describe, expect, it } from 'vitest';
import { compareKeys, integerKeyValue, MAX_NAME, MIN_NAME } from '../../src/core/compare-keys.js';
import { compareValues, OBJECT_VALUE } from '../../src/core/compare-values.js';

describe('compareKeys', () => {
  it('puts int32-like keys first, numerically, shorter spelling first on ties', () => {
    const keys = ['b', '10', 'a', '9', '-5', '01', '1', '2147483648', '-2147483648', 'A', '_'];
    expect([...keys].sort(compareKeys)).toEqual([
      '-2147483648',
      '-5',
      '1',
      '01',
      '9',
      '10',
      '2147483648',
      'A',
      '_',
      'a',
      'b',
    ]);
  });

  it('keeps the sentinels at the ends', () => {
    expect(compareKeys(MIN_NAME, '-99')).toBeLessThan(0);
    expect(compareKeys('zzz', MAX_NAME)).toBeLessThan(0);
    expect(compareKeys(MAX_NAME, MIN_NAME)).toBeGreaterThan(0);
  });
});

describe('compareValues', () => {
  it('orders null < false < true < numbers < strings < objects', () => {
    const values = ['b', OBJECT_VALUE, 3, true, null, -1, false, 'a'] as const;
    expect([...values].sort(compareValues)).toEqual([null, false, true, -1, 3, 'a', 'b', OBJECT_VALUE]);
  });

  it('treats all objects as equal', () => {
    expect(compareValues(OBJECT_VALUE, OBJECT_VALUE)).toBe(0);
  });
});

describe('integerKeyValue', () => {
  it.each([
    ['0', 0],
    ['7', 7],
    ['-7', -7],
    ['007', 7],
    ['0000000000000042', 42],
    ['1234567890', 1234567890],
    ['2147483647', 2147483647],
    ['-2147483648', -2147483648],
  ])('reads %j as the integer %d', (key, value) => {
    expect(integerKeyValue(key)).toBe(value);
  });

  it.each([
    ['2147483648'],
    ['-2147483649'],
    ['9999999999'],
    ['12345678901'],
    ['+1'],
    ['1.0'],
    ['1e3'],
    [' 1'],
    ['1 '],
    ['0x1'],
    ['-'],
    [''],
    ['a1'],
    ['1a'],
    ['--1'],
    ['١'],
  ])('does not treat %j as an integer key', (key) => {
    expect(integerKeyValue(key)).toBeNull();
  });
});

describe('compareKeys in detail', () => {
  const sign = (n: number) => Math.sign(n);

  it.each([
    ['1', '2', -1],
    ['2', '1', 1],
    ['-3', '2', -1],
    ['2', '-3', 1],
    ['9', '10', -1],
    ['10', '9', 1],
    ['1', '01', -1],
    ['01', '1', 1],
    ['01', '001', -1],
    ['-1', '-01', -1],
    ['-01', '-1', 1],
    ['0', '-0', -1],
    ['-0', '0', 1],
    ['2147483647', '2147483648', -1],
    ['2147483648', '2147483647', 1],
    ['2147483648', '3', 1],
    ['-2147483649', '-2147483648', 1],
    ['99', 'a', -1],
    ['a', '99', 1],
    ['A', 'a', -1],
    ['a', 'A', 1],
    ['a', 'ab', -1],
    ['ab', 'a', 1],
    ['Z', '_', -1],
    ['_', 'a', -1],
    ['a', '_', 1],
    ['10a', '9a', -1],
    ['9a', '10a', 1],
    ['x', 'x', 0],
    ['5', '5', 0],
    ['01', '01', 0],
  ])('compareKeys(%j, %j) has sign %d', (a, b, expected) => {
    expect(sign(compareKeys(a, b))).toBe(expected);
  });

  it.each([['A'], ['a'], ['5'], ['-2147483648'], ['~'], ['[A']])(
    'puts MIN_NAME before %j and MAX_NAME after it',
    (key) => {
      expect(sign(compareKeys(MIN_NAME, key))).toBe(-1);
      expect(sign(compareKeys(key, MIN_NAME))).toBe(1);
      expect(sign(compareKeys(MAX_NAME, key))).toBe(1);
      expect(sign(compareKeys(key, MAX_NAME))).toBe(-1);
    },
  );

  it('orders the sentinels against each other and themselves', () => {
    expect(sign(compareKeys(MIN_NAME, MAX_NAME))).toBe(-1);
    expect(compareKeys(MIN_NAME, MIN_NAME)).toBe(0);
    expect(compareKeys(MAX_NAME, MAX_NAME)).toBe(0);
  });
});
