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
});
