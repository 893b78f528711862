import { describe, expect, it } from 'vitest';
import {
  comparePriorities,
  compareValues,
  type IndexValue,
  nodeChildIndexValue,
  nodeIndexValue,
  nodeKeysByPriority,
  OBJECT_VALUE,
} from '../../src/core/compare-values.js';
import { EMPTY_NODE, leafNode } from '../../src/core/data-node.js';
import { nodeFromJson } from '../../src/core/node-json.js';

// Firebase's documented value order, each entry strictly after the one before.
const ascending: readonly IndexValue[] = [
  null,
  false,
  true,
  Number.NEGATIVE_INFINITY,
  -1e9,
  -1.5,
  0,
  0.25,
  2,
  10,
  1e9,
  '',
  '1',
  'A',
  'Z',
  'a',
  'ab',
  'b',
  OBJECT_VALUE,
];

function label(value: IndexValue): string {
  return value === OBJECT_VALUE ? 'an object' : JSON.stringify(value);
}

const pairs = ascending.flatMap((a, i) =>
  ascending.map((b, j) => [label(a), label(b), a, b, Math.sign(i - j)] as const),
);

describe('compareValues', () => {
  it.each(pairs)('compares %s with %s', (_a, _b, a, b, expected) => {
    expect(Math.sign(compareValues(a, b))).toBe(expected);
  });

  it('treats equal numbers and equal strings as equal', () => {
    expect(compareValues(3, 3)).toBe(0);
    expect(compareValues(0, -0)).toBe(0);
    expect(compareValues('same', 'same')).toBe(0);
  });
});

describe('comparePriorities', () => {
  it.each([
    [null, 1, -1],
    [1, null, 1],
    [null, 'a', -1],
    [1, 'a', -1],
    ['a', 1, 1],
    [2, 10, -1],
    [10, 2, 1],
    ['10', '2', -1],
    ['b', 'a', 1],
    [null, null, 0],
    [5, 5, 0],
    ['p', 'p', 0],
  ] as const)('orders priority %j against %j with sign %d (none < numbers < strings)', (a, b, expected) => {
    expect(Math.sign(comparePriorities(a, b))).toBe(expected);
  });
});

describe('nodeIndexValue / nodeChildIndexValue', () => {
  it.each([
    ['a string leaf', leafNode('s'), 's'],
    ['a false leaf', leafNode(false), false],
    ['a zero leaf', leafNode(0), 0],
    ['the empty node', EMPTY_NODE, null],
  ])('gives %s as its value', (_label, node, value) => {
    expect(nodeIndexValue(node)).toBe(value);
  });

  it('gives an object as OBJECT_VALUE', () => {
    expect(nodeIndexValue(nodeFromJson({ a: 1 }))).toBe(OBJECT_VALUE);
  });

  it('reads the value at a child path, null when missing', () => {
    const node = nodeFromJson({ a: { b: { c: 4 }, s: 'x' } });
    expect(nodeChildIndexValue(node, ['a', 'b', 'c'])).toBe(4);
    expect(nodeChildIndexValue(node, ['a', 's'])).toBe('x');
    expect(nodeChildIndexValue(node, ['a', 'b'])).toBe(OBJECT_VALUE);
    expect(nodeChildIndexValue(node, ['a', 'zz'])).toBeNull();
    expect(nodeChildIndexValue(node, ['a', 's', 'deeper'])).toBeNull();
    expect(nodeChildIndexValue(node, [])).toBe(OBJECT_VALUE);
  });
});

describe('nodeKeysByPriority', () => {
  it('gives no keys for leaves and the empty node', () => {
    expect(nodeKeysByPriority(leafNode(1, 5))).toEqual([]);
    expect(nodeKeysByPriority(EMPTY_NODE)).toEqual([]);
  });

  it('uses key order when no child has a priority', () => {
    expect(nodeKeysByPriority(nodeFromJson({ b: 1, a: 2, '10': 3, '9': 4 }))).toEqual(['9', '10', 'a', 'b']);
  });

  it('orders by priority (none, numbers, strings), then by key', () => {
    const node = nodeFromJson({
      a: { '.value': 1, '.priority': 'z' },
      b: { '.value': 1, '.priority': 10 },
      c: { '.value': 1, '.priority': 2 },
      d: 1,
      e: { '.value': 1, '.priority': 'a' },
      f: { x: 1, '.priority': 2 },
      '5': { '.value': 1, '.priority': 2 },
      g: 1,
    });
    expect(nodeKeysByPriority(node)).toEqual(['d', 'g', '5', 'c', 'f', 'b', 'e', 'a']);
  });

  it('orders by priority when only the last child in key order has one', () => {
    const node = nodeFromJson({ a: { '.value': 1, '.priority': 1 }, b: 1, c: 1 });
    expect(nodeKeysByPriority(node)).toEqual(['b', 'c', 'a']);
  });
});
