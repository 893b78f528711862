import type { AccessDecision, AccessPolicy, ReadVerdict } from '../core/access-policy.js';
import type { DataNode } from '../core/data-node.js';
import type { Path } from '../core/path.js';
import type { QuerySpec } from '../core/query-spec.js';
import type { RequestContext } from '../core/request-context.js';
import type { WriteOp } from '../core/write-op.js';
import { RuleReads } from './rule-reads.js';
import type { AccessTrace, RulesEvaluator } from './rules-evaluator.js';

/** What a {@link RulesPolicy} needs: the rules in force for a namespace, and where denials go. */
export interface RulesSource {
  /** The evaluator of the namespace's rules; `undefined` when none are loaded (all allowed). */
  evaluator(ns: string): RulesEvaluator | undefined;
  /** Keeps a denial for the denial log. */
  recordDenial(ns: string, uid: string | null, trace: AccessTrace, now: number): void;
}

const ALLOWED: AccessDecision = { allowed: true };

/**
 * The {@link AccessPolicy} of one namespace backed by security rules. It asks its source on
 * every call, so a rules change applies to the very next request. Denials are recorded with
 * their explanation; `reason` carries the same text. Admin requests never reach it.
 */
export class RulesPolicy implements AccessPolicy {
  /**
   * @param source - the rules in force and the denial log (a `RulesRegistry`)
   * @param ns - the namespace this policy decides for
   */
  constructor(
    readonly source: RulesSource,
    readonly ns: string,
  ) {}

  /** May `ctx` read `path` of `root` with `query`? */
  canRead(ctx: RequestContext, root: DataNode, path: Path, query?: QuerySpec): AccessDecision {
    const evaluator = this.source.evaluator(this.ns);
    if (!evaluator) return ALLOWED;
    const trace = evaluator.read({ ctx, root, path, ...(query ? { query } : {}) });
    return this.decided(ctx, trace);
  }

  /**
   * {@link RulesPolicy.canRead}, recording what the rules looked at. The verdict holds while the
   * same rules are in force, the reader has the same `auth` (the same object: credentials are
   * never changed in place), the rules did not read `now`, and every data node they read is
   * still the same node of the tree.
   */
  readVerdict(ctx: RequestContext, root: DataNode, path: Path, query?: QuerySpec): ReadVerdict {
    const evaluator = this.source.evaluator(this.ns);
    if (!evaluator) {
      return {
        decision: ALLOWED,
        holds: (later) => !later.admin && this.source.evaluator(this.ns) === undefined,
      };
    }
    const reads = new RuleReads();
    const decision = this.decided(
      ctx,
      evaluator.read({ ctx, root, path, ...(query ? { query } : {}) }, false, reads),
    );
    const auth = ctx.auth;
    return {
      decision,
      holds: (later, laterRoot) =>
        !later.admin &&
        later.auth === auth &&
        this.source.evaluator(this.ns) === evaluator &&
        reads.unchangedIn(laterRoot),
    };
  }

  /** May `ctx` make this atomic write? Every location must be allowed and every `.validate` hold. */
  canWrite(
    ctx: RequestContext,
    oldRoot: DataNode,
    ops: readonly WriteOp[],
    newRoot: DataNode,
  ): AccessDecision {
    const evaluator = this.source.evaluator(this.ns);
    if (!evaluator) return ALLOWED;
    const locations = ops.map((op) =>
      op.path[op.path.length - 1] === '.priority' ? op.path.slice(0, -1) : op.path,
    );
    return this.decided(ctx, evaluator.write({ ctx, oldRoot, newRoot, locations }));
  }

  /** Whether `.indexOn` declares this index at `path` (always true without rules). */
  hasIndex(path: Path, index: QuerySpec['index']): boolean {
    const evaluator = this.source.evaluator(this.ns);
    return evaluator ? evaluator.hasIndex(path, index) : true;
  }

  private decided(ctx: RequestContext, trace: AccessTrace): AccessDecision {
    if (trace.allowed) return ALLOWED;
    this.source.recordDenial(this.ns, ctx.auth?.uid ?? null, trace, ctx.now);
    return { allowed: false, reason: trace.denial?.reason ?? 'Permission denied' };
  }
}
