import type { DataNode } from './data-node.js';
import type { Database, WriteOp } from './database.js';
import type { Path } from './path.js';
import type { QuerySpec } from './query-spec.js';
import type { RequestContext } from './request-context.js';

/** Outcome of a rules check; `reason` explains a denial to humans (logs, debug output). */
export type AccessDecision = { allowed: true } | { allowed: false; reason: string };

/** The rules seam: REST, streams and the realtime protocol ask it before every read and write. */
export interface AccessPolicy {
  /** May `ctx` read `path` (with `query`, which rules see as `query.*`)? */
  canRead(ctx: RequestContext, db: Database, path: Path, query?: QuerySpec): AccessDecision;
  /**
   * May `ctx` make this atomic write? `newRoot` is the whole tree after it (server values
   * resolved). All locations are decided together: one denial refuses the write.
   */
  canWrite(ctx: RequestContext, db: Database, ops: readonly WriteOp[], newRoot: DataNode): AccessDecision;
  /** Is a `.indexOn` declared for this index at `path`? (Undeclared child indexes → REST 400.) */
  hasIndex(db: Database, path: Path, index: QuerySpec['index']): boolean;
}

const ALLOWED: AccessDecision = { allowed: true };

/** Everything allowed and every index declared: the emulator's behaviour with no rules loaded. */
export const allowAllPolicy: AccessPolicy = {
  canRead: () => ALLOWED,
  canWrite: () => ALLOWED,
  hasIndex: () => true,
};
