import { describe, expect, it } from 'vitest';
import { compareKeys, treeChanges } from '../../src/core/tree-changes.js';

describe('treeChanges', () => {
  it('reports a changed leaf and nothing about its unchanged siblings', () => {
    const before = { config: { threshold: 1000, intervalMs: 500, label: 'hall' } };
    const after = { config: { threshold: 1500, intervalMs: 500, label: 'hall' } };
    expect(treeChanges(before, after)).toEqual({ changed: ['/config/threshold'], removed: [] });
  });

  it('reports a removed branch once, at its top', () => {
    const before = { readings: { a: { ir: 1, ts: 5 }, b: { ir: 2, ts: 6 } } };
    const after = { readings: { b: { ir: 2, ts: 6 } } };
    expect(treeChanges(before, after)).toEqual({ changed: [], removed: ['/readings/a'] });
  });

  it('reports every leaf of a new branch, in database key order', () => {
    expect(treeChanges({}, { readings: { '10': 1, '9': 2, x: { ir: 3 } } })).toEqual({
      changed: ['/readings/9', '/readings/10', '/readings/x/ir'],
      removed: [],
    });
  });

  it('treats a branch replaced by a leaf, and the reverse, as a change of that node', () => {
    expect(treeChanges({ a: { b: 1 } }, { a: 5 })).toEqual({ changed: ['/a'], removed: [] });
    expect(treeChanges({ a: 5 }, { a: { b: 1 } })).toEqual({ changed: ['/a', '/a/b'], removed: [] });
  });

  it('reports the whole subtree appearing or disappearing at the root', () => {
    expect(treeChanges(null, 7)).toEqual({ changed: ['/'], removed: [] });
    expect(treeChanges({ a: 1 }, null)).toEqual({ changed: [], removed: ['/'] });
    expect(treeChanges(null, null)).toEqual({ changed: [], removed: [] });
  });
});

describe('compareKeys', () => {
  it('puts 32-bit integer keys first, numerically, then strings', () => {
    expect(['b', '10', '-1', 'a', '2', '2147483648'].sort(compareKeys)).toEqual([
      '-1',
      '2',
      '10',
      '2147483648',
      'a',
      'b',
    ]);
  });
});
