import type { IncomingMessage, ServerResponse } from 'node:http';
import { RtdbError } from '../core/rtdb-error.js';
import { sendJsonText } from './http-reply.js';
import { requestContextOf } from './request-credential.js';
import type { RestContext } from './rest-context.js';
import { answeringErrors, startExchange } from './rest-handler.js';
import { handleInspectDatabases, handleRulesRequest } from './rest-settings.js';

/**
 * The request handler of the admin endpoints: `/.settings/rules.json` (always admin only) and
 * `/.inspect/denials.json`, `/.inspect/databases.json` (open on loopback; the router asks for the
 * owner credential once the server is exposed).
 */
export function createAdminHandler(server: RestContext): (req: IncomingMessage, res: ServerResponse) => void {
  return answeringErrors(server, handleAdmin);
}

async function handleAdmin(req: IncomingMessage, res: ServerResponse, server: RestContext): Promise<void> {
  const start = startExchange(req, res, server);
  if (!start) return;
  const { url, method, namespace } = start;
  const params = url.searchParams;
  switch (url.pathname) {
    case '/.settings/rules.json': {
      const ctx = requestContextOf(req, params, server.clock());
      await handleRulesRequest(req, res, method, params, namespace, ctx, server);
      return;
    }
    case '/.inspect/denials.json':
      sendJsonText(req, res, 200, JSON.stringify(server.denials?.(params.get('ns') ?? undefined) ?? []));
      return;
    case '/.inspect/databases.json':
      handleInspectDatabases(req, res, server);
      return;
    default:
      throw new RtdbError(
        'rtdb/not-found',
        'Not found: the admin endpoints are /.settings/rules.json, /.inspect/denials.json and /.inspect/databases.json',
      );
  }
}
