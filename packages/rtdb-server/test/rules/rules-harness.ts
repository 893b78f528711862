// Builds decisions for table tests: rules text + data + a hypothetical request → AccessTrace.
import { nodeFromJson } from '../../src/core/node-json.js';
import { nodeUpdateChild } from '../../src/core/data-node.js';
import { parsePath } from '../../src/core/path.js';
import type { QuerySpec } from '../../src/core/query-spec.js';
import type { AuthInfo, RequestContext } from '../../src/core/request-context.js';
import { explainRequest } from '../../src/rules/explain-request.js';
import { parseRules } from '../../src/rules/parse-rules.js';
import { RulesEvaluator, type AccessTrace } from '../../src/rules/rules-evaluator.js';

export const NOW = 1_700_000_000_000;

/** Token claims of the test users. */
export const USERS: Record<string, AuthInfo> = {
  alice: {
    uid: 'alice',
    provider: 'password',
    token: {
      email: 'alice@example.com',
      email_verified: true,
      admin: true,
      sub: 'alice',
      firebase: { sign_in_provider: 'password', identities: { email: ['alice@example.com'] } },
    },
  },
  bob: {
    uid: 'bob',
    provider: 'anonymous',
    token: { sub: 'bob', firebase: { sign_in_provider: 'anonymous' } },
  },
};

/** One hypothetical request. */
export interface Request {
  op: 'read' | 'set' | 'update';
  path: string;
  /** set: the value; update: relative path → value. */
  value?: unknown;
  as?: keyof typeof USERS | null | 'admin';
  query?: QuerySpec;
  data?: unknown;
}

export function context(as: Request['as']): RequestContext {
  if (as === 'admin') return { admin: true, auth: null, now: NOW };
  return { admin: false, auth: as ? USERS[as]! : null, now: NOW };
}

export function decide(rules: unknown, request: Request, trace = true): AccessTrace {
  const text = typeof rules === 'string' ? rules : JSON.stringify({ rules });
  const ruleSet = parseRules(text, 'test.rules.json');
  if (request.as === 'admin') {
    // The admin bypass is decided before any rule runs; explainRequest goes through it.
    const method = request.op === 'read' ? 'GET' : request.op === 'set' ? 'PUT' : 'PATCH';
    return explainRequest(ruleSet, request.data ?? null, {
      method,
      path: request.path,
      body: request.value,
      auth: 'admin',
      now: NOW,
    });
  }
  const evaluator = new RulesEvaluator(ruleSet);
  const root = nodeFromJson(request.data ?? null);
  const ctx = context(request.as);
  const path = parsePath(request.path);
  if (request.op === 'read')
    return evaluator.read({ ctx, root, path, ...(request.query ? { query: request.query } : {}) }, trace);
  let newRoot = root;
  const locations = [];
  if (request.op === 'set') {
    newRoot = nodeUpdateChild(root, path, nodeFromJson(request.value ?? null));
    locations.push(path);
  } else {
    for (const [rel, value] of Object.entries(request.value as Record<string, unknown>)) {
      const location = [...path, ...parsePath(rel)];
      newRoot = nodeUpdateChild(newRoot, location, nodeFromJson(value));
      locations.push(location);
    }
  }
  return evaluator.write({ ctx, oldRoot: root, newRoot, locations }, trace);
}
