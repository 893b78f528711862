import { describe, expect, it } from 'vitest';
import { nodeChild, nodeUpdateChild, type DataNode } from '../../src/core/data-node.js';
import { nodeFromJson, nodeToJson } from '../../src/core/node-json.js';
import type { Path } from '../../src/core/path.js';
import { defaultListenPushes, sameResult, type DataPush } from '../../src/realtime/change-pushes.js';

function change(before: unknown, writes: [Path, unknown][]) {
  const beforeNode = nodeFromJson(before);
  let after: DataNode = beforeNode;
  for (const [path, value] of writes) after = nodeUpdateChild(after, path, nodeFromJson(value));
  return { before: beforeNode, after, paths: writes.map(([p]) => p) };
}

function plain(pushes: DataPush[]) {
  return pushes.map((p) =>
    p.action === 'd'
      ? { a: 'd', p: p.path.join('/'), d: nodeToJson(p.node, { export: true }) }
      : {
          a: 'm',
          p: p.path.join('/'),
          d: Object.fromEntries(
            p.children.map(([rel, n]) => [rel.join('/'), nodeToJson(n, { export: true })]),
          ),
        },
  );
}

describe('defaultListenPushes', () => {
  const tree = { a: { b: { c: 1 }, d: 2 }, x: 9 };

  it('overwrites the listen location when the write is above it', () => {
    expect(plain(defaultListenPushes(['a', 'b'], change(tree, [[['a'], { b: { c: 5 } }]])))).toEqual([
      { a: 'd', p: 'a/b', d: { c: 5 } },
    ]);
  });

  it('sends nothing when the listen location did not change', () => {
    expect(defaultListenPushes(['a', 'b'], change(tree, [[['a', 'd'], 3]]))).toEqual([]);
    expect(defaultListenPushes(['q'], change(tree, [[['x'], 10]]))).toEqual([]);
  });

  it('overwrites only the written location below the listen', () => {
    expect(plain(defaultListenPushes([], change(tree, [[['a', 'b', 'c'], 7]])))).toEqual([
      { a: 'd', p: 'a/b/c', d: 7 },
    ]);
  });

  it('turns a multi-location write into one merge at the common ancestor', () => {
    const pushes = defaultListenPushes(
      [],
      change(tree, [
        [['a', 'b', 'c'], 7],
        [['a', 'd'], null],
        [['a', 'e'], { f: 1 }],
      ]),
    );
    expect(plain(pushes)).toEqual([{ a: 'm', p: 'a', d: { 'b/c': 7, d: null, e: { f: 1 } } }]);
  });

  it('reports a priority write as an overwrite of its node', () => {
    const c = change(tree, [[['a', 'd', '.priority'], 4]]);
    expect(plain(defaultListenPushes(['a'], c))).toEqual([
      { a: 'd', p: 'a/d', d: { '.value': 2, '.priority': 4 } },
    ]);
  });
});

describe('sameResult', () => {
  it('compares by content, helped by shared subtrees', () => {
    const a = nodeFromJson({ x: { y: 1 }, z: 2 });
    const b = nodeFromJson({ x: { y: 1 }, z: 2 });
    expect(sameResult(a, b)).toBe(true);
    expect(sameResult(a, nodeUpdateChild(a, ['z'], nodeFromJson(3)))).toBe(false);
    expect(sameResult(a, nodeChild(a, ['x']))).toBe(false);
    expect(sameResult(nodeFromJson({ '.value': 1, '.priority': 1 }), nodeFromJson(1))).toBe(false);
  });
});
