import { describe, expect, it } from 'vitest';
import { compareKeys } from '../../src/core/key-compare.js';
import { orderQueryResult } from '../../src/core/query-order.js';
import { withIndex, type QuerySpec } from '../../src/core/query-spec.js';
import { comparePriorities, compareValues } from '../../src/core/value-compare.js';

const keysOf = (spec: QuerySpec, body: unknown, exported = false): string[] =>
  orderQueryResult(spec, body, exported).map((entry) => entry.key);

describe('compareKeys', () => {
  it('puts int32-like keys first, numerically, then other keys by code unit', () => {
    const keys = [
      'b',
      '10',
      'a',
      '-5',
      '2',
      '01',
      '1',
      '2147483648',
      'B',
      '-',
      '-2147483648',
      '\uf8ff',
      'Z9',
    ];
    expect([...keys].sort(compareKeys)).toEqual([
      '-2147483648',
      '-5',
      '1',
      '01',
      '2',
      '10',
      '-',
      '2147483648',
      'B',
      'Z9',
      'a',
      'b',
      '\uf8ff',
    ]);
  });
});

describe('compareValues', () => {
  it('orders null < false < true < numbers < strings < objects', () => {
    const values = [{ a: 1 }, 'b', 10, true, null, 'a', -1.5, false, 'B', 2];
    expect([...values].sort(compareValues)).toEqual([
      null,
      false,
      true,
      -1.5,
      2,
      10,
      'B',
      'a',
      'b',
      { a: 1 },
    ]);
  });

  it('treats all objects as equal', () => {
    expect(compareValues({ a: 1 }, { z: [1] })).toBe(0);
  });
});

describe('comparePriorities', () => {
  it('orders no priority < numbers < strings', () => {
    expect(['x', 3, null, 'a', -1].sort(comparePriorities)).toEqual([null, -1, 3, 'a', 'x']);
  });
});

describe('orderQueryResult', () => {
  it('orders by a child path, breaking ties by key, with missing children first', () => {
    const body = {
      c: { ts: 5 },
      a: { ts: 5 },
      b: { ts: 1 },
      d: { other: 1 },
      '7': { ts: 'late' },
      e: { ts: { nested: true } },
    };
    expect(keysOf(withIndex({}, { kind: 'child', path: 'ts' }), body)).toEqual([
      'd',
      'b',
      'a',
      'c',
      '7',
      'e',
    ]);
  });

  it('orders by a nested child path', () => {
    const body = { x: { m: { t: 3 } }, y: { m: { t: 1 } }, z: { m: 5 } };
    expect(keysOf(withIndex({}, { kind: 'child', path: 'm/t' }), body)).toEqual(['z', 'y', 'x']);
  });

  it('orders by value across mixed types', () => {
    const body = { s: 'str', n: 4, t: true, f: false, o: { a: 1 }, m: -2 };
    expect(keysOf(withIndex({}, { kind: 'value' }), body)).toEqual(['f', 't', 'm', 'n', 's', 'o']);
  });

  it('orders by key, integer keys first', () => {
    expect(keysOf(withIndex({}, { kind: 'key' }), { b: 1, '10': 1, a: 1, '9': 1 })).toEqual([
      '9',
      '10',
      'a',
      'b',
    ]);
  });

  it('orders by priority from an export-format body and strips the wrappers', () => {
    const body = {
      a: { '.value': 1, '.priority': 'z' },
      b: { '.value': 2, '.priority': 5 },
      c: { x: { '.value': 'deep', '.priority': 1 }, '.priority': 5 },
      d: 4,
    };
    const entries = orderQueryResult(withIndex({}, { kind: 'priority' }), body, true);
    expect(entries.map((e) => [e.key, e.priority])).toEqual([
      ['d', null],
      ['b', 5],
      ['c', 5],
      ['a', 'z'],
    ]);
    expect(entries.find((e) => e.key === 'c')?.value).toEqual({ x: 'deep' });
  });

  it("does not take an export-format node's own priority for a child", () => {
    const body = { '.priority': 7, b: { '.value': 2, '.priority': 1 }, a: { '.value': 1, '.priority': 2 } };
    expect(keysOf(withIndex({}, { kind: 'priority' }), body, true)).toEqual(['b', 'a']);
  });

  it('orders by key alone, whatever the values', () => {
    expect(keysOf(withIndex({}, { kind: 'key' }), { b: 1, a: 2 })).toEqual(['a', 'b']);
  });

  it('treats a child path through a primitive or a null as a missing child', () => {
    const body = { y: { a: { b: 1 } }, x: 5, z: { a: 'text' }, w: { a: null } };
    expect(keysOf(withIndex({}, { kind: 'child', path: 'a/b' }), body)).toEqual(['w', 'x', 'z', 'y']);
  });

  it('drops an export-format child that holds only a priority (it has no value)', () => {
    const body = { a: { '.priority': 1 }, b: { '.value': 2, '.priority': 1 } };
    expect(keysOf(withIndex({}, { kind: 'priority' }), body, true)).toEqual(['b']);
  });

  it('reads arrays as maps with index keys and skips null holes', () => {
    expect(orderQueryResult(withIndex({}, { kind: 'value' }), [30, null, 10], false)).toEqual([
      { key: '2', value: 10, priority: null },
      { key: '0', value: 30, priority: null },
    ]);
  });

  it('returns no children for null or a primitive', () => {
    expect(orderQueryResult({}, null, false)).toEqual([]);
    expect(orderQueryResult({}, 42, false)).toEqual([]);
  });
});
