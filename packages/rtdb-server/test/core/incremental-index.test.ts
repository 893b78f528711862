import { describe, expect, it } from 'vitest';
import { EMPTY_NODE, nodeSortedKeys, nodeUpdateChild, type DataNode } from '../../src/core/data-node.js';
import { nodeHash } from '../../src/core/node-hash.js';
import { nodeFromJson, nodeToJson } from '../../src/core/node-json.js';
import { queryKeys, type QuerySpec } from '../../src/core/query-spec.js';

// A seeded generator keeps failures reproducible.
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
}

const specs: QuerySpec[] = [
  { index: { kind: 'child', path: ['score'] }, limit: { count: 7, from: 'last' } },
  {
    index: { kind: 'child', path: ['score'] },
    start: { value: 20, inclusive: true },
    end: { value: 'm', inclusive: false },
  },
  { index: { kind: 'value' }, limit: { count: 5, from: 'first' } },
  { index: { kind: 'priority' }, start: { value: 3, inclusive: true } },
  { index: { kind: 'key' }, start: { value: '150', inclusive: false }, limit: { count: 9, from: 'first' } },
];

describe('caches carried across writes (bucketed children, sorted keys, query indexes)', () => {
  it('give the same answers as a freshly built tree after every random write', () => {
    const next = random(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const initial: Record<string, unknown> = {};
    for (let i = 0; i < 600; i += 1)
      initial[i % 3 === 0 ? String(i) : `k${i}`] = { score: Math.floor(next() * 100) };
    let tree: DataNode = nodeFromJson({ list: initial });
    const values = [
      null,
      5,
      20,
      55,
      99,
      'a',
      'z',
      true,
      { score: 'm' },
      { score: 42, '.priority': 4 },
      { '.value': 7, '.priority': 'p' },
    ];
    for (let step = 0; step < 300; step += 1) {
      // Query the current version so its caches exist and must be carried into the next one.
      const current = tree.children?.get('list') ?? EMPTY_NODE;
      for (const spec of specs) queryKeys(current, spec);
      const key = next() < 0.3 ? String(Math.floor(next() * 900)) : `k${Math.floor(next() * 900)}`;
      const value = pick(values);
      const target = next() < 0.5 ? ['list', key] : ['list', key, 'score'];
      tree = nodeUpdateChild(tree, target, nodeFromJson(value));
      const fresh = nodeFromJson(nodeToJson(tree, { export: true }));
      const ours = tree.children?.get('list') ?? EMPTY_NODE;
      const theirs = fresh.children?.get('list') ?? EMPTY_NODE;
      expect(nodeSortedKeys(ours)).toEqual(nodeSortedKeys(theirs));
      for (const spec of specs) expect(queryKeys(ours, spec)).toEqual(queryKeys(theirs, spec));
      if (step % 50 === 0) expect(nodeHash(tree)).toBe(nodeHash(fresh));
    }
    expect(ourSize(tree)).toBeGreaterThan(256);
  });
});

function ourSize(tree: DataNode): number {
  return tree.children?.get('list')?.children?.size ?? 0;
}
