import { describe, expect, it } from 'vitest';
import { compareKeys, MAX_NAME, MIN_NAME } from '../../src/core/compare-keys.js';
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
