import { nodeChild, nodeUpdateChild } from '../core/data-node.js';
import { nodeFromJson } from '../core/node-json.js';
import { parsePath, pathToString } from '../core/path.js';
import type { Path } from '../core/path.js';
import type { QuerySpec } from '../core/query-spec.js';
import type { AuthInfo, RequestContext } from '../core/request-context.js';
import { RtdbError } from '../core/rtdb-error.js';
import { resolveServerValues } from '../core/server-values.js';
import { RulesEvaluator } from './rules-evaluator.js';
import type { AccessTrace } from './rules-evaluator.js';
import type { RuleSet } from './rule-set.js';

/** A request to decide without sending it: what `iotkit rules explain` evaluates. */
export interface HypotheticalRequest {
  /** REST method: GET reads; PUT, POST, PATCH and DELETE write. */
  method: string;
  /** Location, like `/devices/alice/latest` (a trailing `.json` is ignored). */
  path: string;
  /** Request body for PUT/POST/PATCH (server values such as `{".sv": "timestamp"}` are resolved). */
  body?: unknown;
  /** Who asks: a user, `admin`, or `null` for unauthenticated. */
  auth: AuthInfo | 'admin' | null;
  /** Query of a GET, seen by rules as `query.*`. */
  query?: QuerySpec;
  /** Server time in ms (default `Date.now()`). */
  now?: number;
  /** Key a POST creates (default a fixed sample push id). */
  pushId?: string;
}

/** A user as rules see one signed in with email/password; extra claims go into `auth.token`. */
export function passwordUser(uid: string, claims: Record<string, unknown> = {}): AuthInfo {
  return {
    uid,
    provider: 'password',
    token: { sub: uid, user_id: uid, firebase: { sign_in_provider: 'password' }, ...claims },
  };
}

/**
 * Decide a hypothetical REST request against rules and data, with the full trace of every rule
 * evaluated.
 *
 * @param rules - the rules
 * @param data - current database content (export JSON; `null` for empty)
 * @param request - the request
 * @throws RtdbError for an unknown method or an invalid path, body or update key
 */
export function explainRequest(rules: RuleSet, data: unknown, request: HypotheticalRequest): AccessTrace {
  const evaluator = new RulesEvaluator(rules);
  const now = request.now ?? Date.now();
  const ctx: RequestContext =
    request.auth === 'admin' ? { admin: true, auth: null, now } : { admin: false, auth: request.auth, now };
  const root = nodeFromJson(data ?? null);
  const path = parsePath(request.path.replace(/\.json$/, ''));
  const method = request.method.toUpperCase();
  if (ctx.admin && ['GET', 'PUT', 'POST', 'PATCH', 'DELETE'].includes(method))
    return {
      operation: method === 'GET' ? 'read' : 'write',
      paths: [pathToString(path)],
      allowed: true,
      admin: true,
      steps: [],
    };
  if (method === 'GET')
    return evaluator.read({ ctx, root, path, ...(request.query ? { query: request.query } : {}) }, true);
  const writes: [Path, unknown][] = [];
  if (method === 'PUT') writes.push([path, request.body ?? null]);
  else if (method === 'DELETE') writes.push([path, null]);
  else if (method === 'POST')
    writes.push([[...path, request.pushId ?? '-Nexplain0000000000'], request.body ?? null]);
  else if (method === 'PATCH') {
    const body = request.body;
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      throw new RtdbError(
        'rtdb/invalid-data',
        'Invalid data; a PATCH body must be an object of relative paths',
      );
    }
    for (const [key, value] of Object.entries(body)) writes.push([[...path, ...parsePath(key)], value]);
  } else {
    throw new RtdbError(
      'rtdb/method-not-allowed',
      `Method ${request.method} is not one of GET, PUT, POST, PATCH, DELETE`,
    );
  }
  let newRoot = root;
  for (const [location, value] of writes) {
    const resolved = resolveServerValues(value, nodeChild(newRoot, location), now);
    newRoot = nodeUpdateChild(newRoot, location, nodeFromJson(resolved, { baseDepth: location.length }));
  }
  return evaluator.write(
    { ctx, oldRoot: root, newRoot, locations: writes.map(([location]) => location) },
    true,
  );
}

/**
 * A trace as text for people: the decision, then each rule evaluated with its place in the file
 * and, for rules that were not true, the sub-expression responsible.
 */
export function formatTrace(trace: AccessTrace): string {
  const lines: string[] = [];
  const what = `${trace.operation} ${trace.paths.join(', ')}`;
  lines.push(`${trace.allowed ? 'ALLOWED' : 'DENIED'}: ${what}`);
  if (trace.admin) {
    lines.push('  admin credentials bypass the rules');
    return lines.join('\n');
  }
  for (const step of trace.steps) {
    const mark = step.result ? '✓' : '✗';
    const where = `${step.location.file}:${step.location.line}:${step.location.column}`;
    lines.push(`  ${mark} .${step.kind} at ${step.path}  ${where} (${step.location.rulePath})`);
    lines.push(`      ${step.source}`);
    if (!step.result && step.explanation) {
      lines.push(
        `      → ${step.subExpression === undefined ? '' : `\`${step.subExpression}\` `}${step.explanation}`,
      );
    }
  }
  if (trace.steps.length === 0) lines.push('  no rule applies to this location');
  if (trace.denial) lines.push(`  reason: ${trace.denial.reason}`);
  return lines.join('\n');
}
