import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../core/request-context.js';
import { RtdbError } from '../core/rtdb-error.js';
import { parseJsonc } from '../rules/jsonc-value.js';
import { sendJsonText } from './http-reply.js';
import { readBody } from './read-body.js';
import type { RestContext } from './rest-context.js';

/** Rules text reported when none were ever loaded (everything allowed, as the emulator does). */
export const OPEN_RULES_TEXT = '{\n  "rules": {\n    ".read": true,\n    ".write": true\n  }\n}\n';

/** `/.settings/rules.json`: GET the raw rules text (or `?format=strict` JSON), PUT new rules. Admin only. */
export async function handleRulesRequest(
  req: IncomingMessage,
  res: ServerResponse,
  method: string,
  params: URLSearchParams,
  namespace: string,
  ctx: RequestContext,
  server: RestContext,
): Promise<void> {
  if (!ctx.admin) throw new RtdbError('rtdb/permission-denied', 'Permission denied');
  if (method === 'GET') {
    const text = server.rulesText(namespace) ?? OPEN_RULES_TEXT;
    if (params.get('format') === 'strict') {
      sendJsonText(req, res, 200, JSON.stringify(parseRulesText(text), null, 2));
    } else {
      sendJsonText(req, res, 200, text);
    }
    return;
  }
  if (method === 'PUT') {
    const text = await readBody(req, server.maxRequestBytes);
    await server.putRules(namespace, text);
    sendJsonText(req, res, 200, JSON.stringify({ status: 'ok' }));
    return;
  }
  throw new RtdbError(
    'rtdb/method-not-allowed',
    `Method ${method} is not supported on /.settings/rules.json`,
  );
}

/** Parses rules text (JSON with comments), refusing text that is not an object with `rules`. */
export function parseRulesText(text: string): Record<string, unknown> {
  const value = parseJsonc(text);
  if (value === undefined) {
    throw new RtdbError('rtdb/invalid-rules', 'Failed to parse rules: the text is not a JSON object');
  }
  const rules = value['rules'];
  if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
    throw new RtdbError(
      'rtdb/invalid-rules',
      'Failed to parse rules: a top-level "rules" object is required',
    );
  }
  return value;
}

/** `/.inspect/databases.json`: the namespaces the server knows. */
export function handleInspectDatabases(req: IncomingMessage, res: ServerResponse, server: RestContext): void {
  sendJsonText(req, res, 200, JSON.stringify(server.namespaces().map((name) => ({ name }))));
}
