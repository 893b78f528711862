import type { AccessDecision, AccessPolicy } from '../core/access-policy.js';
import type { DataNode } from '../core/data-node.js';
import type { Database, WriteOp } from '../core/database.js';
import type { Path } from '../core/path.js';
import type { QuerySpec } from '../core/query-spec.js';
import type { RequestContext } from '../core/request-context.js';
import type { RulesRegistry } from './rules-registry.js';

const ALLOWED: AccessDecision = { allowed: true };

/**
 * The {@link AccessPolicy} of one namespace backed by security rules. It reads the registry on
 * every call, so a rules change applies to the very next request. Denials are recorded in the
 * registry's denial log with their explanation; `reason` carries the same text.
 */
export class RulesPolicy implements AccessPolicy {
  /**
   * @param registry - where the rules in force and the denial log live
   * @param ns - the namespace this policy decides for
   */
  constructor(
    readonly registry: RulesRegistry,
    readonly ns: string,
  ) {}

  /** May `ctx` read `path` with `query`? */
  canRead(ctx: RequestContext, db: Database, path: Path, query?: QuerySpec): AccessDecision {
    if (ctx.admin) return ALLOWED;
    const evaluator = this.registry.evaluator(this.ns);
    if (!evaluator) return ALLOWED;
    const trace = evaluator.read({ ctx, root: db.root(), path, ...(query ? { query } : {}) });
    if (trace.allowed) return ALLOWED;
    this.registry.recordDenial(this.ns, ctx.auth?.uid ?? null, trace, ctx.now);
    return { allowed: false, reason: trace.denial?.reason ?? 'Permission denied' };
  }

  /** May `ctx` make this atomic write? Every location must be allowed and every `.validate` hold. */
  canWrite(ctx: RequestContext, db: Database, ops: readonly WriteOp[], newRoot: DataNode): AccessDecision {
    if (ctx.admin) return ALLOWED;
    const evaluator = this.registry.evaluator(this.ns);
    if (!evaluator) return ALLOWED;
    const locations = ops.map((op) =>
      op.path[op.path.length - 1] === '.priority' ? op.path.slice(0, -1) : op.path,
    );
    const trace = evaluator.write({ ctx, oldRoot: db.latestRoot(), newRoot, locations });
    if (trace.allowed) return ALLOWED;
    this.registry.recordDenial(this.ns, ctx.auth?.uid ?? null, trace, ctx.now);
    return { allowed: false, reason: trace.denial?.reason ?? 'Permission denied' };
  }

  /** Whether `.indexOn` declares this index at `path` (always true without rules). */
  hasIndex(_db: Database, path: Path, index: QuerySpec['index']): boolean {
    const evaluator = this.registry.evaluator(this.ns);
    return evaluator ? evaluator.hasIndex(path, index) : true;
  }
}
