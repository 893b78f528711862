// The immutable data tree: empty, leaf and interior nodes, priorities, paths, and the key order
// Firebase documents (integer-like keys first, numerically, then the rest as strings).
import { describe, expect, it } from 'vitest';
import {
  childrenNode,
  EMPTY_NODE,
  leafNode,
  nodeChild,
  nodeChildCount,
  nodeGetPriority,
  nodeImmediateChild,
  nodeIsEmpty,
  nodeIsLeaf,
  nodeSortedKeys,
  nodeUpdateChild,
  nodeUpdateImmediateChild,
  nodeWithPriority,
  onNodeDerived,
  type DataNode,
} from '../../src/core/data-node.js';
import { nodeFromJson, nodeToJson } from '../../src/core/node-json.js';

function json(node: DataNode): unknown {
  return nodeToJson(node, { export: true });
}

describe('node kinds', () => {
  it.each([
    ['the empty node', EMPTY_NODE, true, false],
    ['a string leaf', leafNode('x'), false, true],
    ['an empty-string leaf', leafNode(''), false, true],
    ['a false leaf', leafNode(false), false, true],
    ['a zero leaf', leafNode(0), false, true],
    ['an interior node', childrenNode(new Map([['a', leafNode(1)]])), false, false],
  ])('%s: empty %s, leaf %s', (_name, node, empty, leaf) => {
    expect(nodeIsEmpty(node)).toBe(empty);
    expect(nodeIsLeaf(node)).toBe(leaf);
  });

  it('an interior node made from no children is the empty node', () => {
    expect(childrenNode(new Map())).toBe(EMPTY_NODE);
    expect(childrenNode(new Map(), 5)).toBe(EMPTY_NODE);
  });

  it('keeps the priority given, none by default', () => {
    expect(nodeGetPriority(leafNode(1))).toBeNull();
    expect(nodeGetPriority(leafNode(1, 'p'))).toBe('p');
    expect(nodeGetPriority(childrenNode(new Map([['a', leafNode(1)]]), 3))).toBe(3);
    expect(EMPTY_NODE.priority).toBeNull();
  });

  it('counts direct children', () => {
    expect(nodeChildCount(nodeFromJson({ a: 1, b: { c: 2 } }))).toBe(2);
    expect(nodeChildCount(leafNode(1))).toBe(0);
    expect(nodeChildCount(EMPTY_NODE)).toBe(0);
  });
});

describe('nodeWithPriority', () => {
  it('replaces the priority and keeps the value', () => {
    const node = nodeWithPriority(leafNode('v'), 2);
    expect(json(node)).toEqual({ '.value': 'v', '.priority': 2 });
    expect(json(nodeWithPriority(node, null))).toBe('v');
  });

  it('gives back the same node when nothing changes, and ignores priorities on the empty node', () => {
    const node = leafNode('v', 'p');
    expect(nodeWithPriority(node, 'p')).toBe(node);
    expect(nodeWithPriority(EMPTY_NODE, 5)).toBe(EMPTY_NODE);
  });
});

describe('nodeImmediateChild and nodeChild', () => {
  const tree = nodeFromJson({ a: { b: { '.value': 1, '.priority': 'pb' } }, '.priority': 7 });

  it('finds direct and deep children, the empty node when absent', () => {
    expect(json(nodeImmediateChild(tree, 'a'))).toEqual({ b: { '.value': 1, '.priority': 'pb' } });
    expect(nodeImmediateChild(tree, 'x')).toBe(EMPTY_NODE);
    expect(nodeImmediateChild(leafNode(1), 'x')).toBe(EMPTY_NODE);
    expect(json(nodeChild(tree, ['a', 'b']))).toEqual({ '.value': 1, '.priority': 'pb' });
    expect(nodeChild(tree, [])).toBe(tree);
    expect(nodeChild(tree, ['a', 'x', 'y'])).toBe(EMPTY_NODE);
    expect(nodeChild(tree, ['a', 'b', 'c'])).toBe(EMPTY_NODE);
  });

  it('reads a .priority key as the priority leaf, the empty node when there is none', () => {
    expect(json(nodeImmediateChild(tree, '.priority'))).toBe(7);
    expect(json(nodeChild(tree, ['a', 'b', '.priority']))).toBe('pb');
    expect(nodeImmediateChild(nodeImmediateChild(tree, 'a'), '.priority')).toBe(EMPTY_NODE);
    expect(nodeChild(tree, ['x', '.priority'])).toBe(EMPTY_NODE);
  });
});

describe('nodeSortedKeys', () => {
  it('orders integer-like keys (leading zeros allowed) numerically before other keys, which sort as strings', () => {
    const node = nodeFromJson({ b: 1, '10': 1, a: 1, '9': 1, '-3': 1, '02': 1, B: 1, '2x': 1 });
    expect(nodeSortedKeys(node)).toEqual(['-3', '02', '9', '10', '2x', 'B', 'a', 'b']);
  });

  it('has no keys for leaves and the empty node', () => {
    expect(nodeSortedKeys(leafNode(1))).toEqual([]);
    expect(nodeSortedKeys(EMPTY_NODE)).toEqual([]);
  });

  it('computes the order once per node', () => {
    const node = nodeFromJson({ b: 1, a: 2 });
    expect(nodeSortedKeys(node)).toBe(nodeSortedKeys(node));
  });

  it('carries a known order to a node that only changed a value', () => {
    const node = nodeFromJson({ b: 1, a: 2 });
    const keys = nodeSortedKeys(node);
    expect(nodeSortedKeys(nodeUpdateImmediateChild(node, 'a', leafNode(3)))).toBe(keys);
  });

  const base = { '2': 1, '5': 1, '9': 1, c: 1, f: 1, m: 1 };
  it.each([
    ['0', ['0', '2', '5', '9', 'c', 'f', 'm']],
    ['3', ['2', '3', '5', '9', 'c', 'f', 'm']],
    ['10', ['2', '5', '9', '10', 'c', 'f', 'm']],
    ['a', ['2', '5', '9', 'a', 'c', 'f', 'm']],
    ['d', ['2', '5', '9', 'c', 'd', 'f', 'm']],
    ['z', ['2', '5', '9', 'c', 'f', 'm', 'z']],
  ])('inserts the new key %s at its place in a known order', (key, expected) => {
    const node = nodeFromJson(base);
    nodeSortedKeys(node);
    expect(nodeSortedKeys(nodeUpdateImmediateChild(node, key, leafNode(1)))).toEqual(expected);
    // The old node's order is untouched.
    expect(nodeSortedKeys(node)).toEqual(['2', '5', '9', 'c', 'f', 'm']);
  });

  it.each(['2', '5', '9', 'c', 'f', 'm'])('removes the key %s from a known order', (key) => {
    const node = nodeFromJson(base);
    nodeSortedKeys(node);
    const expected = ['2', '5', '9', 'c', 'f', 'm'].filter((k) => k !== key);
    expect(nodeSortedKeys(nodeUpdateImmediateChild(node, key, EMPTY_NODE))).toEqual(expected);
  });
});

describe('nodeUpdateImmediateChild', () => {
  it('adds, replaces and removes a child, keeping the node priority', () => {
    const node = nodeFromJson({ a: 1, '.priority': 4 });
    expect(json(nodeUpdateImmediateChild(node, 'b', leafNode(2)))).toEqual({ a: 1, b: 2, '.priority': 4 });
    expect(json(nodeUpdateImmediateChild(node, 'a', leafNode(3)))).toEqual({ a: 3, '.priority': 4 });
    const two = nodeFromJson({ a: 1, b: 2, '.priority': 4 });
    expect(json(nodeUpdateImmediateChild(two, 'a', EMPTY_NODE))).toEqual({ b: 2, '.priority': 4 });
  });

  it('removing the last child leaves the empty node', () => {
    expect(nodeUpdateImmediateChild(nodeFromJson({ a: 1 }), 'a', EMPTY_NODE)).toBe(EMPTY_NODE);
  });

  it('turns a leaf into an interior node when a child is written under it', () => {
    expect(json(nodeUpdateImmediateChild(leafNode('v'), 'a', leafNode(1)))).toEqual({ a: 1 });
  });

  it('gives back the same node for a no-op', () => {
    const node = nodeFromJson({ a: 1 });
    expect(nodeUpdateImmediateChild(node, 'a', nodeImmediateChild(node, 'a'))).toBe(node);
    expect(nodeUpdateImmediateChild(node, 'missing', EMPTY_NODE)).toBe(node);
    expect(nodeUpdateImmediateChild(EMPTY_NODE, 'missing', EMPTY_NODE)).toBe(EMPTY_NODE);
  });

  it.each([
    [leafNode(5), 5],
    [leafNode('p'), 'p'],
    [leafNode(0), 0],
    [leafNode(true), null],
    [EMPTY_NODE, null],
  ])('writing %j at .priority sets the priority to %j', (child, priority) => {
    const node = nodeFromJson({ '.value': 'v', '.priority': 1 });
    expect(nodeUpdateImmediateChild(node, '.priority', child).priority).toBe(priority);
    expect(nodeUpdateImmediateChild(node, '.priority', child).leaf).toBe('v');
  });

  it('calls derivation hooks with the old node, the new one and the key', () => {
    const seen: [unknown, unknown, string][] = [];
    const marker = nodeFromJson({ hooked: { x: 1 } });
    onNodeDerived((before, after, key) => {
      if (before === marker) seen.push([json(before), json(after), key]);
    });
    nodeUpdateImmediateChild(marker, 'y', leafNode(2));
    expect(seen).toEqual([[{ hooked: { x: 1 } }, { hooked: { x: 1 }, y: 2 }, 'y']]);
  });

  describe('a node with many children', () => {
    const many: Record<string, number> = {};
    for (let i = 0; i < 300; i += 1) many[`k${i}`] = i;

    it('adds, replaces and removes children like a small one', () => {
      let node = nodeFromJson(many);
      node = nodeUpdateImmediateChild(node, 'new', leafNode('n'));
      node = nodeUpdateImmediateChild(node, 'k5', leafNode('five'));
      node = nodeUpdateImmediateChild(node, 'k7', EMPTY_NODE);
      expect(nodeChildCount(node)).toBe(300);
      expect(nodeImmediateChild(node, 'new').leaf).toBe('n');
      expect(nodeImmediateChild(node, 'k5').leaf).toBe('five');
      expect(nodeImmediateChild(node, 'k7')).toBe(EMPTY_NODE);
      expect(nodeImmediateChild(node, 'k299').leaf).toBe(299);
      const again = nodeUpdateImmediateChild(node, 'k8', EMPTY_NODE);
      expect(nodeChildCount(again)).toBe(299);
      expect(nodeImmediateChild(again, 'k9').leaf).toBe(9);
    });

    it('keeps sorted keys right across bucketed updates', () => {
      let node = nodeFromJson(many);
      nodeSortedKeys(node);
      node = nodeUpdateImmediateChild(node, 'k0a', leafNode(1));
      node = nodeUpdateImmediateChild(node, 'k1', EMPTY_NODE);
      const fresh = nodeFromJson(nodeToJson(node));
      expect(nodeSortedKeys(node)).toEqual(nodeSortedKeys(fresh));
      expect(nodeSortedKeys(node).slice(0, 3)).toEqual(['k0', 'k0a', 'k10']);
    });
  });
});

describe('nodeUpdateChild', () => {
  it('replaces the whole node at the empty path', () => {
    const child = leafNode(1);
    expect(nodeUpdateChild(nodeFromJson({ a: 1 }), [], child)).toBe(child);
  });

  it('creates missing ancestors and prunes emptied ones', () => {
    const created = nodeUpdateChild(EMPTY_NODE, ['a', 'b', 'c'], leafNode(1));
    expect(json(created)).toEqual({ a: { b: { c: 1 } } });
    const pruned = nodeUpdateChild(nodeFromJson({ a: { b: { c: 1 } }, d: 2 }), ['a', 'b', 'c'], EMPTY_NODE);
    expect(json(pruned)).toEqual({ d: 2 });
    expect(nodeUpdateChild(nodeFromJson({ a: { b: 1 } }), ['a', 'b'], EMPTY_NODE)).toBe(EMPTY_NODE);
  });

  it('keeps siblings and ancestors priorities', () => {
    const tree = nodeFromJson({ a: { b: 1, c: 2, '.priority': 'pa' } });
    expect(json(nodeUpdateChild(tree, ['a', 'b'], leafNode(9)))).toEqual({
      a: { b: 9, c: 2, '.priority': 'pa' },
    });
  });

  it('sets the priority of a node through a trailing .priority', () => {
    const tree = nodeFromJson({ a: { b: 1 } });
    expect(json(nodeUpdateChild(tree, ['a', '.priority'], leafNode(3)))).toEqual({
      a: { b: 1, '.priority': 3 },
    });
    expect(json(nodeUpdateChild(tree, ['a', 'b', '.priority'], leafNode('p')))).toEqual({
      a: { b: { '.value': 1, '.priority': 'p' } },
    });
    // A priority on a missing node has nothing to attach to.
    expect(json(nodeUpdateChild(tree, ['x', '.priority'], leafNode(3)))).toEqual({ a: { b: 1 } });
    expect(nodeUpdateChild(tree, ['.priority'], leafNode(3)).priority).toBe(3);
  });
});
