import { describe, expect, it } from 'vitest';
import { nodeFromJson, nodeToJson } from '../../src/index.js';
import { queryWindowDelta } from '../../src/core/query-window-delta.js';

function delta(last: unknown, next: unknown): Array<[string, unknown]> | undefined {
  return queryWindowDelta(nodeFromJson(last), nodeFromJson(next))?.map((c) => [c.key, nodeToJson(c.node)]);
}

describe('queryWindowDelta', () => {
  it('names the children that entered, changed or left, and nothing else', () => {
    expect(delta({ a: 1, b: { x: 1 }, c: 3 }, { a: 1, b: { x: 2 }, d: 4 })).toEqual([
      ['c', null],
      ['b', { x: 2 }],
      ['d', 4],
    ]);
  });

  it('gives no change for an equal window, even when rebuilt from other nodes', () => {
    expect(delta({ a: { x: 1 }, b: 2 }, { a: { x: 1 }, b: 2 })).toEqual([]);
  });

  it('treats an empty window as a map of no children, both ways', () => {
    expect(delta(null, { a: 1 })).toEqual([['a', 1]]);
    expect(delta({ a: 1, b: 2 }, null)).toEqual([
      ['a', null],
      ['b', null],
    ]);
  });

  it('asks for the whole result when either side is a leaf', () => {
    expect(delta('text', { a: 1 })).toBeUndefined();
    expect(delta({ a: 1 }, 5)).toBeUndefined();
  });

  it('asks for the whole result when the window itself changed priority', () => {
    expect(delta({ a: 1, '.priority': 1 }, { a: 1, '.priority': 2 })).toBeUndefined();
    expect(delta({ a: 1 }, { a: 1, '.priority': 'p' })).toBeUndefined();
    expect(delta({ a: 1, '.priority': 'p' }, { a: 2, '.priority': 'p' })).toEqual([['a', 2]]);
  });

  it('gives nothing between two empty windows', () => {
    expect(delta(null, null)).toEqual([]);
  });

  it("counts a child's new priority as a change", () => {
    const change = queryWindowDelta(
      nodeFromJson({ a: 1 }),
      nodeFromJson({ a: { '.value': 1, '.priority': 3 } }),
    );
    expect(change).toHaveLength(1);
    expect(change![0]!.key).toBe('a');
    expect(change![0]!.node.priority).toBe(3);
  });

  it('lists children that left first, then the others in the order of the new result', () => {
    expect(delta({ z: 1, y: 1, m: 1 }, { c: 1, b: 2, m: 2 })).toEqual([
      ['z', null],
      ['y', null],
      ['c', 1],
      ['b', 2],
      ['m', 2],
    ]);
  });

  it('keeps a child that is the very same node without hashing it', () => {
    const shared = nodeFromJson({ x: { deep: 1 } });
    const last = nodeFromJson({ s: nodeToJson(shared), t: 1 });
    const next = nodeFromJson({ s: nodeToJson(shared), t: 2 });
    expect(queryWindowDelta(last, next)?.map((c) => c.key)).toEqual(['t']);
    expect(queryWindowDelta(last, last)).toEqual([]);
  });
});
