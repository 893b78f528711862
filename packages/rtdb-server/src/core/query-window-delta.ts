import { EMPTY_NODE, nodeIsLeaf, type DataNode } from './data-node.js';
import { nodeHash } from './node-hash.js';

/** One child of a query window that is new, changed, or gone (`node` empty) since the last send. */
export interface WindowChildChange {
  /** The child's key, directly below the query location. */
  readonly key: string;
  /** Its node now; `EMPTY_NODE` when it left the window (deleted, out of range, pushed out by a limit). */
  readonly node: DataNode;
}

function sameNode(a: DataNode, b: DataNode): boolean {
  // Unchanged subtrees keep their identity in the immutable tree; the hash settles rewrites of
  // the same value.
  return a === b || nodeHash(a) === nodeHash(b);
}

/**
 * What changed between two results of one query, child by child, so a listener gets only that
 * instead of the whole window again. `undefined` when the results are not maps of children (a
 * query on a leaf): then the whole result must be sent. An empty list means nothing to send.
 * Keys come in a stable order (left first, then entered or changed, by the new result's order).
 *
 * @param last - the result last sent to the listener
 * @param next - the result now
 */
export function queryWindowDelta(last: DataNode, next: DataNode): WindowChildChange[] | undefined {
  if (nodeIsLeaf(last) || nodeIsLeaf(next)) return undefined;
  if (last.priority !== next.priority) return undefined;
  const before = last.children ?? new Map<string, DataNode>();
  const after = next.children ?? new Map<string, DataNode>();
  const changes: WindowChildChange[] = [];
  for (const key of before.keys()) if (!after.has(key)) changes.push({ key, node: EMPTY_NODE });
  for (const [key, node] of after) {
    const old = before.get(key);
    if (old === undefined || !sameNode(old, node)) changes.push({ key, node });
  }
  return changes;
}
