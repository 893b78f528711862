import { describe, expect, it } from 'vitest';
import { ChildMap, CHILD_MAP_THRESHOLD } from '../../src/core/child-map.js';
import { type DataNode, leafNode } from '../../src/core/data-node.js';

function plainMap(count: number, prefix = 'k'): Map<string, DataNode> {
  const map = new Map<string, DataNode>();
  for (let i = 0; i < count; i += 1) map.set(`${prefix}${i}`, leafNode(i));
  return map;
}

function contents(map: ReadonlyMap<string, DataNode>): [string, unknown][] {
  return [...map.entries()]
    .map(([key, node]): [string, unknown] => [key, node.leaf])
    .sort(([a], [b]) => (a < b ? -1 : 1));
}

describe('ChildMap', () => {
  it('starts bucketing at 256 children', () => {
    expect(CHILD_MAP_THRESHOLD).toBe(256);
  });

  it('holds the same entries as the map it was made from', () => {
    const source = plainMap(300);
    const map = ChildMap.from(source);
    expect(map.size).toBe(300);
    expect(contents(map)).toEqual(contents(source));
    for (const [key, node] of source) {
      expect(map.has(key)).toBe(true);
      expect(map.get(key)).toBe(node);
    }
    expect(map.has('missing')).toBe(false);
    expect(map.get('missing')).toBeUndefined();
  });

  it('is empty when made from an empty map', () => {
    const map = ChildMap.from(new Map());
    expect(map.size).toBe(0);
    expect([...map]).toEqual([]);
  });

  it('returns a ChildMap itself instead of copying it', () => {
    const map = ChildMap.from(plainMap(3));
    expect(ChildMap.from(map)).toBe(map);
  });

  it('adds a key without changing the original', () => {
    const before = ChildMap.from(plainMap(100));
    const node = leafNode('new');
    const after = before.with('added', node);
    expect(after.size).toBe(101);
    expect(after.get('added')).toBe(node);
    expect(before.size).toBe(100);
    expect(before.has('added')).toBe(false);
    expect(contents(after)).toEqual(
      [...contents(before), ['added', 'new']].sort(([a], [b]) => (a! < b! ? -1 : 1)),
    );
  });

  it('replaces a key without changing the size', () => {
    const before = ChildMap.from(plainMap(10));
    const after = before.with('k3', leafNode('three'));
    expect(after.size).toBe(10);
    expect(after.get('k3')?.leaf).toBe('three');
    expect(before.get('k3')?.leaf).toBe(3);
    expect(after.get('k4')).toBe(before.get('k4'));
  });

  it('removes a key', () => {
    const before = ChildMap.from(plainMap(10));
    const after = before.with('k3', undefined);
    expect(after.size).toBe(9);
    expect(after.has('k3')).toBe(false);
    expect(after.get('k3')).toBeUndefined();
    expect(before.has('k3')).toBe(true);
    expect(contents(after)).toEqual(contents(before).filter(([key]) => key !== 'k3'));
  });

  it('returns itself when removing a key it does not hold', () => {
    const map = ChildMap.from(plainMap(10));
    const after = map.with('absent', undefined);
    expect(after).toBe(map);
    expect(after.size).toBe(10);
  });

  it('can be emptied and filled again', () => {
    let map = ChildMap.from(new Map([['only', leafNode(1)]]));
    map = map.with('only', undefined);
    expect(map.size).toBe(0);
    expect([...map.keys()]).toEqual([]);
    map = map.with('only', leafNode(2)).with('other', leafNode(3));
    expect(map.size).toBe(2);
    expect(contents(map)).toEqual([
      ['only', 2],
      ['other', 3],
    ]);
  });

  it('keeps every entry through many adds and removes', () => {
    let map = ChildMap.from(new Map<string, DataNode>());
    const expected = new Map<string, number>();
    for (let i = 0; i < 500; i += 1) {
      map = map.with(`key-${i}`, leafNode(i));
      expected.set(`key-${i}`, i);
    }
    for (let i = 0; i < 500; i += 3) {
      map = map.with(`key-${i}`, undefined);
      expected.delete(`key-${i}`);
    }
    expect(map.size).toBe(expected.size);
    expect(contents(map)).toEqual([...expected.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  });

  it('iterates keys, values and entries consistently', () => {
    const map = ChildMap.from(plainMap(70));
    const entries = [...map.entries()];
    expect(entries).toHaveLength(70);
    expect([...map.keys()]).toEqual(entries.map(([key]) => key));
    expect([...map.values()]).toEqual(entries.map(([, value]) => value));
    expect([...map]).toEqual(entries);
    expect(new Set(map.keys()).size).toBe(70);
  });

  it('calls forEach with value, key, the map and thisArg', () => {
    const map = ChildMap.from(plainMap(5));
    const seen: [string, unknown, unknown, unknown][] = [];
    const self = { name: 'this' };
    map.forEach(function (this: unknown, value, key, owner) {
      seen.push([key, value.leaf, owner, this]);
    }, self);
    expect(seen.map(([key, leaf]) => [key, leaf]).sort()).toEqual(contents(map));
    for (const [, , owner, thisArg] of seen) {
      expect(owner).toBe(map);
      expect(thisArg).toBe(self);
    }
  });

  it('names itself ChildMap', () => {
    expect(Object.prototype.toString.call(ChildMap.from(new Map()))).toBe('[object ChildMap]');
  });
});
