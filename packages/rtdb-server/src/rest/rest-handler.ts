import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../core/request-context.js';
import { RtdbError } from '../core/rtdb-error.js';
import { resolveNamespace } from '../core/namespace-resolver.js';
import { asRtdbError, sendError, sendJsonText, sendPreflight } from './http-reply.js';
import { requestContextOf } from './request-credential.js';
import type { RestContext } from './rest-context.js';
import { restPathOf } from './rest-path.js';
import { parseRestOptions } from './rest-query.js';
import { handleRead } from './rest-read.js';
import { handleInspectDatabases, handleRulesRequest } from './rest-settings.js';
import { handleWrite } from './rest-write.js';

const METHODS = new Set(['GET', 'PUT', 'POST', 'PATCH', 'DELETE']);

function effectiveMethod(req: IncomingMessage, params: URLSearchParams): string {
  const method = (req.method ?? 'GET').toUpperCase();
  if (method === 'HEAD') return 'GET';
  const override = req.headers['x-http-method-override'] ?? params.get('x-http-method-override');
  if (method === 'POST' && typeof override === 'string' && override !== '') {
    const wanted = override.toUpperCase();
    if (!METHODS.has(wanted))
      throw new RtdbError(
        'rtdb/method-not-allowed',
        `Unsupported X-HTTP-Method-Override "${override.slice(0, 20)}"`,
        { status: 400 },
      );
    return wanted;
  }
  if (!METHODS.has(method))
    throw new RtdbError('rtdb/method-not-allowed', `Method ${method.slice(0, 20)} is not allowed`);
  return method;
}

/** The HTTP request handler of the REST API (everything except WebSocket upgrades). */
export function createRestHandler(server: RestContext): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    handle(req, res, server).catch((error: unknown) => {
      const rtdbError = asRtdbError(error, server.log);
      if (res.headersSent) {
        res.destroy();
        return;
      }
      // A refused oversized body is still arriving: answer, then drop the connection.
      const headers: Record<string, string> =
        rtdbError.code === 'rtdb/too-big' ? { Connection: 'close' } : {};
      sendError(req, res, rtdbError, headers);
      if (rtdbError.code === 'rtdb/too-big') res.on('finish', () => req.destroy());
    });
  };
}

async function handle(req: IncomingMessage, res: ServerResponse, server: RestContext): Promise<void> {
  if ((req.method ?? '').toUpperCase() === 'OPTIONS') {
    sendPreflight(req, res);
    return;
  }
  let url: URL;
  try {
    url = new URL(req.url ?? '/', 'http://localhost');
  } catch {
    throw new RtdbError('rtdb/invalid-path', 'Invalid path: the URL cannot be parsed');
  }
  const params = url.searchParams;
  const method = effectiveMethod(req, params);
  const namespace = resolveNamespace(params.get('ns'), req.headers.host, server.defaultNamespace);
  const pathname = url.pathname;
  if (pathname === '/.settings/rules.json') {
    const ctx = requestContextOf(req, params, server.clock());
    await handleRulesRequest(req, res, method, params, namespace, ctx, server);
    return;
  }
  if (pathname === '/.inspect/denials.json') {
    sendJsonText(req, res, 200, JSON.stringify(server.denials?.(params.get('ns') ?? undefined) ?? []));
    return;
  }
  if (pathname === '/.inspect/databases.json') {
    handleInspectDatabases(req, res, server);
    return;
  }
  const isWrite = method !== 'GET';
  const path = restPathOf(pathname, { allowPriorityLeaf: true });
  if (path === null) {
    throw new RtdbError(
      'rtdb/not-found',
      'Not found: data URLs end in .json (for example /devices.json?ns=<database>)',
    );
  }
  const options = parseRestOptions(params);
  const ctx: RequestContext = requestContextOf(req, params, server.clock());
  const db = server.database(namespace);
  const request = { req, res, method, namespace, db, path, options, ctx, server };
  if (isWrite) await handleWrite(request);
  else handleRead(request);
}
