import { nodeChild, nodeChildCount, nodeIsEmpty } from '../core/data-node.js';
import type { DataNode, Priority } from '../core/data-node.js';
import { parsePath, pathChild, pathToString } from '../core/path.js';
import type { Path } from '../core/path.js';
import type { RuleReads } from './rule-reads.js';
import { RuleOpaqueObject } from './rule-value.js';
import type { RulePrimitive, RuleSnapshotLike } from './rule-value.js';

/**
 * `root`, `data` and `newData` as rules see them: a location in one immutable tree. Navigation
 * is lazy; the node is looked up once per snapshot.
 */
export class RuleDataSnapshot implements RuleSnapshotLike {
  /** Marks the object as a snapshot. */
  readonly isRuleSnapshot = true as const;
  private nodeCache: DataNode | undefined;

  /**
   * @param root - root of the tree (current or after the write)
   * @param path - the location
   * @param reads - records each node looked at (read decisions that are re-checked after writes)
   */
  constructor(
    readonly root: DataNode,
    readonly path: Path,
    private readonly reads?: RuleReads,
  ) {}

  /** The location as `/a/b`. */
  get pathText(): string {
    return pathToString(this.path);
  }

  /** The node at the location. */
  get node(): DataNode {
    if (this.nodeCache === undefined) {
      this.nodeCache = nodeChild(this.root, this.path);
      this.reads?.noteNode(this.path, this.nodeCache);
    }
    return this.nodeCache;
  }

  /** Primitive value, `null` when absent, an opaque object when the node has children. */
  val(): RulePrimitive | RuleOpaqueObject {
    const node = this.node;
    if (node.leaf !== undefined) return node.leaf;
    return nodeIsEmpty(node) ? null : new RuleOpaqueObject(this.pathText);
  }

  /** Snapshot of a relative path; throws on an invalid path. */
  child(path: string): RuleDataSnapshot {
    return new RuleDataSnapshot(this.root, pathChild(this.path, relative(path)), this.reads);
  }

  /** Snapshot of the parent; throws at the root. */
  parent(): RuleDataSnapshot {
    if (this.path.length === 0) throw new Error('the root has no parent');
    return new RuleDataSnapshot(this.root, this.path.slice(0, -1), this.reads);
  }

  /** Whether the relative path has data. */
  hasChild(path: string): boolean {
    return !nodeIsEmpty(nodeChild(this.node, relative(path)));
  }

  /** Any children (no argument), or all the listed ones. */
  hasChildren(keys?: string[]): boolean {
    if (keys === undefined) return nodeChildCount(this.node) > 0;
    return keys.every((key) => this.hasChild(key));
  }

  /** Whether there is data here. */
  exists(): boolean {
    return !nodeIsEmpty(this.node);
  }

  /** The priority, `null` when none. */
  getPriority(): Priority {
    return this.node.priority;
  }

  /** Whether the value is a number. */
  isNumber(): boolean {
    return typeof this.node.leaf === 'number';
  }

  /** Whether the value is a string. */
  isString(): boolean {
    return typeof this.node.leaf === 'string';
  }

  /** Whether the value is a boolean. */
  isBoolean(): boolean {
    return typeof this.node.leaf === 'boolean';
  }
}

function relative(path: string): Path {
  const segments = parsePath(path);
  if (segments.length === 0) throw new Error(`"${path}" is not a child path`);
  return segments;
}
