import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestContext } from '../core/request-context.js';
import { RtdbError } from '../core/rtdb-error.js';
import { resolveNamespace } from '../core/namespace-resolver.js';
import { asRtdbError, sendError, sendPreflight } from './http-reply.js';
import { requestContextOf } from './request-credential.js';
import type { RestContext } from './rest-context.js';
import { restPathOf } from './rest-path.js';
import { requestTargetOf, type RequestTarget } from './request-target.js';
import { parseRestOptions } from './rest-query.js';
import { handleRead } from './rest-read.js';
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

/**
 * One REST exchange; whatever it throws (or its promise rejects with) becomes the `{"error": …}`
 * answer. Reads answer synchronously and return nothing.
 */
export type RestExchange = (
  req: IncomingMessage,
  res: ServerResponse,
  server: RestContext,
) => Promise<void> | void;

/** The request handler of the REST data API (`/<path>.json`). */
export function createRestHandler(server: RestContext): (req: IncomingMessage, res: ServerResponse) => void {
  return answeringErrors(server, handle);
}

/**
 * Wraps a REST exchange into a request handler that answers what it throws as Firebase does:
 * the error's status and `{"error": message}`, unexpected failures as a logged 500.
 */
export function answeringErrors(
  server: RestContext,
  exchange: RestExchange,
): (req: IncomingMessage, res: ServerResponse) => void {
  const fail = (req: IncomingMessage, res: ServerResponse, error: unknown): void => {
    const rtdbError = asRtdbError(error, server.logger);
    if (res.headersSent) {
      res.destroy();
      return;
    }
    // A refused oversized body is still arriving: answer, then drop the connection.
    if (rtdbError.code === 'rtdb/too-big') {
      sendError(req, res, rtdbError, { Connection: 'close' });
      res.on('finish', () => req.destroy());
      return;
    }
    sendError(req, res, rtdbError);
  };
  return (req, res) => {
    let pending: Promise<void> | void;
    try {
      pending = exchange(req, res, server);
    } catch (error) {
      fail(req, res, error);
      return;
    }
    pending?.catch((error: unknown) => fail(req, res, error));
  };
}

/** What every REST exchange starts from: the parsed URL, the method after overrides, the namespace. */
export interface RestStart {
  /** The request URL's path and query. */
  url: RequestTarget;
  /** The method, `HEAD` read as `GET` and `X-HTTP-Method-Override` applied. */
  method: string;
  /** The database the request names. */
  namespace: string;
}

/** Parses what every REST exchange needs; `undefined` when the request was a CORS preflight (answered). */
export function startExchange(
  req: IncomingMessage,
  res: ServerResponse,
  server: RestContext,
): RestStart | undefined {
  if ((req.method ?? '').toUpperCase() === 'OPTIONS') {
    sendPreflight(req, res);
    return undefined;
  }
  const url = requestTargetOf(req.url ?? '/');
  const method = effectiveMethod(req, url.searchParams);
  const namespace = resolveNamespace(url.searchParams.get('ns'), req.headers.host, server.defaultNamespace);
  return { url, method, namespace };
}

function handle(req: IncomingMessage, res: ServerResponse, server: RestContext): Promise<void> | void {
  const start = startExchange(req, res, server);
  if (!start) return;
  const { url, method, namespace } = start;
  const params = url.searchParams;
  const pathname = url.pathname;
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
  if (isWrite) return handleWrite(request);
  handleRead(request);
}
