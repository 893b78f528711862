import { describe, expect, it } from 'vitest';
import { compareKeys } from '../../src/core/key-compare.js';

const sign = (n: number): number => Math.sign(n);

describe('compareKeys', () => {
  it('counts the largest int32 key as an integer, before every other key', () => {
    // As a string, "2147483647" would sort after "-" (code unit 0x32 > 0x2d).
    expect(compareKeys('2147483647', '-')).toBeLessThan(0);
    expect(compareKeys('-', '2147483647')).toBeGreaterThan(0);
  });

  it('returns 0 only for the same key', () => {
    expect(compareKeys('a', 'a')).toBe(0);
    expect(compareKeys('7', '7')).toBe(0);
    expect(compareKeys('1', '01')).not.toBe(0);
  });

  it('orders integer keys numerically, negative ones first', () => {
    expect(sign(compareKeys('2', '10'))).toBe(-1);
    expect(sign(compareKeys('10', '2'))).toBe(1);
    expect(sign(compareKeys('-5', '3'))).toBe(-1);
    expect(sign(compareKeys('-5', '-10'))).toBe(1);
  });

  it('breaks numeric ties by length: "1" before "01" before "001"', () => {
    expect(sign(compareKeys('1', '01'))).toBe(-1);
    expect(sign(compareKeys('001', '01'))).toBe(1);
  });

  it('puts integer keys before every other key', () => {
    expect(sign(compareKeys('999', 'a'))).toBe(-1);
    expect(sign(compareKeys('a', '999'))).toBe(1);
    expect(sign(compareKeys('5', '5a'))).toBe(-1);
    expect(sign(compareKeys('1.5', '2'))).toBe(1);
  });

  it('treats exactly the int32 range as integers', () => {
    // In range: numeric order, so the big one comes after 3.
    expect(sign(compareKeys('2147483647', '3'))).toBe(1);
    expect(sign(compareKeys('-2147483648', '-3'))).toBe(-1);
    // One past either end: a plain string, so after every integer key.
    expect(sign(compareKeys('2147483648', '3'))).toBe(1);
    expect(sign(compareKeys('2147483648', '2147483647'))).toBe(1);
    expect(sign(compareKeys('-2147483649', '3'))).toBe(1);
    // As strings, "-2147483649" < "2147483648" by code unit: both are strings now.
    expect(sign(compareKeys('-2147483649', '2147483648'))).toBe(-1);
  });

  it('reads leading zeros as part of an integer, however many', () => {
    expect(sign(compareKeys('00000000001', '5'))).toBe(-1);
    expect(sign(compareKeys('000000000010', '9'))).toBe(1);
    expect(sign(compareKeys('-007', '-6'))).toBe(-1);
  });

  it('treats eleven significant digits as a string', () => {
    expect(sign(compareKeys('12345678901', 'a'))).toBe(-1);
    expect(sign(compareKeys('12345678901', '5'))).toBe(1);
  });

  it('orders other keys by UTF-16 code unit', () => {
    expect(sign(compareKeys('B', 'a'))).toBe(-1);
    expect(sign(compareKeys('a', 'B'))).toBe(1);
    expect(sign(compareKeys('a', 'ab'))).toBe(-1);
    expect(sign(compareKeys('\uf8ff', 'z'))).toBe(1);
  });
});
