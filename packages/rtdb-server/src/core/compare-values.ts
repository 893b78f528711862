import { compareKeys } from './compare-keys.js';
import type { DataNode } from './data-node.js';
import { nodeChild, nodeIsEmpty, nodeSortedKeys, type Priority } from './data-node.js';
import type { Path } from './path.js';

/** Marks "some object" in value comparisons: all objects sort equal, after every primitive. */
export const OBJECT_VALUE: unique symbol = Symbol('object');

/** What a query compares: a primitive, `null` for absent, or {@link OBJECT_VALUE}. */
export type IndexValue = null | boolean | number | string | typeof OBJECT_VALUE;

function rank(value: IndexValue): number {
  if (value === null) return 0;
  if (value === false) return 1;
  if (value === true) return 2;
  if (typeof value === 'number') return 3;
  if (typeof value === 'string') return 4;
  return 5;
}

/** Firebase value order: null < false < true < numbers < strings < objects (objects all equal). */
export function compareValues(a: IndexValue, b: IndexValue): number {
  const ra = rank(a);
  const rb = rank(b);
  if (ra !== rb) return ra - rb;
  if (typeof a === 'number' && typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
  if (typeof a === 'string' && typeof b === 'string') return a === b ? 0 : a < b ? -1 : 1;
  return 0;
}

/** Priority order: none < numbers < strings. */
export function comparePriorities(a: Priority, b: Priority): number {
  return compareValues(a, b);
}

/** The value a node presents to a `.value` index. */
export function nodeIndexValue(node: DataNode): IndexValue {
  if (node.leaf !== undefined) return node.leaf;
  return nodeIsEmpty(node) ? null : OBJECT_VALUE;
}

/** The value a child presents to a child-path index (missing → null). */
export function nodeChildIndexValue(node: DataNode, path: Path): IndexValue {
  return nodeIndexValue(nodeChild(node, path));
}

/** Child keys in priority order (priority, then key): the order used by hashing and iteration. */
export function nodeKeysByPriority(node: DataNode): readonly string[] {
  const keys = nodeSortedKeys(node);
  const children = node.children;
  if (!children) return keys;
  let anyPriority = false;
  for (const child of children.values()) {
    if (child.priority !== null) {
      anyPriority = true;
      break;
    }
  }
  if (!anyPriority) return keys;
  return [...keys].sort(
    (a, b) => comparePriorities(children.get(a)!.priority, children.get(b)!.priority) || compareKeys(a, b),
  );
}
