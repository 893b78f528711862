// The recorded query cases (checked against the official SDK in query-spec.test.ts) run here in
// process, plus the parts of the query code the SDK cannot reach: the exported helpers, limits it
// refuses, and the per-node index caches carried across writes.
import { describe, expect, it } from 'vitest';
import { OBJECT_VALUE } from '../../src/core/compare-values.js';
import { EMPTY_NODE, nodeUpdateChild, type DataNode } from '../../src/core/data-node.js';
import { nodeFromJson, nodeToJson } from '../../src/core/node-json.js';
import {
  applyQuery,
  DEFAULT_QUERY,
  queryCompare,
  queryIndexValue,
  queryInRange,
  queryIsDefault,
  queryKeys,
  type QuerySpec,
} from '../../src/core/query-spec.js';
import { QUERY_CASES, type QueryCase } from './query-spec-cases.js';

const named = (cases: readonly QueryCase[]) => cases.map((c) => [c.name, c] as const);
const unlimited = QUERY_CASES.filter((c) => !c.spec.limit);
const ranged = QUERY_CASES.filter((c) => c.spec.start || c.spec.end || c.spec.limit);

function children(node: DataNode): [string, DataNode][] {
  return [...(node.children ?? new Map<string, DataNode>())];
}

describe('the recorded query cases', () => {
  it('include cases the SDK cannot state and cases for every index', () => {
    expect(QUERY_CASES.some((c) => c.sdk === null)).toBe(true);
    const kinds = new Set(QUERY_CASES.map((c) => c.spec.index.kind));
    expect([...kinds].sort()).toEqual(['child', 'key', 'priority', 'value']);
  });

  it.each(named(QUERY_CASES))('%s: selects the recorded children in order', (_name, c) => {
    expect(queryKeys(nodeFromJson(c.data), c.spec)).toEqual(c.keys);
  });

  it('give the same answers when every query of a data set runs on one node (indexes kept apart)', () => {
    const byData = new Map<unknown, QueryCase[]>();
    for (const c of QUERY_CASES) byData.set(c.data, [...(byData.get(c.data) ?? []), c]);
    for (const [data, cases] of byData) {
      const node = nodeFromJson(data);
      for (const c of [...cases, ...cases.slice().reverse()]) {
        expect(queryKeys(node, c.spec), c.name).toEqual(c.keys);
      }
    }
  });

  it.each(named(ranged))('%s: applyQuery keeps exactly the selected children', (_name, c) => {
    const node = nodeFromJson(c.data);
    const result = applyQuery(node, c.spec);
    if (c.keys.length === 0) {
      expect(result).toBe(EMPTY_NODE);
      return;
    }
    expect([...result.children!.keys()].sort()).toEqual([...c.keys].sort());
    for (const key of c.keys) expect(result.children!.get(key)).toBe(node.children!.get(key));
  });

  it.each(named(unlimited))('%s: queryInRange admits exactly the selected children', (_name, c) => {
    const inRange = children(nodeFromJson(c.data))
      .filter(([key, child]) => queryInRange(c.spec, key, child))
      .map(([key]) => key);
    expect(inRange.sort()).toEqual([...c.keys].sort());
  });

  it.each(named(QUERY_CASES.filter((c) => c.spec.limit)))(
    '%s: queryInRange admits every selected child',
    (_name, c) => {
      const node = nodeFromJson(c.data);
      for (const key of c.keys) expect(queryInRange(c.spec, key, node.children!.get(key)!)).toBe(true);
    },
  );

  it.each(named(QUERY_CASES.filter((c) => queryIsDefault(c.spec))))(
    '%s: queryCompare sorts all children into the recorded order',
    (_name, c) => {
      const sorted = children(nodeFromJson(c.data)).sort((a, b) => queryCompare(c.spec, a, b));
      expect(sorted.map(([key]) => key)).toEqual(c.keys);
    },
  );

  it.each(named(QUERY_CASES.filter((c) => c.keys.length > 1)))(
    '%s: queryCompare puts each selected child before the next',
    (_name, c) => {
      const node = nodeFromJson(c.data);
      const entries = c.keys.map((key): [string, DataNode] => [key, node.children!.get(key)!]);
      for (let i = 1; i < entries.length; i += 1) {
        expect(queryCompare(c.spec, entries[i - 1]!, entries[i]!)).toBeLessThan(0);
        expect(queryCompare(c.spec, entries[i]!, entries[i - 1]!)).toBeGreaterThan(0);
        expect(queryCompare(c.spec, entries[i]!, entries[i]!)).toBe(0);
      }
    },
  );
});

describe('queryIsDefault', () => {
  const index = { kind: 'child', path: ['n'] } as const;
  it.each<[string, QuerySpec | undefined, boolean]>([
    ['no query', undefined, true],
    ['the default query', DEFAULT_QUERY, true],
    ['an ordering alone', { index }, true],
    ['a start bound', { index, start: { value: 1, inclusive: true } }, false],
    ['an end bound', { index, end: { value: 1, inclusive: false } }, false],
    ['a limit', { index, limit: { count: 3, from: 'last' } }, false],
  ])('%s → %s', (_name, spec, expected) => {
    expect(queryIsDefault(spec)).toBe(expected);
  });

  it('the default query orders by priority', () => {
    expect(DEFAULT_QUERY).toEqual({ index: { kind: 'priority' } });
  });
});

describe('applyQuery on default queries and childless locations', () => {
  const node = nodeFromJson({ b: 2, a: 1 });

  it('returns the location itself for no query or an ordering alone', () => {
    expect(applyQuery(node, undefined)).toBe(node);
    expect(applyQuery(node, DEFAULT_QUERY)).toBe(node);
    expect(applyQuery(node, { index: { kind: 'value' } })).toBe(node);
  });

  it('gives the empty node for a filtered query on a leaf or an absent location', () => {
    const spec: QuerySpec = { index: { kind: 'key' }, limit: { count: 1, from: 'first' } };
    expect(applyQuery(nodeFromJson('leaf'), spec)).toBe(EMPTY_NODE);
    expect(applyQuery(EMPTY_NODE, spec)).toBe(EMPTY_NODE);
    expect(queryKeys(nodeFromJson(true), spec)).toEqual([]);
  });

  it('gives the selected children as data', () => {
    const spec: QuerySpec = { index: { kind: 'value' }, limit: { count: 1, from: 'last' } };
    expect(nodeToJson(applyQuery(node, spec))).toEqual({ b: 2 });
  });
});

describe('queryIndexValue', () => {
  const child = nodeFromJson({ n: { deep: 'x' }, m: 4, '.priority': 'p' });
  const leaf = nodeFromJson({ '.value': 9, '.priority': 3 });

  it.each<[string, QuerySpec, DataNode, unknown]>([
    ['the key for the key index', { index: { kind: 'key' } }, child, 'k1'],
    ['the priority for the priority index', { index: { kind: 'priority' } }, child, 'p'],
    ['a leaf priority for the priority index', { index: { kind: 'priority' } }, leaf, 3],
    ['no priority as null', { index: { kind: 'priority' } }, nodeFromJson(1), null],
    ['the leaf value for the value index', { index: { kind: 'value' } }, leaf, 9],
    ['an object as the object marker for the value index', { index: { kind: 'value' } }, child, OBJECT_VALUE],
    ['a child leaf for a child index', { index: { kind: 'child', path: ['m'] } }, child, 4],
    ['a nested leaf for a deep child index', { index: { kind: 'child', path: ['n', 'deep'] } }, child, 'x'],
    ['an object child as the object marker', { index: { kind: 'child', path: ['n'] } }, child, OBJECT_VALUE],
    ['a missing child as null', { index: { kind: 'child', path: ['none'] } }, child, null],
    ['a child of a leaf as null', { index: { kind: 'child', path: ['m'] } }, leaf, null],
  ])('gives %s', (_name, spec, node, expected) => {
    expect(queryIndexValue(spec, 'k1', node)).toBe(expected);
  });
});

describe('queryCompare', () => {
  const leaf = (value: unknown): DataNode => nodeFromJson(value);

  it('orders by key alone for the key index, whatever the values', () => {
    const spec: QuerySpec = { index: { kind: 'key' } };
    expect(queryCompare(spec, ['9', leaf('z')], ['10', leaf('a')])).toBeLessThan(0);
    expect(queryCompare(spec, ['b', leaf(1)], ['a', leaf(2)])).toBeGreaterThan(0);
  });

  it('orders by value first, then by key on ties', () => {
    const spec: QuerySpec = { index: { kind: 'value' } };
    expect(queryCompare(spec, ['a', leaf(2)], ['b', leaf(1)])).toBeGreaterThan(0);
    expect(queryCompare(spec, ['10', leaf(1)], ['9', leaf(1)])).toBeGreaterThan(0);
    expect(queryCompare(spec, ['9', leaf(1)], ['10', leaf(1)])).toBeLessThan(0);
    expect(queryCompare(spec, ['x', leaf({ p: 1 })], ['w', leaf({ q: 2 })])).toBeGreaterThan(0);
  });
});

describe('queryInRange at the bounds', () => {
  const five = nodeFromJson(5);
  const spec = (start?: QuerySpec['start'], end?: QuerySpec['end']): QuerySpec => ({
    index: { kind: 'value' },
    ...(start ? { start } : {}),
    ...(end ? { end } : {}),
  });

  it.each<[string, QuerySpec, string, boolean]>([
    ['startAt 5 takes any key', spec({ value: 5, inclusive: true }), 'a', true],
    ['startAfter 5 takes no key', spec({ value: 5, inclusive: false }), 'zz', false],
    ['endAt 5 takes any key', spec(undefined, { value: 5, inclusive: true }), 'zz', true],
    ['endBefore 5 takes no key', spec(undefined, { value: 5, inclusive: false }), 'a', false],
    ['startAt 5 from key m: key m', spec({ value: 5, key: 'm', inclusive: true }), 'm', true],
    ['startAt 5 from key m: key l', spec({ value: 5, key: 'm', inclusive: true }), 'l', false],
    ['startAfter 5 past key m: key m', spec({ value: 5, key: 'm', inclusive: false }), 'm', false],
    ['startAfter 5 past key m: key n', spec({ value: 5, key: 'm', inclusive: false }), 'n', true],
    ['endAt 5 up to key m: key m', spec(undefined, { value: 5, key: 'm', inclusive: true }), 'm', true],
    ['endAt 5 up to key m: key n', spec(undefined, { value: 5, key: 'm', inclusive: true }), 'n', false],
    [
      'endBefore 5 before key m: key m',
      spec(undefined, { value: 5, key: 'm', inclusive: false }),
      'm',
      false,
    ],
    ['endBefore 5 before key m: key l', spec(undefined, { value: 5, key: 'm', inclusive: false }), 'l', true],
    ['startAt 4 endAt 6', spec({ value: 4, inclusive: true }, { value: 6, inclusive: true }), 'a', true],
    ['startAt 6', spec({ value: 6, inclusive: true }), 'a', false],
    ['endAt 4', spec(undefined, { value: 4, inclusive: true }), 'a', false],
    [
      'startAfter 4 endBefore 6',
      spec({ value: 4, inclusive: false }, { value: 6, inclusive: false }),
      'a',
      true,
    ],
    ['no bounds', spec(), 'a', true],
  ])('%s → %s', (_name, s, key, expected) => {
    expect(queryInRange(s, key, five)).toBe(expected);
  });

  it.each<[string, QuerySpec['start'], QuerySpec['end'], string, boolean]>([
    ['startAt "9" takes 9', { value: '9', inclusive: true }, undefined, '9', true],
    ['startAfter "9" leaves out 9', { value: '9', inclusive: false }, undefined, '9', false],
    ['startAfter 9 (a number) leaves out 9', { value: 9, inclusive: false }, undefined, '9', false],
    ['startAfter 9 (a number) takes 10', { value: 9, inclusive: false }, undefined, '10', true],
    ['endBefore 10 (a number) leaves out 10', undefined, { value: 10, inclusive: false }, '10', false],
    ['endBefore 10 (a number) takes 9', undefined, { value: 10, inclusive: false }, '9', true],
    ['endAt "9" leaves out 10', undefined, { value: '9', inclusive: true }, '10', false],
    [
      'endAt "b" with a tie-break key still takes b',
      undefined,
      { value: 'b', key: 'a', inclusive: true },
      'b',
      true,
    ],
  ])('key index: %s', (_name, start, end, key, expected) => {
    const s: QuerySpec = { index: { kind: 'key' }, ...(start ? { start } : {}), ...(end ? { end } : {}) };
    expect(queryInRange(s, key, five)).toBe(expected);
  });
});

describe('indexes of one node under different orderings', () => {
  it('keep two child paths apart', () => {
    const node = nodeFromJson({ a: { x: 2, y: 1 }, b: { x: 1, y: 2 } });
    const byX: QuerySpec = { index: { kind: 'child', path: ['x'] }, limit: { count: 2, from: 'first' } };
    const byY: QuerySpec = { index: { kind: 'child', path: ['y'] }, limit: { count: 2, from: 'first' } };
    expect(queryKeys(node, byX)).toEqual(['b', 'a']);
    expect(queryKeys(node, byY)).toEqual(['a', 'b']);
    expect(queryKeys(node, byX)).toEqual(['b', 'a']);
  });

  it('keep a two-level path apart from a one-level path spelled with the same letters', () => {
    const node = nodeFromJson({ a: { x: { y: 2 }, xy: 1 }, b: { x: { y: 1 }, xy: 2 } });
    const deep: QuerySpec = { index: { kind: 'child', path: ['x', 'y'] }, limit: { count: 2, from: 'last' } };
    const flat: QuerySpec = { index: { kind: 'child', path: ['xy'] }, limit: { count: 2, from: 'last' } };
    expect(queryKeys(node, deep)).toEqual(['b', 'a']);
    expect(queryKeys(node, flat)).toEqual(['a', 'b']);
  });

  it('keep the key, value and priority orders apart', () => {
    const node = nodeFromJson({
      '10': { '.value': 1, '.priority': 3 },
      '9': { '.value': 3, '.priority': 2 },
      a: { '.value': 2, '.priority': 1 },
    });
    const limit = { count: 3, from: 'first' } as const;
    expect(queryKeys(node, { index: { kind: 'key' }, limit })).toEqual(['9', '10', 'a']);
    expect(queryKeys(node, { index: { kind: 'value' }, limit })).toEqual(['10', 'a', '9']);
    expect(queryKeys(node, { index: { kind: 'priority' }, limit })).toEqual(['a', '9', '10']);
    expect(queryKeys(node, { index: { kind: 'key' }, limit })).toEqual(['9', '10', 'a']);
  });
});

/** One write below the queried location and the orders expected after it. */
interface Step {
  path: string[];
  value: unknown;
  key: string[];
  value_: string[];
  priority: string[];
}

describe('indexes carried across writes', () => {
  const limit = { count: 100, from: 'first' } as const;
  const specs = {
    key: { index: { kind: 'key' }, limit },
    value_: { index: { kind: 'value' }, limit },
    priority: { index: { kind: 'priority' }, limit },
  } satisfies Record<string, QuerySpec>;

  // Start: a 3, b 1, c 2, 10 2, 9 5. Each step's orders are worked out by hand.
  const steps: Step[] = [
    {
      path: ['a'],
      value: 0,
      key: ['9', '10', 'a', 'b', 'c'],
      value_: ['a', 'b', '10', 'c', '9'],
      priority: ['9', '10', 'a', 'b', 'c'],
    },
    {
      path: ['c'],
      value: null,
      key: ['9', '10', 'a', 'b'],
      value_: ['a', 'b', '10', '9'],
      priority: ['9', '10', 'a', 'b'],
    },
    {
      path: ['5'],
      value: 2,
      key: ['5', '9', '10', 'a', 'b'],
      value_: ['a', 'b', '5', '10', '9'],
      priority: ['5', '9', '10', 'a', 'b'],
    },
    {
      path: ['c'],
      value: 2,
      key: ['5', '9', '10', 'a', 'b', 'c'],
      value_: ['a', 'b', '5', '10', 'c', '9'],
      priority: ['5', '9', '10', 'a', 'b', 'c'],
    },
    {
      // The value stays 2: only the priority order changes.
      path: ['5', '.priority'],
      value: 7,
      key: ['5', '9', '10', 'a', 'b', 'c'],
      value_: ['a', 'b', '5', '10', 'c', '9'],
      priority: ['9', '10', 'a', 'b', 'c', '5'],
    },
    {
      path: ['b'],
      value: 'x',
      key: ['5', '9', '10', 'a', 'b', 'c'],
      value_: ['a', '5', '10', 'c', '9', 'b'],
      priority: ['9', '10', 'a', 'b', 'c', '5'],
    },
    {
      path: ['10'],
      value: { n: 1 },
      key: ['5', '9', '10', 'a', 'b', 'c'],
      value_: ['a', '5', 'c', '9', 'b', '10'],
      priority: ['9', '10', 'a', 'b', 'c', '5'],
    },
    {
      path: ['a'],
      value: { m: 1 },
      key: ['5', '9', '10', 'a', 'b', 'c'],
      value_: ['5', 'c', '9', 'b', '10', 'a'],
      priority: ['9', '10', 'a', 'b', 'c', '5'],
    },
    {
      // Objects all present the same value: the order stays.
      path: ['a', 'm'],
      value: 2,
      key: ['5', '9', '10', 'a', 'b', 'c'],
      value_: ['5', 'c', '9', 'b', '10', 'a'],
      priority: ['9', '10', 'a', 'b', 'c', '5'],
    },
    {
      path: ['9', '.priority'],
      value: 'p',
      key: ['5', '9', '10', 'a', 'b', 'c'],
      value_: ['5', 'c', '9', 'b', '10', 'a'],
      priority: ['10', 'a', 'b', 'c', '5', '9'],
    },
    {
      path: ['5'],
      value: null,
      key: ['9', '10', 'a', 'b', 'c'],
      value_: ['c', '9', 'b', '10', 'a'],
      priority: ['10', 'a', 'b', 'c', '9'],
    },
  ];

  it('follow every write of a sequence, each version queried before the next write', () => {
    let node = nodeFromJson({ a: 3, b: 1, c: 2, '10': 2, '9': 5 });
    expect(queryKeys(node, specs.key)).toEqual(['9', '10', 'a', 'b', 'c']);
    expect(queryKeys(node, specs.value_)).toEqual(['b', '10', 'c', 'a', '9']);
    expect(queryKeys(node, specs.priority)).toEqual(['9', '10', 'a', 'b', 'c']);
    for (const step of steps) {
      node = nodeUpdateChild(node, step.path, nodeFromJson(step.value));
      const label = `${step.path.join('/')} = ${JSON.stringify(step.value)}`;
      expect(queryKeys(node, specs.key), label).toEqual(step.key);
      expect(queryKeys(node, specs.value_), label).toEqual(step.value_);
      expect(queryKeys(node, specs.priority), label).toEqual(step.priority);
    }
  });

  it('answer ranges from a carried index', () => {
    const before = nodeFromJson({ a: 1, b: 3, c: 5 });
    const spec: QuerySpec = { index: { kind: 'value' }, start: { value: 2, inclusive: true } };
    expect(queryKeys(before, spec)).toEqual(['b', 'c']);
    const after = nodeUpdateChild(before, ['d'], nodeFromJson(2));
    expect(queryKeys(after, spec)).toEqual(['d', 'b', 'c']);
    expect(queryKeys(before, spec)).toEqual(['b', 'c']);
  });

  it('follow writes below the children for a child index', () => {
    const spec: QuerySpec = { index: { kind: 'child', path: ['n'] } };
    let node = nodeFromJson({ a: { n: 2 }, b: { n: 1 }, c: { n: 3, k: 1 } });
    expect(queryKeys(node, spec)).toEqual(['b', 'a', 'c']);
    const writes: [string[], unknown, string[]][] = [
      [['a', 'n'], 5, ['b', 'c', 'a']],
      [['b', 'm'], 7, ['b', 'c', 'a']],
      [['c', 'n'], null, ['c', 'b', 'a']],
      [['d'], { n: 1 }, ['c', 'b', 'd', 'a']],
      [['b'], null, ['c', 'd', 'a']],
      [['a', 'n'], 'text', ['c', 'd', 'a']],
      [['0'], { n: 'text' }, ['c', 'd', '0', 'a']],
    ];
    for (const [path, value, expected] of writes) {
      node = nodeUpdateChild(node, path, nodeFromJson(value));
      expect(queryKeys(node, spec), `${path.join('/')} = ${JSON.stringify(value)}`).toEqual(expected);
    }
  });
});
