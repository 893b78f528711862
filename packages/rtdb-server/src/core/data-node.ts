import { ChildMap, CHILD_MAP_THRESHOLD } from './child-map.js';
import { compareKeys } from './compare-keys.js';
import type { Path } from './path.js';

/** A leaf's value. */
export type LeafValue = boolean | number | string;
/** A node's priority: absent (`null`), a number or a string. */
export type Priority = number | string | null;

/**
 * One immutable node of the tree: empty, a leaf, or children. Derived facts (hash, sorted keys,
 * query indexes) are computed on first use and cached beside the node (never in it, so the
 * millions of leaves stay small), which is safe because nodes never change.
 */
export class DataNode {
  /** The leaf value; `undefined` for empty and interior nodes. */
  readonly leaf: LeafValue | undefined;
  /** Children of an interior node (never empty maps); `undefined` otherwise. */
  readonly children: ReadonlyMap<string, DataNode> | undefined;
  /** The node's priority (`null` for none). */
  readonly priority: Priority;

  /** @internal use the `node*` functions and {@link EMPTY_NODE} instead. */
  constructor(
    leaf: LeafValue | undefined,
    children: ReadonlyMap<string, DataNode> | undefined,
    priority: Priority,
  ) {
    this.leaf = leaf;
    this.children = children;
    this.priority = priority;
  }
}

/** The node of an absent location (`null`). */
export const EMPTY_NODE = new DataNode(undefined, undefined, null);

/** A leaf node. */
export function leafNode(value: LeafValue, priority: Priority = null): DataNode {
  return new DataNode(value, undefined, priority);
}

/** An interior node from a map of non-empty children (empty map → {@link EMPTY_NODE}). */
export function childrenNode(children: ReadonlyMap<string, DataNode>, priority: Priority = null): DataNode {
  return children.size === 0 ? EMPTY_NODE : new DataNode(undefined, children, priority);
}

/** True for an absent location. */
export function nodeIsEmpty(node: DataNode): boolean {
  return node.leaf === undefined && node.children === undefined;
}

/** True for a leaf node. */
export function nodeIsLeaf(node: DataNode): boolean {
  return node.leaf !== undefined;
}

/** The node's priority (`null` for none). */
export function nodeGetPriority(node: DataNode): Priority {
  return node.priority;
}

/** The node with its priority replaced; the empty node ignores priorities. */
export function nodeWithPriority(node: DataNode, priority: Priority): DataNode {
  if (nodeIsEmpty(node) || node.priority === priority) return node;
  return new DataNode(node.leaf, node.children, priority);
}

/** The direct child `key` (a `.priority` key gives the priority as a leaf). */
export function nodeImmediateChild(node: DataNode, key: string): DataNode {
  if (key === '.priority') return node.priority === null ? EMPTY_NODE : leafNode(node.priority);
  return node.children?.get(key) ?? EMPTY_NODE;
}

/** The node at `path` below `node` (empty when absent). */
export function nodeChild(node: DataNode, path: Path): DataNode {
  let current = node;
  for (const key of path) {
    current = nodeImmediateChild(current, key);
    if (nodeIsEmpty(current)) return EMPTY_NODE;
  }
  return current;
}

/** Number of direct children. */
export function nodeChildCount(node: DataNode): number {
  return node.children?.size ?? 0;
}

const sortedKeysCache = new WeakMap<DataNode, string[]>();

/** Child keys in Firebase key order. */
export function nodeSortedKeys(node: DataNode): readonly string[] {
  if (!node.children) return [];
  let keys = sortedKeysCache.get(node);
  if (!keys) {
    keys = [...node.children.keys()].sort(compareKeys);
    sortedKeysCache.set(node, keys);
  }
  return keys;
}

/** Called when `after` was made from `before` by replacing the child `key`: lets caches carry over. */
export type NodeDerivationHook = (before: DataNode, after: DataNode, key: string) => void;
const derivationHooks: NodeDerivationHook[] = [];

/** Registers a {@link NodeDerivationHook} (query indexes use it to update instead of re-sorting). */
export function onNodeDerived(hook: NodeDerivationHook): void {
  derivationHooks.push(hook);
}

/** Position of `key` in ascending `keys`, or where it would be inserted. */
function keyPosition(keys: readonly string[], key: string): number {
  let lo = 0;
  let hi = keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compareKeys(keys[mid]!, key) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function carrySortedKeys(before: DataNode, after: DataNode, key: string): void {
  const keys = sortedKeysCache.get(before);
  if (!keys) return;
  const had = before.children?.has(key) ?? false;
  const has = after.children?.has(key) ?? false;
  if (had === has) {
    // Same key set: the order cannot have changed.
    sortedKeysCache.set(after, keys);
    return;
  }
  const next = [...keys];
  const at = keyPosition(next, key);
  if (has) next.splice(at, 0, key);
  else next.splice(at, 1);
  sortedKeysCache.set(after, next);
}

/** Replaces the direct child `key`; an empty child removes it. Keeps the node's priority. */
export function nodeUpdateImmediateChild(node: DataNode, key: string, child: DataNode): DataNode {
  if (key === '.priority') {
    return nodeWithPriority(
      node,
      child.leaf === undefined || typeof child.leaf === 'boolean' ? null : child.leaf,
    );
  }
  const existing = node.children?.get(key);
  if (existing === child || (existing === undefined && nodeIsEmpty(child))) return node;
  const value = nodeIsEmpty(child) ? undefined : child;
  let children: ReadonlyMap<string, DataNode>;
  const current = node.children;
  if (current instanceof ChildMap) {
    children = current.with(key, value);
  } else if (current && current.size >= CHILD_MAP_THRESHOLD) {
    children = ChildMap.from(current).with(key, value);
  } else {
    const copy = new Map(current ?? []);
    if (value === undefined) copy.delete(key);
    else copy.set(key, value);
    children = copy;
  }
  if (children.size === 0) return EMPTY_NODE;
  const updated = new DataNode(undefined, children, node.priority);
  carrySortedKeys(node, updated, key);
  for (const hook of derivationHooks) hook(node, updated, key);
  return updated;
}

/** Replaces the node at `path` below `node`, creating or pruning ancestors as needed. */
export function nodeUpdateChild(node: DataNode, path: Path, child: DataNode): DataNode {
  if (path.length === 0) return child;
  const [head, ...rest] = path as [string, ...string[]];
  if (head === '.priority' && rest.length === 0) return nodeUpdateImmediateChild(node, head, child);
  const updated = nodeUpdateChild(nodeImmediateChild(node, head), rest, child);
  return nodeUpdateImmediateChild(node, head, updated);
}
