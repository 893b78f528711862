/** What differs between two values of the same database subtree. */
export interface TreeChanges {
  /** Paths (`/a/b`, relative to the viewed subtree) of leaves that are new or hold another value. */
  readonly changed: readonly string[];
  /** Paths of the topmost nodes that existed before and are gone now (their children are not listed). */
  readonly removed: readonly string[];
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isBranch(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** A JSON value's children as the database sees them (arrays are objects keyed 0, 1, …). */
function childrenOf(value: Record<string, unknown>): Array<[string, unknown]> {
  return Object.entries(value).filter(([, child]) => child !== null && child !== undefined);
}

/**
 * Compares two snapshots of a subtree (what `onValue` delivered before and now). A leaf counts as
 * changed when it is new or its value differs; a branch replaced by a leaf (or the other way
 * round) counts as the new node changed. Removed nodes are reported at their topmost path only,
 * so a viewer can show the whole branch leaving at once.
 * @param before - the previous value (`null` when there was none)
 * @param after - the current value
 * @param path - path of the compared node (default the viewed root, `""`)
 */
export function treeChanges(before: unknown, after: unknown, path = ''): TreeChanges {
  const changed: string[] = [];
  const removed: string[] = [];
  collect(before as Json | undefined, after as Json | undefined, path, changed, removed);
  return { changed, removed };
}

function collect(before: unknown, after: unknown, path: string, changed: string[], removed: string[]): void {
  const had = before !== null && before !== undefined;
  const has = after !== null && after !== undefined;
  if (!has) {
    if (had) removed.push(path === '' ? '/' : path);
    return;
  }
  if (!isBranch(after)) {
    if (!had || isBranch(before) || before !== after) changed.push(path === '' ? '/' : path);
    return;
  }
  const previous = had && isBranch(before) ? before : {};
  if (had && !isBranch(before)) changed.push(path === '' ? '/' : path);
  const keys = new Set<string>();
  for (const [key] of childrenOf(previous)) keys.add(key);
  for (const [key] of childrenOf(after)) keys.add(key);
  for (const key of [...keys].sort(compareKeys)) {
    collect(previous[key], after[key], `${path}/${key}`, changed, removed);
  }
}

/**
 * The database's key order: keys that are 32-bit integers first, numerically, then the rest as
 * strings. Push ids are strings that sort by creation time, so readings come out oldest first.
 * @param a - a key
 * @param b - another key
 */
export function compareKeys(a: string, b: string): number {
  const ia = integerKey(a);
  const ib = integerKey(b);
  if (ia !== undefined && ib !== undefined) return ia - ib;
  if (ia !== undefined) return -1;
  if (ib !== undefined) return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function integerKey(key: string): number | undefined {
  if (!/^-?(0|[1-9]\d{0,9})$/.test(key)) return undefined;
  const n = Number(key);
  return n >= -2147483648 && n <= 2147483647 ? n : undefined;
}
