import {
  endAt,
  endBefore,
  equalTo,
  limitToFirst,
  limitToLast,
  orderByChild,
  orderByKey,
  orderByPriority,
  orderByValue,
  startAfter,
  startAt,
  type QueryConstraint,
} from 'firebase/database';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFromJson, nodeToJson } from '../../src/core/node-json.js';
import { applyQuery, queryIsDefault, queryKeys, type QuerySpec } from '../../src/core/query-spec.js';
import { SdkOracle } from './sdk-oracle.js';

const oracle = new SdkOracle();
afterAll(() => oracle.close());

// Children of every type, int-like and plain keys, missing and nested index values, priorities.
const mixed = {
  a: { score: 5, name: 'x', '.priority': 2 },
  b: { score: 'five', '.priority': 'b' },
  c: { score: true, '.priority': 1 },
  d: { score: false },
  e: { other: 1 },
  f: { score: { nested: 1 } },
  '10': { score: 5, '.priority': 1 },
  '9': { score: -1.5 },
  '01': { score: 5 },
  z: { score: null, '.priority': 'a' },
  y: { score: 'apple' },
  x: 7,
  w: 'str',
  v: true,
};

const cases: [string, QuerySpec, QueryConstraint[]][] = [
  ['orderByChild only', { index: { kind: 'child', path: ['score'] } }, [orderByChild('score')]],
  [
    'orderByChild startAt 5',
    { index: { kind: 'child', path: ['score'] }, start: { value: 5, inclusive: true } },
    [orderByChild('score'), startAt(5)],
  ],
  [
    'orderByChild startAt 5 with key',
    { index: { kind: 'child', path: ['score'] }, start: { value: 5, key: '10', inclusive: true } },
    [orderByChild('score'), startAt(5, '10')],
  ],
  [
    'orderByChild endAt "five"',
    { index: { kind: 'child', path: ['score'] }, end: { value: 'five', inclusive: true } },
    [orderByChild('score'), endAt('five')],
  ],
  [
    'orderByChild equalTo 5',
    {
      index: { kind: 'child', path: ['score'] },
      start: { value: 5, inclusive: true },
      end: { value: 5, inclusive: true },
    },
    [orderByChild('score'), equalTo(5)],
  ],
  [
    'orderByChild equalTo null',
    {
      index: { kind: 'child', path: ['score'] },
      start: { value: null, inclusive: true },
      end: { value: null, inclusive: true },
    },
    [orderByChild('score'), equalTo(null)],
  ],
  [
    'orderByChild startAfter 5',
    { index: { kind: 'child', path: ['score'] }, start: { value: 5, inclusive: false } },
    [orderByChild('score'), startAfter(5)],
  ],
  [
    'orderByChild endBefore true',
    { index: { kind: 'child', path: ['score'] }, end: { value: true, inclusive: false } },
    [orderByChild('score'), endBefore(true)],
  ],
  [
    'orderByChild limitToLast 3',
    { index: { kind: 'child', path: ['score'] }, limit: { count: 3, from: 'last' } },
    [orderByChild('score'), limitToLast(3)],
  ],
  [
    'orderByChild range + limitToFirst',
    {
      index: { kind: 'child', path: ['score'] },
      start: { value: false, inclusive: true },
      end: { value: 'z', inclusive: true },
      limit: { count: 4, from: 'first' },
    },
    [orderByChild('score'), startAt(false), endAt('z'), limitToFirst(4)],
  ],
  [
    'orderByKey startAt "9"',
    { index: { kind: 'key' }, start: { value: '9', inclusive: true } },
    [orderByKey(), startAt('9')],
  ],
  [
    'orderByKey endBefore "b" limitToLast 2',
    { index: { kind: 'key' }, end: { value: 'b', inclusive: false }, limit: { count: 2, from: 'last' } },
    [orderByKey(), endBefore('b'), limitToLast(2)],
  ],
  [
    'orderByValue',
    { index: { kind: 'value' }, limit: { count: 20, from: 'first' } },
    [orderByValue(), limitToFirst(20)],
  ],
  [
    'orderByValue startAt "a"',
    { index: { kind: 'value' }, start: { value: 'a', inclusive: true } },
    [orderByValue(), startAt('a')],
  ],
  [
    'orderByPriority',
    { index: { kind: 'priority' }, limit: { count: 20, from: 'first' } },
    [orderByPriority(), limitToFirst(20)],
  ],
  [
    'orderByPriority startAt 1 endAt "a"',
    {
      index: { kind: 'priority' },
      start: { value: 1, inclusive: true },
      end: { value: 'a', inclusive: true },
    },
    [orderByPriority(), startAt(1), endAt('a')],
  ],
];

describe('queries against the official SDK', () => {
  it.each(cases)('%s selects the same children in the same order', async (_name, spec, constraints) => {
    const expected = await oracle.queryKeys(mixed, ...constraints);
    expect(queryKeys(nodeFromJson(mixed), spec)).toEqual(expected);
  });
});

describe('applyQuery', () => {
  it('returns the location itself for a default query', () => {
    const node = nodeFromJson({ a: 1 });
    expect(applyQuery(node, { index: { kind: 'child', path: ['x'] } })).toBe(node);
    expect(queryIsDefault({ index: { kind: 'value' } })).toBe(true);
    expect(queryIsDefault({ index: { kind: 'value' }, limit: { count: 1, from: 'first' } })).toBe(false);
  });

  it('gives an empty result for a filtered query on a leaf', () => {
    expect(
      nodeToJson(applyQuery(nodeFromJson(5), { index: { kind: 'key' }, limit: { count: 1, from: 'first' } })),
    ).toBeNull();
  });

  it('keeps only the selected children', () => {
    const result = applyQuery(nodeFromJson({ a: 3, b: 1, c: 2 }), {
      index: { kind: 'value' },
      limit: { count: 2, from: 'first' },
    });
    expect(nodeToJson(result)).toEqual({ b: 1, c: 2 });
  });
});
