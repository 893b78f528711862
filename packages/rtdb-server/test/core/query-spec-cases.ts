// Query cases as a table: data at a location, the query as the SDK's builder calls would state it,
// the same query as our QuerySpec, and the children it selects in order. The selected keys are
// worked out by hand from the Realtime Database ordering rules:
// - keys: integer-like keys (32-bit, leading zeros allowed) numerically, a shorter spelling first on
//   ties (`1` before `01`), then every other key by UTF-16 code units;
// - values (orderByValue / orderByChild): absent (null) < false < true < numbers < strings <
//   objects, ties broken by key order; objects all tie with each other;
// - priorities: none < numbers < strings, ties broken by key order;
// - startAt/endAt include the bound, startAfter/endBefore leave it out; a second argument names the
//   key that breaks ties at the bound value; without it the bound takes every child of that value
//   (startAt, endAt) or none of them (startAfter, endBefore);
// - limitToFirst/limitToLast keep the first/last children of the range.
// query-spec.test.ts checks every case that the SDK can express against the official SDK;
// query-spec-cases.test.ts runs our query code on all of them in process.
import type { JsonPrimitive, QueryBound, QueryIndex, QuerySpec } from '../../src/core/query-spec.js';

/** One builder call of the SDK's query API, as data. */
export type SdkStep =
  | readonly ['orderByChild', string]
  | readonly ['orderByKey' | 'orderByValue' | 'orderByPriority']
  | readonly ['startAt' | 'startAfter' | 'endAt' | 'endBefore' | 'equalTo', JsonPrimitive, string?]
  | readonly ['limitToFirst' | 'limitToLast', number];

/** One query case. */
export interface QueryCase {
  /** What the case shows. */
  name: string;
  /** The data at the query location, in export form (`.priority` and `.value` allowed). */
  data: unknown;
  /** The query as SDK builder calls, or `null` where the SDK refuses to build it. */
  sdk: readonly SdkStep[] | null;
  /** The same query as our spec. */
  spec: QuerySpec;
  /** Keys of the selected children, in the query's order. */
  keys: readonly string[];
}

// Children of every type, integer-like and plain keys, missing and nested index values, priorities.
// `z` holds only a priority and a null, which is no data: it is absent, not a child.
// Key order: 01 (= 1), 9, 10, a, b, c, d, e, f, v, w, x, y.
// By child `score`: null (e, v, w, x), false (d), true (c), -1.5 (9), 5 (01, 10, a),
// 'apple' (y), 'five' (b), object (f).
// By value: true (v), 7 (x), 'str' (w), then the objects in key order.
// By priority: none (01, 9, d, e, f, v, w, x, y), 1 (10, c), 2 (a), 'b' (b).
export const MIXED = {
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

// Integer-like keys at the edges of the 32-bit range, negative keys and leading zeros.
// Key order: -10, -5, 0, 7, 007, 2147483647, then the strings '2147483648' < 'A' < 'a'.
// By value: -5 (1), -10 (2), 0 (3), 7 (4), 007 (5), 2147483647 (6), 2147483648 (7), A (8), a (9).
export const INTS = {
  '-5': 1,
  '-10': 2,
  '0': 3,
  '7': 4,
  '007': 5,
  '2147483647': 6,
  '2147483648': 7,
  A: 8,
  a: 9,
};

// Equal values everywhere: the key order alone decides (9, 10, 010, a, b).
export const TIES = { b: 1, '10': 1, a: 1, '9': 1, '010': 1 };

// Numbers with ties. By value: f (true), b (-1), d (2.5), a (3), c (3), e ('x').
export const NUMS = { a: 3, b: -1, c: 3, d: 2.5, e: 'x', f: true };

// Priorities on leaves and objects. By priority: c (none), e (-1), a (10), d (10), b ('x').
// By value: c (0), a (1), b (2), d ('four'), e (object).
export const RANKED = {
  a: { '.value': 1, '.priority': 10 },
  b: { '.value': 2, '.priority': 'x' },
  c: 0,
  d: { '.value': 'four', '.priority': 10 },
  e: { inner: 1, '.priority': -1 },
};

// A two-level child path. By `meta/rank`: r, u (absent), q, t (1), p (3), s ('x').
// By `meta`: u (absent), r (5), then the objects p, q, s, t.
export const DEEP = {
  p: { meta: { rank: 3 } },
  q: { meta: { rank: 1 } },
  r: { meta: 5 },
  s: { meta: { rank: 'x' } },
  t: { meta: { rank: 1 } },
  u: { rank: 0 },
};

const KEY: QueryIndex = { kind: 'key' };
const VALUE: QueryIndex = { kind: 'value' };
const PRIORITY: QueryIndex = { kind: 'priority' };
const child = (...path: string[]): QueryIndex => ({ kind: 'child', path });

/** A bound that includes children equal to it (startAt / endAt). */
function at(value: JsonPrimitive, key?: string): QueryBound {
  return key === undefined ? { value, inclusive: true } : { value, key, inclusive: true };
}

/** A bound that leaves out children equal to it (startAfter / endBefore). */
function past(value: JsonPrimitive, key?: string): QueryBound {
  return key === undefined ? { value, inclusive: false } : { value, key, inclusive: false };
}

const first = (count: number): QuerySpec['limit'] => ({ count, from: 'first' });
const last = (count: number): QuerySpec['limit'] => ({ count, from: 'last' });

const MIXED_BY_SCORE = ['e', 'v', 'w', 'x', 'd', 'c', '9', '01', '10', 'a', 'y', 'b', 'f'];
const MIXED_KEYS = ['01', '9', '10', 'a', 'b', 'c', 'd', 'e', 'f', 'v', 'w', 'x', 'y'];
const MIXED_BY_VALUE = ['v', 'x', 'w', '01', '9', '10', 'a', 'b', 'c', 'd', 'e', 'f', 'y'];
const MIXED_BY_PRIORITY = ['01', '9', 'd', 'e', 'f', 'v', 'w', 'x', 'y', '10', 'c', 'a', 'b'];
const INTS_KEYS = ['-10', '-5', '0', '7', '007', '2147483647', '2147483648', 'A', 'a'];

export const QUERY_CASES: readonly QueryCase[] = [
  // orderByChild on mixed data.
  {
    name: 'orderByChild only',
    data: MIXED,
    sdk: [['orderByChild', 'score']],
    spec: { index: child('score') },
    keys: MIXED_BY_SCORE,
  },
  {
    name: 'orderByChild startAt 5',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAt', 5],
    ],
    spec: { index: child('score'), start: at(5) },
    keys: ['01', '10', 'a', 'y', 'b', 'f'],
  },
  {
    name: 'orderByChild startAt 5 from key 10',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAt', 5, '10'],
    ],
    spec: { index: child('score'), start: at(5, '10') },
    keys: ['10', 'a', 'y', 'b', 'f'],
  },
  {
    name: 'orderByChild startAfter 5 past key 01',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAfter', 5, '01'],
    ],
    spec: { index: child('score'), start: past(5, '01') },
    keys: ['10', 'a', 'y', 'b', 'f'],
  },
  {
    name: 'orderByChild startAfter 5',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAfter', 5],
    ],
    spec: { index: child('score'), start: past(5) },
    keys: ['y', 'b', 'f'],
  },
  {
    name: 'orderByChild endAt "five"',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['endAt', 'five'],
    ],
    spec: { index: child('score'), end: at('five') },
    keys: MIXED_BY_SCORE.slice(0, -1),
  },
  {
    name: 'orderByChild endAt 5 up to key 10',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['endAt', 5, '10'],
    ],
    spec: { index: child('score'), end: at(5, '10') },
    keys: ['e', 'v', 'w', 'x', 'd', 'c', '9', '01', '10'],
  },
  {
    name: 'orderByChild endBefore 5 before key 10',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['endBefore', 5, '10'],
    ],
    spec: { index: child('score'), end: past(5, '10') },
    keys: ['e', 'v', 'w', 'x', 'd', 'c', '9', '01'],
  },
  {
    name: 'orderByChild endBefore true',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['endBefore', true],
    ],
    spec: { index: child('score'), end: past(true) },
    keys: ['e', 'v', 'w', 'x', 'd'],
  },
  {
    name: 'orderByChild equalTo 5',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['equalTo', 5],
    ],
    spec: { index: child('score'), start: at(5), end: at(5) },
    keys: ['01', '10', 'a'],
  },
  {
    name: 'orderByChild equalTo 5 at key 10',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['equalTo', 5, '10'],
    ],
    spec: { index: child('score'), start: at(5, '10'), end: at(5, '10') },
    keys: ['10'],
  },
  {
    name: 'orderByChild equalTo null (absent or not an object)',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['equalTo', null],
    ],
    spec: { index: child('score'), start: at(null), end: at(null) },
    keys: ['e', 'v', 'w', 'x'],
  },
  {
    name: 'orderByChild startAt null from key x',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAt', null, 'x'],
    ],
    spec: { index: child('score'), start: at(null, 'x') },
    keys: ['x', 'd', 'c', '9', '01', '10', 'a', 'y', 'b', 'f'],
  },
  {
    name: 'orderByChild endAt null up to key v',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['endAt', null, 'v'],
    ],
    spec: { index: child('score'), end: at(null, 'v') },
    keys: ['e', 'v'],
  },
  {
    name: 'orderByChild startAt true endAt -1.5',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAt', true],
      ['endAt', -1.5],
    ],
    spec: { index: child('score'), start: at(true), end: at(-1.5) },
    keys: ['c', '9'],
  },
  {
    name: 'orderByChild startAt "f" (a prefix sorts first)',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAt', 'f'],
    ],
    spec: { index: child('score'), start: at('f') },
    keys: ['b', 'f'],
  },
  {
    name: 'orderByChild startAfter "five" keeps the objects',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAfter', 'five'],
    ],
    spec: { index: child('score'), start: past('five') },
    keys: ['f'],
  },
  {
    name: 'orderByChild start above end selects nothing',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAt', 'z'],
      ['endAt', false],
    ],
    spec: { index: child('score'), start: at('z'), end: at(false) },
    keys: [],
  },
  {
    name: 'orderByChild limitToFirst 1',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['limitToFirst', 1],
    ],
    spec: { index: child('score'), limit: first(1) },
    keys: ['e'],
  },
  {
    name: 'orderByChild limitToLast 3',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['limitToLast', 3],
    ],
    spec: { index: child('score'), limit: last(3) },
    keys: ['y', 'b', 'f'],
  },
  {
    name: 'orderByChild limitToLast above the child count',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['limitToLast', 20],
    ],
    spec: { index: child('score'), limit: last(20) },
    keys: MIXED_BY_SCORE,
  },
  {
    name: 'orderByChild range + limitToFirst',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAt', false],
      ['endAt', 'z'],
      ['limitToFirst', 4],
    ],
    spec: { index: child('score'), start: at(false), end: at('z'), limit: first(4) },
    keys: ['d', 'c', '9', '01'],
  },
  {
    name: 'orderByChild endAt 5 + limitToLast 2',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['endAt', 5],
      ['limitToLast', 2],
    ],
    spec: { index: child('score'), end: at(5), limit: last(2) },
    keys: ['10', 'a'],
  },
  {
    name: 'orderByChild startAt 5 + limitToLast 10 (limit larger than the range)',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAt', 5],
      ['limitToLast', 10],
    ],
    spec: { index: child('score'), start: at(5), limit: last(10) },
    keys: ['01', '10', 'a', 'y', 'b', 'f'],
  },
  {
    name: 'orderByChild startAt true + limitToFirst 3',
    data: MIXED,
    sdk: [
      ['orderByChild', 'score'],
      ['startAt', true],
      ['limitToFirst', 3],
    ],
    spec: { index: child('score'), start: at(true), limit: first(3) },
    keys: ['c', '9', '01'],
  },

  // orderByKey.
  {
    name: 'orderByKey only',
    data: MIXED,
    sdk: [['orderByKey']],
    spec: { index: KEY },
    keys: MIXED_KEYS,
  },
  {
    name: 'orderByKey startAt "9"',
    data: MIXED,
    sdk: [['orderByKey'], ['startAt', '9']],
    spec: { index: KEY, start: at('9') },
    keys: MIXED_KEYS.slice(1),
  },
  {
    name: 'orderByKey startAt "1" (01 is 1, longer spelling after)',
    data: MIXED,
    sdk: [['orderByKey'], ['startAt', '1']],
    spec: { index: KEY, start: at('1') },
    keys: MIXED_KEYS,
  },
  {
    name: 'orderByKey endAt "1" (01 is after 1)',
    data: MIXED,
    sdk: [['orderByKey'], ['endAt', '1']],
    spec: { index: KEY, end: at('1') },
    keys: [],
  },
  {
    name: 'orderByKey startAfter "01"',
    data: MIXED,
    sdk: [['orderByKey'], ['startAfter', '01']],
    spec: { index: KEY, start: past('01') },
    keys: MIXED_KEYS.slice(1),
  },
  {
    name: 'orderByKey equalTo "a"',
    data: MIXED,
    sdk: [['orderByKey'], ['equalTo', 'a']],
    spec: { index: KEY, start: at('a'), end: at('a') },
    keys: ['a'],
  },
  {
    name: 'orderByKey startAt "b" endAt "e"',
    data: MIXED,
    sdk: [['orderByKey'], ['startAt', 'b'], ['endAt', 'e']],
    spec: { index: KEY, start: at('b'), end: at('e') },
    keys: ['b', 'c', 'd', 'e'],
  },
  {
    name: 'orderByKey startAt "10" endBefore "c"',
    data: MIXED,
    sdk: [['orderByKey'], ['startAt', '10'], ['endBefore', 'c']],
    spec: { index: KEY, start: at('10'), end: past('c') },
    keys: ['10', 'a', 'b'],
  },
  {
    name: 'orderByKey endAt "5" (integer keys come before strings)',
    data: MIXED,
    sdk: [['orderByKey'], ['endAt', '5']],
    spec: { index: KEY, end: at('5') },
    keys: ['01'],
  },
  {
    name: 'orderByKey startAt "aa" (between keys)',
    data: MIXED,
    sdk: [['orderByKey'], ['startAt', 'aa']],
    spec: { index: KEY, start: at('aa') },
    keys: MIXED_KEYS.slice(4),
  },
  {
    name: 'orderByKey startAfter "z" selects nothing',
    data: MIXED,
    sdk: [['orderByKey'], ['startAfter', 'z']],
    spec: { index: KEY, start: past('z') },
    keys: [],
  },
  {
    name: 'orderByKey endBefore "b" limitToLast 2',
    data: MIXED,
    sdk: [['orderByKey'], ['endBefore', 'b'], ['limitToLast', 2]],
    spec: { index: KEY, end: past('b'), limit: last(2) },
    keys: ['10', 'a'],
  },
  {
    name: 'orderByKey limitToFirst 3',
    data: MIXED,
    sdk: [['orderByKey'], ['limitToFirst', 3]],
    spec: { index: KEY, limit: first(3) },
    keys: ['01', '9', '10'],
  },
  {
    name: 'orderByKey limitToLast 3',
    data: MIXED,
    sdk: [['orderByKey'], ['limitToLast', 3]],
    spec: { index: KEY, limit: last(3) },
    keys: ['w', 'x', 'y'],
  },
  {
    name: 'orderByKey on negative, zero-padded and out-of-range integer keys',
    data: INTS,
    sdk: [['orderByKey']],
    spec: { index: KEY },
    keys: INTS_KEYS,
  },
  {
    name: 'orderByKey startAt "7" (7 before 007)',
    data: INTS,
    sdk: [['orderByKey'], ['startAt', '7']],
    spec: { index: KEY, start: at('7') },
    keys: INTS_KEYS.slice(3),
  },
  {
    name: 'orderByKey startAfter "7"',
    data: INTS,
    sdk: [['orderByKey'], ['startAfter', '7']],
    spec: { index: KEY, start: past('7') },
    keys: INTS_KEYS.slice(4),
  },
  {
    name: 'orderByKey endAt "007"',
    data: INTS,
    sdk: [['orderByKey'], ['endAt', '007']],
    spec: { index: KEY, end: at('007') },
    keys: INTS_KEYS.slice(0, 5),
  },
  {
    name: 'orderByKey endBefore "2147483648" (a string key)',
    data: INTS,
    sdk: [['orderByKey'], ['endBefore', '2147483648']],
    spec: { index: KEY, end: past('2147483648') },
    keys: INTS_KEYS.slice(0, 6),
  },
  {
    name: 'orderByKey startAt "-5" endAt "0"',
    data: INTS,
    sdk: [['orderByKey'], ['startAt', '-5'], ['endAt', '0']],
    spec: { index: KEY, start: at('-5'), end: at('0') },
    keys: ['-5', '0'],
  },
  {
    name: 'orderByKey startAt "1" endAt "99" (numeric, not textual, range)',
    data: INTS,
    sdk: [['orderByKey'], ['startAt', '1'], ['endAt', '99']],
    spec: { index: KEY, start: at('1'), end: at('99') },
    keys: ['7', '007'],
  },
  {
    name: 'orderByKey limitToLast 4 on integer keys',
    data: INTS,
    sdk: [['orderByKey'], ['limitToLast', 4]],
    spec: { index: KEY, limit: last(4) },
    keys: ['2147483647', '2147483648', 'A', 'a'],
  },
  {
    name: 'orderByKey start bound given as a number (compared as its text)',
    data: INTS,
    sdk: null,
    spec: { index: KEY, start: past(7) },
    keys: INTS_KEYS.slice(4),
  },
  {
    name: 'orderByKey end bound given as a number (compared as its text)',
    data: INTS,
    sdk: null,
    spec: { index: KEY, end: past(7) },
    keys: INTS_KEYS.slice(0, 3),
  },
  {
    name: 'orderByKey ignores a tie-break key on its bound',
    data: MIXED,
    sdk: null,
    spec: { index: KEY, start: at('b', 'zzz'), end: at('d', '0') },
    keys: ['b', 'c', 'd'],
  },

  // orderByValue.
  {
    name: 'orderByValue limitToFirst 20',
    data: MIXED,
    sdk: [['orderByValue'], ['limitToFirst', 20]],
    spec: { index: VALUE, limit: first(20) },
    keys: MIXED_BY_VALUE,
  },
  {
    name: 'orderByValue startAt "a"',
    data: MIXED,
    sdk: [['orderByValue'], ['startAt', 'a']],
    spec: { index: VALUE, start: at('a') },
    keys: MIXED_BY_VALUE.slice(2),
  },
  {
    name: 'orderByValue endAt 7',
    data: MIXED,
    sdk: [['orderByValue'], ['endAt', 7]],
    spec: { index: VALUE, end: at(7) },
    keys: ['v', 'x'],
  },
  {
    name: 'orderByValue startAfter true endBefore "str"',
    data: MIXED,
    sdk: [['orderByValue'], ['startAfter', true], ['endBefore', 'str']],
    spec: { index: VALUE, start: past(true), end: past('str') },
    keys: ['x'],
  },
  {
    name: 'orderByValue equalTo true',
    data: MIXED,
    sdk: [['orderByValue'], ['equalTo', true]],
    spec: { index: VALUE, start: at(true), end: at(true) },
    keys: ['v'],
  },
  {
    name: 'orderByValue on numbers with ties',
    data: NUMS,
    sdk: [['orderByValue']],
    spec: { index: VALUE },
    keys: ['f', 'b', 'd', 'a', 'c', 'e'],
  },
  {
    name: 'orderByValue startAt 3',
    data: NUMS,
    sdk: [['orderByValue'], ['startAt', 3]],
    spec: { index: VALUE, start: at(3) },
    keys: ['a', 'c', 'e'],
  },
  {
    name: 'orderByValue startAt 3 from key b',
    data: NUMS,
    sdk: [['orderByValue'], ['startAt', 3, 'b']],
    spec: { index: VALUE, start: at(3, 'b') },
    keys: ['c', 'e'],
  },
  {
    name: 'orderByValue startAfter 3 past key a',
    data: NUMS,
    sdk: [['orderByValue'], ['startAfter', 3, 'a']],
    spec: { index: VALUE, start: past(3, 'a') },
    keys: ['c', 'e'],
  },
  {
    name: 'orderByValue endAt 3 up to key a',
    data: NUMS,
    sdk: [['orderByValue'], ['endAt', 3, 'a']],
    spec: { index: VALUE, end: at(3, 'a') },
    keys: ['f', 'b', 'd', 'a'],
  },
  {
    name: 'orderByValue endBefore 3 before key c',
    data: NUMS,
    sdk: [['orderByValue'], ['endBefore', 3, 'c']],
    spec: { index: VALUE, end: past(3, 'c') },
    keys: ['f', 'b', 'd', 'a'],
  },
  {
    name: 'orderByValue endBefore 3',
    data: NUMS,
    sdk: [['orderByValue'], ['endBefore', 3]],
    spec: { index: VALUE, end: past(3) },
    keys: ['f', 'b', 'd'],
  },
  {
    name: 'orderByValue equalTo 3',
    data: NUMS,
    sdk: [['orderByValue'], ['equalTo', 3]],
    spec: { index: VALUE, start: at(3), end: at(3) },
    keys: ['a', 'c'],
  },
  {
    name: 'orderByValue limitToFirst 2',
    data: NUMS,
    sdk: [['orderByValue'], ['limitToFirst', 2]],
    spec: { index: VALUE, limit: first(2) },
    keys: ['f', 'b'],
  },
  {
    name: 'orderByValue startAt 2.5 endAt 3 limitToLast 1',
    data: NUMS,
    sdk: [['orderByValue'], ['startAt', 2.5], ['endAt', 3], ['limitToLast', 1]],
    spec: { index: VALUE, start: at(2.5), end: at(3), limit: last(1) },
    keys: ['c'],
  },
  {
    name: 'orderByValue startAt 2.5 limitToLast 1',
    data: NUMS,
    sdk: [['orderByValue'], ['startAt', 2.5], ['limitToLast', 1]],
    spec: { index: VALUE, start: at(2.5), limit: last(1) },
    keys: ['e'],
  },
  {
    name: 'orderByValue with equal values follows key order',
    data: TIES,
    sdk: [['orderByValue']],
    spec: { index: VALUE },
    keys: ['9', '10', '010', 'a', 'b'],
  },
  {
    name: 'orderByValue equalTo 1 at key 10',
    data: TIES,
    sdk: [['orderByValue'], ['equalTo', 1, '10']],
    spec: { index: VALUE, start: at(1, '10'), end: at(1, '10') },
    keys: ['10'],
  },
  {
    name: 'orderByValue startAt 1 from key 10',
    data: TIES,
    sdk: [['orderByValue'], ['startAt', 1, '10']],
    spec: { index: VALUE, start: at(1, '10') },
    keys: ['10', '010', 'a', 'b'],
  },
  {
    name: 'orderByValue startAfter 1 past key 9',
    data: TIES,
    sdk: [['orderByValue'], ['startAfter', 1, '9']],
    spec: { index: VALUE, start: past(1, '9') },
    keys: ['10', '010', 'a', 'b'],
  },
  {
    name: 'orderByValue endAt 1 up to key 010',
    data: TIES,
    sdk: [['orderByValue'], ['endAt', 1, '010']],
    spec: { index: VALUE, end: at(1, '010') },
    keys: ['9', '10', '010'],
  },
  {
    name: 'orderByValue endBefore 1 before key a',
    data: TIES,
    sdk: [['orderByValue'], ['endBefore', 1, 'a']],
    spec: { index: VALUE, end: past(1, 'a') },
    keys: ['9', '10', '010'],
  },
  {
    name: 'orderByValue startAt 1 from a key after all of them',
    data: TIES,
    sdk: [['orderByValue'], ['startAt', 1, 'c']],
    spec: { index: VALUE, start: at(1, 'c') },
    keys: [],
  },
  {
    name: 'orderByValue equalTo a value nobody has',
    data: TIES,
    sdk: [['orderByValue'], ['equalTo', 2]],
    spec: { index: VALUE, start: at(2), end: at(2) },
    keys: [],
  },
  {
    name: 'orderByValue limitToLast 2 on ties',
    data: TIES,
    sdk: [['orderByValue'], ['limitToLast', 2]],
    spec: { index: VALUE, limit: last(2) },
    keys: ['a', 'b'],
  },
  {
    name: 'orderByValue on integer keys with distinct values',
    data: INTS,
    sdk: [['orderByValue']],
    spec: { index: VALUE },
    keys: ['-5', '-10', '0', '7', '007', '2147483647', '2147483648', 'A', 'a'],
  },
  {
    name: 'orderByValue with leaves under priorities',
    data: RANKED,
    sdk: [['orderByValue'], ['limitToFirst', 3]],
    spec: { index: VALUE, limit: first(3) },
    keys: ['c', 'a', 'b'],
  },

  // orderByPriority.
  {
    name: 'orderByPriority limitToFirst 20',
    data: MIXED,
    sdk: [['orderByPriority'], ['limitToFirst', 20]],
    spec: { index: PRIORITY, limit: first(20) },
    keys: MIXED_BY_PRIORITY,
  },
  {
    name: 'orderByPriority startAt 1 endAt "b"',
    data: MIXED,
    sdk: [['orderByPriority'], ['startAt', 1], ['endAt', 'b']],
    spec: { index: PRIORITY, start: at(1), end: at('b') },
    keys: ['10', 'c', 'a', 'b'],
  },
  {
    name: 'orderByPriority startAt 1 from key c',
    data: MIXED,
    sdk: [['orderByPriority'], ['startAt', 1, 'c']],
    spec: { index: PRIORITY, start: at(1, 'c') },
    keys: ['c', 'a', 'b'],
  },
  {
    name: 'orderByPriority endBefore 2',
    data: MIXED,
    sdk: [['orderByPriority'], ['endBefore', 2]],
    spec: { index: PRIORITY, end: past(2) },
    keys: MIXED_BY_PRIORITY.slice(0, 11),
  },
  {
    name: 'orderByPriority startAt "a"',
    data: MIXED,
    sdk: [['orderByPriority'], ['startAt', 'a']],
    spec: { index: PRIORITY, start: at('a') },
    keys: ['b'],
  },
  {
    name: 'orderByPriority on leaves and objects',
    data: RANKED,
    sdk: [['orderByPriority']],
    spec: { index: PRIORITY },
    keys: ['c', 'e', 'a', 'd', 'b'],
  },
  {
    name: 'orderByPriority equalTo 10',
    data: RANKED,
    sdk: [['orderByPriority'], ['equalTo', 10]],
    spec: { index: PRIORITY, start: at(10), end: at(10) },
    keys: ['a', 'd'],
  },
  {
    name: 'orderByPriority equalTo 10 at key d',
    data: RANKED,
    sdk: [['orderByPriority'], ['equalTo', 10, 'd']],
    spec: { index: PRIORITY, start: at(10, 'd'), end: at(10, 'd') },
    keys: ['d'],
  },
  {
    name: 'orderByPriority startAfter 10',
    data: RANKED,
    sdk: [['orderByPriority'], ['startAfter', 10]],
    spec: { index: PRIORITY, start: past(10) },
    keys: ['b'],
  },
  {
    name: 'orderByPriority endBefore 10',
    data: RANKED,
    sdk: [['orderByPriority'], ['endBefore', 10]],
    spec: { index: PRIORITY, end: past(10) },
    keys: ['c', 'e'],
  },
  {
    name: 'orderByPriority limitToLast 2',
    data: RANKED,
    sdk: [['orderByPriority'], ['limitToLast', 2]],
    spec: { index: PRIORITY, limit: last(2) },
    keys: ['d', 'b'],
  },

  // Child paths of two levels, and a child that is itself an object.
  {
    name: 'orderByChild on a two-level path',
    data: DEEP,
    sdk: [['orderByChild', 'meta/rank']],
    spec: { index: child('meta', 'rank') },
    keys: ['r', 'u', 'q', 't', 'p', 's'],
  },
  {
    name: 'orderByChild two-level startAt 1 endAt 3',
    data: DEEP,
    sdk: [
      ['orderByChild', 'meta/rank'],
      ['startAt', 1],
      ['endAt', 3],
    ],
    spec: { index: child('meta', 'rank'), start: at(1), end: at(3) },
    keys: ['q', 't', 'p'],
  },
  {
    name: 'orderByChild two-level equalTo null',
    data: DEEP,
    sdk: [
      ['orderByChild', 'meta/rank'],
      ['equalTo', null],
    ],
    spec: { index: child('meta', 'rank'), start: at(null), end: at(null) },
    keys: ['r', 'u'],
  },
  {
    name: 'orderByChild two-level limitToLast 2',
    data: DEEP,
    sdk: [
      ['orderByChild', 'meta/rank'],
      ['limitToLast', 2],
    ],
    spec: { index: child('meta', 'rank'), limit: last(2) },
    keys: ['p', 's'],
  },
  {
    name: 'orderByChild on a child holding objects',
    data: DEEP,
    sdk: [['orderByChild', 'meta']],
    spec: { index: child('meta') },
    keys: ['u', 'r', 'p', 'q', 's', 't'],
  },

  // Locations without children.
  {
    name: 'a filtered query on a leaf selects nothing',
    data: 5,
    sdk: [['orderByKey'], ['limitToFirst', 1]],
    spec: { index: KEY, limit: first(1) },
    keys: [],
  },
  {
    name: 'a filtered query on an absent location selects nothing',
    data: null,
    sdk: [['orderByValue'], ['startAt', 1]],
    spec: { index: VALUE, start: at(1) },
    keys: [],
  },

  // Limits the SDK refuses (it takes only positive integers) but a spec can carry.
  {
    name: 'limit 0 from the first selects nothing',
    data: NUMS,
    sdk: null,
    spec: { index: VALUE, limit: first(0) },
    keys: [],
  },
  {
    name: 'limit 0 from the last selects nothing',
    data: NUMS,
    sdk: null,
    spec: { index: VALUE, limit: last(0) },
    keys: [],
  },
  {
    name: 'a negative limit from the first selects nothing',
    data: NUMS,
    sdk: null,
    spec: { index: VALUE, limit: first(-2) },
    keys: [],
  },
  {
    name: 'a negative limit from the last selects nothing',
    data: NUMS,
    sdk: null,
    spec: { index: VALUE, limit: last(-2) },
    keys: [],
  },
];
