import { describe, expect, it } from 'vitest';
import { comparePriorities, compareValues } from '../../src/core/value-compare.js';

const sign = (n: number): number => Math.sign(n);

describe('compareValues', () => {
  it('ranks the types: null/missing < false < true < numbers < strings < objects', () => {
    const ladder: unknown[] = [null, false, true, -1, 'a', { a: 1 }];
    for (let i = 0; i < ladder.length; i++) {
      for (let j = 0; j < ladder.length; j++) {
        expect(sign(compareValues(ladder[i], ladder[j])), `${i} vs ${j}`).toBe(sign(i - j));
      }
    }
    expect(compareValues(undefined, null)).toBe(0);
    expect(sign(compareValues(undefined, false))).toBe(-1);
  });

  it('orders numbers by value', () => {
    expect(sign(compareValues(1, 2))).toBe(-1);
    expect(sign(compareValues(2, 1))).toBe(1);
    expect(compareValues(1.5, 1.5)).toBe(0);
  });

  it('orders strings by code unit, equal strings tie', () => {
    expect(sign(compareValues('a', 'b'))).toBe(-1);
    expect(sign(compareValues('b', 'a'))).toBe(1);
    expect(sign(compareValues('Z', 'a'))).toBe(-1);
    expect(compareValues('same', 'same')).toBe(0);
  });

  it('lets all objects tie, and equal booleans tie', () => {
    expect(compareValues({ a: 1 }, { b: 2 })).toBe(0);
    expect(compareValues([1], { a: 1 })).toBe(0);
    expect(compareValues(true, true)).toBe(0);
  });
});

describe('comparePriorities', () => {
  it('ranks no priority < numbers < strings', () => {
    expect(sign(comparePriorities(null, 0))).toBe(-1);
    expect(sign(comparePriorities(0, null))).toBe(1);
    expect(sign(comparePriorities(1e9, 'a'))).toBe(-1);
    expect(sign(comparePriorities('a', 1e9))).toBe(1);
    expect(sign(comparePriorities(undefined, 'a'))).toBe(-1);
  });

  it('counts booleans and objects as no priority', () => {
    expect(comparePriorities(true, null)).toBe(0);
    expect(comparePriorities({ a: 1 }, undefined)).toBe(0);
    expect(sign(comparePriorities(false, 0))).toBe(-1);
  });

  it('orders numbers by value and strings by code unit', () => {
    expect(sign(comparePriorities(1, 2))).toBe(-1);
    expect(sign(comparePriorities(3, 2))).toBe(1);
    expect(comparePriorities(2, 2)).toBe(0);
    expect(sign(comparePriorities('a', 'b'))).toBe(-1);
    expect(sign(comparePriorities('b', 'a'))).toBe(1);
    expect(comparePriorities('a', 'a')).toBe(0);
  });
});
