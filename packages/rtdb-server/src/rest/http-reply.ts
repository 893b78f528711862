import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from '../core/logger.js';
import { RtdbError } from '../core/rtdb-error.js';

/**
 * Headers that let browser pages on any origin call the server. Browsers send `Origin` with every
 * cross-origin request, so the credential and exposed-header grants go only to requests that
 * carry one; the rest (devices, curl, servers) get the two headers any client may look at.
 */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = req.headers.origin;
  if (origin === undefined) return { 'Access-Control-Allow-Origin': '*', Vary: 'Origin' };
  return {
    'Access-Control-Allow-Origin': origin,
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'ETag, X-Firebase-ETag',
    Vary: 'Origin',
  };
}

const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

/** Answers a CORS preflight. */
export function sendPreflight(req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(204, {
    ...corsHeaders(req),
    'Access-Control-Allow-Methods': 'GET, PUT, POST, PATCH, DELETE, OPTIONS',
    'Access-Control-Allow-Headers':
      req.headers['access-control-request-headers'] ??
      'Authorization, Content-Type, X-Firebase-ETag, If-Match, If-None-Match, X-HTTP-Method-Override',
    'Access-Control-Max-Age': '3600',
    'Content-Length': '0',
  });
  res.end();
}

/**
 * Sends a JSON body (`text` already serialised). `headers` are added last and win over the
 * defaults (a JSONP reply changes the content type).
 */
export function sendJsonText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  text: string,
  headers?: Record<string, string>,
): void {
  const length = String(Buffer.byteLength(text, 'utf8'));
  if (headers === undefined && req.headers.origin === undefined) {
    // The common answer to a device or a script: a flat list, no objects built to be merged.
    res.writeHead(status, [
      'Access-Control-Allow-Origin',
      '*',
      'Vary',
      'Origin',
      'Content-Type',
      JSON_CONTENT_TYPE,
      'Content-Length',
      length,
      'Cache-Control',
      'no-cache',
    ]);
  } else {
    res.writeHead(status, {
      ...corsHeaders(req),
      'Content-Type': JSON_CONTENT_TYPE,
      'Content-Length': length,
      'Cache-Control': 'no-cache',
      ...headers,
    });
  }
  // A string, not a Buffer: node then sends head and body in one write instead of a writev.
  res.end(text, 'utf8');
}

/** Sends `{"error": message}` with the error's status. */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  error: RtdbError,
  headers?: Record<string, string>,
): void {
  sendJsonText(req, res, error.status, JSON.stringify({ error: error.message }), headers);
}

/** Turns anything thrown into an {@link RtdbError}; unexpected ones become a logged 500. */
export function asRtdbError(error: unknown, logger: Logger): RtdbError {
  if (error instanceof RtdbError) return error;
  logger.error(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return new RtdbError('rtdb/internal', 'Internal server error', { cause: error });
}
