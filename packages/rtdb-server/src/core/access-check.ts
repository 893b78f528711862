import type { AccessDecision, AccessPolicy, ReadVerdict } from './access-policy.js';
import type { DataNode } from './data-node.js';
import type { Path } from './path.js';
import type { QuerySpec } from './query-spec.js';
import type { RequestContext } from './request-context.js';
import { RtdbError } from './rtdb-error.js';
import type { WriteOp } from './write-op.js';

// The one place the admin bypass is decided: admin credentials (the `owner` token, the admin
// SDK) skip the rules, index declarations included. Every layer asks through these functions.

/**
 * Whether `ctx` may read `path` of `root` under `policy`.
 *
 * @returns the policy's decision, or allowed for an admin
 */
export function readDecision(
  policy: AccessPolicy,
  ctx: RequestContext,
  root: DataNode,
  path: Path,
  query?: QuerySpec,
): AccessDecision {
  return ctx.admin ? ALLOWED : policy.canRead(ctx, root, path, query);
}

/**
 * Whether `ctx` may read `path` of `root` under `policy`, with the test that tells whether the
 * decision still holds after later writes (for listens and streams, re-checked after each one).
 * A policy without {@link AccessPolicy.readVerdict} gets a verdict that never holds.
 *
 * @returns the verdict; an admin's holds as long as the credential stays admin
 */
export function readVerdict(
  policy: AccessPolicy,
  ctx: RequestContext,
  root: DataNode,
  path: Path,
  query?: QuerySpec,
): ReadVerdict {
  if (ctx.admin) return ADMIN_VERDICT;
  if (policy.readVerdict) return policy.readVerdict(ctx, root, path, query);
  return { decision: policy.canRead(ctx, root, path, query), holds: () => false };
}

/**
 * Refuses the read unless `policy` allows it (admins always may).
 *
 * @throws RtdbError `rtdb/permission-denied` carrying the policy's reason as `cause`
 */
export function requireRead(
  policy: AccessPolicy,
  ctx: RequestContext,
  root: DataNode,
  path: Path,
  query?: QuerySpec,
): void {
  refuseUnless(readDecision(policy, ctx, root, path, query));
}

/**
 * Refuses the write unless `policy` allows it (admins always may).
 *
 * @throws RtdbError `rtdb/permission-denied` carrying the policy's reason as `cause`
 */
export function requireWrite(
  policy: AccessPolicy,
  ctx: RequestContext,
  oldRoot: DataNode,
  ops: readonly WriteOp[],
  newRoot: DataNode,
): void {
  if (!ctx.admin) refuseUnless(policy.canWrite(ctx, oldRoot, ops, newRoot));
}

/** Whether the index a query orders by counts as declared for `ctx` (always, for admins). */
export function indexDeclared(
  policy: AccessPolicy,
  ctx: RequestContext,
  path: Path,
  index: QuerySpec['index'],
): boolean {
  return ctx.admin || policy.hasIndex(path, index);
}

const ALLOWED: AccessDecision = { allowed: true };
const ADMIN_VERDICT: ReadVerdict = { decision: ALLOWED, holds: (ctx) => ctx.admin };

/**
 * Refuses what `decision` denies.
 *
 * @throws RtdbError `rtdb/permission-denied` carrying the decision's reason as `cause`
 */
export function refuseUnless(decision: AccessDecision): void {
  if (!decision.allowed)
    throw new RtdbError('rtdb/permission-denied', 'Permission denied', { cause: decision.reason });
}
