import { fromExportFormat } from './export-format.js';
import { compareKeys } from './key-compare.js';
import { effectiveIndex, type QueryIndex, type QuerySpec } from './query-spec.js';
import { comparePriorities, compareValues } from './value-compare.js';

/** One child of a query result. */
export interface QueryEntry<T = unknown> {
  /** The child's key. */
  readonly key: string;
  /** The child's value (plain JSON, no export wrappers). */
  readonly value: T;
  /** The child's priority; only known when the read used `format=export` (priority queries do). */
  readonly priority: string | number | null;
}

/** The direct children of a REST answer; arrays are map nodes whose keys are indexes. */
function childrenOf(body: unknown): Array<[string, unknown]> {
  if (Array.isArray(body)) {
    return body.flatMap((value, index): Array<[string, unknown]> =>
      value === null ? [] : [[String(index), value]],
    );
  }
  if (typeof body === 'object' && body !== null) {
    return Object.entries(body).filter(([key, value]) => key !== '.priority' && value !== null);
  }
  return [];
}

function childAt(value: unknown, path: string): unknown {
  let node = value;
  for (const segment of path.split('/')) {
    if (typeof node !== 'object' || node === null) return null;
    node = (node as Record<string, unknown>)[segment];
  }
  return node ?? null;
}

function comparatorFor(index: QueryIndex): (a: QueryEntry, b: QueryEntry) => number {
  const byKey = (a: QueryEntry, b: QueryEntry): number => compareKeys(a.key, b.key);
  switch (index.kind) {
    case 'key':
      return byKey;
    case 'value':
      return (a, b) => compareValues(a.value, b.value) || byKey(a, b);
    case 'priority':
      return (a, b) => comparePriorities(a.priority, b.priority) || byKey(a, b);
    case 'child':
      return (a, b) =>
        compareValues(childAt(a.value, index.path), childAt(b.value, index.path)) || byKey(a, b);
  }
}

/**
 * Orders the children of a REST query answer the way Firebase orders the query (REST answers are
 * unordered JSON objects). `exported` says the body came from `format=export`: its wrappers are
 * stripped and the priorities kept for ordering.
 */
export function orderQueryResult(spec: QuerySpec, body: unknown, exported: boolean): QueryEntry[] {
  const entries = childrenOf(body).map(([key, raw]): QueryEntry => {
    if (!exported) return { key, value: raw, priority: null };
    const { value, priority } = fromExportFormat(raw);
    return { key, value, priority };
  });
  return entries.filter((entry) => entry.value !== null).sort(comparatorFor(effectiveIndex(spec)));
}
