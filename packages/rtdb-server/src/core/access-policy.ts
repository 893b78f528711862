import type { DataNode } from './data-node.js';
import type { Path } from './path.js';
import type { QuerySpec } from './query-spec.js';
import type { RequestContext } from './request-context.js';
import type { WriteOp } from './write-op.js';

/** Outcome of a rules check; `reason` explains a denial to humans (logs, debug output). */
export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

/**
 * A read decision that can tell whether it still holds. Open listens and streams are re-checked
 * after every write; with a verdict they skip the rules whenever nothing the decision depended
 * on has changed.
 */
export interface ReadVerdict {
  /** The decision. */
  readonly decision: AccessDecision;
  /**
   * Whether the same policy would decide the same read the same way for `ctx` on the tree
   * `root`, known without deciding again; `false` whenever that is not certain.
   */
  holds(ctx: RequestContext, root: DataNode): boolean;
}

/**
 * The rules seam: REST, streams and the realtime protocol ask it before every read and write of
 * a non-admin request (the admin bypass is decided before, in `access-check`). It judges the data
 * it is handed, never a database, so a policy cannot reach into storage.
 */
export interface AccessPolicy {
  /** May `ctx` read `path` of the tree `root` (with `query`, which rules see as `query.*`)? */
  canRead(ctx: RequestContext, root: DataNode, path: Path, query?: QuerySpec): AccessDecision;
  /**
   * May `ctx` make this atomic write? `oldRoot` is the tree before it, `newRoot` the whole tree
   * after it (server values resolved). All locations are decided together: one denial refuses
   * the write.
   */
  canWrite(
    ctx: RequestContext,
    oldRoot: DataNode,
    ops: readonly WriteOp[],
    newRoot: DataNode,
  ): AccessDecision;
  /** Is a `.indexOn` declared for this index at `path`? (Undeclared child indexes → REST 400.) */
  hasIndex(path: Path, index: QuerySpec['index']): boolean;
  /**
   * {@link AccessPolicy.canRead} plus what the decision depended on, for reads that are re-checked
   * after every write. Optional: without it every re-check decides again.
   */
  readVerdict?(ctx: RequestContext, root: DataNode, path: Path, query?: QuerySpec): ReadVerdict;
}

const ALLOWED: AccessDecision = { allowed: true };

const ALWAYS: ReadVerdict = { decision: ALLOWED, holds: () => true };

/** Everything allowed and every index declared: the emulator's behaviour with no rules loaded. */
export const allowAllPolicy: AccessPolicy = {
  canRead: () => ALLOWED,
  canWrite: () => ALLOWED,
  hasIndex: () => true,
  readVerdict: () => ALWAYS,
};
