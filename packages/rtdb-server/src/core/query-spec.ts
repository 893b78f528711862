import { compareKeys, MAX_NAME, MIN_NAME } from './compare-keys.js';
import { compareValues, nodeChildIndexValue, nodeIndexValue, type IndexValue } from './compare-values.js';
import {
  childrenNode,
  EMPTY_NODE,
  nodeIsEmpty,
  nodeSortedKeys,
  onNodeDerived,
  type DataNode,
} from './data-node.js';
import type { Path } from './path.js';

/** A JSON primitive, as query endpoints carry. */
export type JsonPrimitive = null | boolean | number | string;

/** Which value children are ordered by. */
export type QueryIndex =
  { kind: 'priority' } | { kind: 'key' } | { kind: 'value' } | { kind: 'child'; path: Path };

/** One end of a range: a value of the index and, for ties, a key (may be a MIN/MAX sentinel). */
export interface QueryBound {
  /** Index value (for the key index: the key). */
  value: JsonPrimitive;
  /** Key that breaks ties among equal values; absent = the widest choice for the bound. */
  key?: string;
  /** Whether a child equal to the bound is inside the range. */
  inclusive: boolean;
}

/** A filtered/ordered read, shared by REST params, the realtime query object and rules' `query`. */
export interface QuerySpec {
  /** The ordering. */
  index: QueryIndex;
  /** Lower bound. */
  start?: QueryBound;
  /** Upper bound. */
  end?: QueryBound;
  /** Keep only the first or last `count` children of the range. */
  limit?: { count: number; from: 'first' | 'last' };
}

/** The default query: priority order, no range, no limit. */
export const DEFAULT_QUERY: QuerySpec = { index: { kind: 'priority' } };

/** True when the query selects the whole location (no range and no limit). */
export function queryIsDefault(spec: QuerySpec | undefined): boolean {
  return !spec || (!spec.start && !spec.end && !spec.limit);
}

/** The value a child presents to the query's index. */
export function queryIndexValue(spec: QuerySpec, key: string, child: DataNode): IndexValue {
  switch (spec.index.kind) {
    case 'key':
      return key;
    case 'priority':
      return child.priority;
    case 'value':
      return nodeIndexValue(child);
    case 'child':
      return nodeChildIndexValue(child, spec.index.path);
  }
}

/** Compares two children the way the query orders them. */
export function queryCompare(spec: QuerySpec, a: [string, DataNode], b: [string, DataNode]): number {
  if (spec.index.kind === 'key') return compareKeys(a[0], b[0]);
  return (
    compareValues(queryIndexValue(spec, a[0], a[1]), queryIndexValue(spec, b[0], b[1])) ||
    compareKeys(a[0], b[0])
  );
}

function compareToBound(
  spec: QuerySpec,
  key: string,
  child: DataNode,
  bound: QueryBound,
  side: 'start' | 'end',
): number {
  if (spec.index.kind === 'key') {
    return compareKeys(key, typeof bound.value === 'string' ? bound.value : String(bound.value));
  }
  const byValue = compareValues(queryIndexValue(spec, key, child), bound.value);
  if (byValue !== 0) return byValue;
  const boundKey =
    bound.key ??
    (side === 'start' ? (bound.inclusive ? MIN_NAME : MAX_NAME) : bound.inclusive ? MAX_NAME : MIN_NAME);
  return compareKeys(key, boundKey);
}

/** True when the child lies within the query's range (limits aside). */
export function queryInRange(spec: QuerySpec, key: string, child: DataNode): boolean {
  if (spec.start) {
    const c = compareToBound(spec, key, child, spec.start, 'start');
    if (c < 0 || (c === 0 && !spec.start.inclusive)) return false;
  }
  if (spec.end) {
    const c = compareToBound(spec, key, child, spec.end, 'end');
    if (c > 0 || (c === 0 && !spec.end.inclusive)) return false;
  }
  return true;
}

interface SortedIndex {
  index: QueryIndex;
  keys: string[];
  values: IndexValue[];
}

const indexCache = new WeakMap<DataNode, Map<string, SortedIndex>>();

function indexName(index: QueryIndex): string {
  return index.kind === 'child' ? `child:${index.path.join('/')}` : index.kind;
}

/**
 * Children sorted by (index value, key), built once per node version and index: repeated queries
 * on unchanged data then cost two binary searches.
 */
function sortedIndex(node: DataNode, spec: QuerySpec): SortedIndex {
  let perNode = indexCache.get(node);
  if (!perNode) indexCache.set(node, (perNode = new Map()));
  const name = indexName(spec.index);
  let index = perNode.get(name);
  if (!index) {
    const children = node.children!;
    const keyOrder = nodeSortedKeys(node);
    if (spec.index.kind === 'key') {
      index = { index: spec.index, keys: [...keyOrder], values: [...keyOrder] };
    } else {
      const values = keyOrder.map((key) => queryIndexValue(spec, key, children.get(key)!));
      // Keys start in key order and the sort is stable, so ties stay in key order.
      const order = values.map((_, i) => i).sort((a, b) => compareValues(values[a]!, values[b]!));
      index = {
        index: spec.index,
        keys: order.map((i) => keyOrder[i]!),
        values: order.map((i) => values[i]!),
      };
    }
    perNode.set(name, index);
  }
  return index;
}

/** Position of (value, key) in the sorted index, or where it would be inserted. */
function entryPosition(index: SortedIndex, value: IndexValue, key: string): number {
  let lo = 0;
  let hi = index.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const c =
      index.index.kind === 'key'
        ? compareKeys(index.keys[mid]!, key)
        : compareValues(index.values[mid]!, value) || compareKeys(index.keys[mid]!, key);
    if (c < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The index of `after`, made from the index of `before` when only child `key` changed: one
 * removal and one insertion instead of a full sort. `undefined` if it cannot be carried over.
 */
function carryIndex(
  index: SortedIndex,
  before: DataNode,
  after: DataNode,
  key: string,
): SortedIndex | undefined {
  const spec: QuerySpec = { index: index.index };
  const oldChild = before.children?.get(key);
  const newChild = after.children?.get(key);
  const oldValue = oldChild ? queryIndexValue(spec, key, oldChild) : undefined;
  const newValue = newChild ? queryIndexValue(spec, key, newChild) : undefined;
  if (oldValue !== undefined && newValue !== undefined && oldValue === newValue) return index;
  const next: SortedIndex = { index: index.index, keys: [...index.keys], values: [...index.values] };
  if (oldValue !== undefined) {
    const at = entryPosition(next, oldValue, key);
    if (next.keys[at] !== key) return undefined;
    next.keys.splice(at, 1);
    next.values.splice(at, 1);
  }
  if (newValue !== undefined) {
    const at = entryPosition(next, newValue, key);
    next.keys.splice(at, 0, key);
    next.values.splice(at, 0, newValue);
  }
  return next;
}

onNodeDerived((before, after, key) => {
  const perNode = indexCache.get(before);
  if (!perNode) return;
  const carried = new Map<string, SortedIndex>();
  for (const [name, index] of perNode) {
    const next = carryIndex(index, before, after, key);
    if (next) carried.set(name, next);
  }
  if (carried.size > 0) indexCache.set(after, carried);
});

/** First position whose entry is not below the bound (`strict`: not at or below it). */
function lowerBound(
  spec: QuerySpec,
  index: SortedIndex,
  node: DataNode,
  bound: QueryBound,
  side: 'start' | 'end',
  strict: boolean,
): number {
  let lo = 0;
  let hi = index.keys.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const key = index.keys[mid]!;
    const c = compareToBound(spec, key, node.children!.get(key)!, bound, side);
    if (c < 0 || (strict && c === 0)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Keys of the children the query selects, in the query's order. */
export function queryKeys(node: DataNode, spec: QuerySpec): string[] {
  if (!node.children) return [];
  const index = sortedIndex(node, spec);
  const from = spec.start ? lowerBound(spec, index, node, spec.start, 'start', !spec.start.inclusive) : 0;
  const to = spec.end
    ? lowerBound(spec, index, node, spec.end, 'end', spec.end.inclusive)
    : index.keys.length;
  if (to <= from) return [];
  let first = from;
  let last = to;
  if (spec.limit) {
    const count = Math.max(0, spec.limit.count);
    if (spec.limit.from === 'first') last = Math.min(to, from + count);
    else first = Math.max(from, to - count);
  }
  return index.keys.slice(first, last);
}

/**
 * The children of `node` selected by `spec`, as a node at the query location (a leaf location
 * has no children, so a filtered query on it is empty). Default queries return `node` itself.
 */
export function applyQuery(node: DataNode, spec: QuerySpec | undefined): DataNode {
  if (!spec || queryIsDefault(spec)) return node;
  if (nodeIsEmpty(node) || !node.children) return EMPTY_NODE;
  const children = new Map<string, DataNode>();
  for (const key of queryKeys(node, spec)) children.set(key, node.children.get(key)!);
  return childrenNode(children, node.priority);
}
