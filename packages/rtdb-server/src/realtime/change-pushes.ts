import { nodeChild, type DataNode } from '../core/data-node.js';
import { pathIsAncestorOrSelf, pathRelative, type Path } from '../core/path.js';

/** One data push for a listen: overwrite (`d`) one location, or merge (`m`) several below `path`. */
export type DataPush =
  | { action: 'd'; path: Path; node: DataNode }
  | { action: 'm'; path: Path; children: ReadonlyArray<readonly [Path, DataNode]> };

/** What one committed write changed: the roots before and after, and the locations written. */
export interface TreeChange {
  /** Root before the write. */
  before: DataNode;
  /** Root after the write. */
  after: DataNode;
  /** Locations the write set (one for a set, several for a multi-path update). */
  paths: readonly Path[];
}

/**
 * The pushes an unfiltered (default) listen at `listenPath` needs for one committed write, sent
 * as one message so the client applies the whole write at once (a multi-path update must never be
 * seen half done):
 * - a write at or above the listen overwrites the listen location;
 * - a single write below it overwrites that location;
 * - several writes below it become one merge at their deepest common ancestor.
 *
 * Locations whose node did not change are left out; no change gives no push.
 *
 * @param listenPath - the listen location
 * @param change - the committed write
 * @returns zero or one push
 */
export function defaultListenPushes(listenPath: Path, change: TreeChange): DataPush[] {
  const below: Path[] = [];
  for (const raw of change.paths) {
    const written = stripPriority(raw);
    if (pathIsAncestorOrSelf(written, listenPath)) {
      const node = nodeChild(change.after, listenPath);
      return node === nodeChild(change.before, listenPath) ? [] : [{ action: 'd', path: listenPath, node }];
    }
    if (pathIsAncestorOrSelf(listenPath, written)) below.push(written);
  }
  const changed = outermost(below).filter(
    (path) => nodeChild(change.after, path) !== nodeChild(change.before, path),
  );
  if (changed.length === 0) return [];
  if (changed.length === 1) {
    const path = changed[0]!;
    return [{ action: 'd', path, node: nodeChild(change.after, path) }];
  }
  const base = commonAncestor(changed);
  return [
    {
      action: 'm',
      path: base,
      children: changed.map((path) => [pathRelative(base, path), nodeChild(change.after, path)] as const),
    },
  ];
}

// A priority write changes its node; the SDK handles a node overwrite more simply than a `.priority` one.
function stripPriority(path: Path): Path {
  return path.at(-1) === '.priority' ? path.slice(0, -1) : path;
}

// Drops locations covered by another written location (an update may not hold both, but a set of
// a parent and a child in one change must push the parent only).
function outermost(paths: Path[]): Path[] {
  const sorted = [...paths].sort((a, b) => a.length - b.length);
  const kept: Path[] = [];
  for (const path of sorted) {
    if (!kept.some((outer) => pathIsAncestorOrSelf(outer, path))) kept.push(path);
  }
  return kept;
}

function commonAncestor(paths: Path[]): Path {
  let base = paths[0]!;
  for (const path of paths.slice(1)) {
    let i = 0;
    while (i < base.length && i < path.length && base[i] === path[i]) i += 1;
    base = base.slice(0, i);
  }
  // A merge key must name a child, so the base stays strictly above every location.
  if (paths.some((path) => path.length === base.length)) base = base.slice(0, -1);
  return base;
}

/**
 * True when two filtered query results hold the same data. Unchanged subtrees keep their identity
 * in the immutable tree, so this is mostly reference checks.
 *
 * @param a - the result last sent
 * @param b - the result now
 * @returns whether nothing needs to be sent
 */
export function sameResult(a: DataNode, b: DataNode): boolean {
  if (a === b) return true;
  if (a.priority !== b.priority || a.leaf !== b.leaf) return false;
  if (!a.children || !b.children) return a.children === b.children;
  if (a.children.size !== b.children.size) return false;
  for (const [key, child] of a.children) {
    const other = b.children.get(key);
    if (other === undefined || !sameResult(child, other)) return false;
  }
  return true;
}
