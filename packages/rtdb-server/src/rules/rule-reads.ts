import { nodeChild, type DataNode } from '../core/data-node.js';
import type { Path } from '../core/path.js';

/**
 * What one rule decision looked at: every data node it read (by location, with the node object
 * it saw) and whether it read `now`. The tree is immutable and a write replaces every node on its
 * way to the root, so a later tree holding the very same node objects at those locations would
 * lead the same rules, for the same `auth`, location and query, to the same decision.
 */
export class RuleReads {
  private readonly seen: [Path, DataNode][] = [];
  private readNow = false;

  /** A snapshot's node was looked at. */
  noteNode(path: Path, node: DataNode): void {
    this.seen.push([path, node]);
  }

  /** The rule read the server time, which differs at every request. */
  noteNow(): void {
    this.readNow = true;
  }

  /** Whether the decision made from these reads still holds for `root` (never, once `now` was read). */
  unchangedIn(root: DataNode): boolean {
    if (this.readNow) return false;
    for (const [path, node] of this.seen) if (nodeChild(root, path) !== node) return false;
    return true;
  }
}
