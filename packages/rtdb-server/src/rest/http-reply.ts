import type { IncomingMessage, ServerResponse } from 'node:http';
import { RtdbError } from '../core/rtdb-error.js';

/** Headers that let browser pages on any origin call the server. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  return {
    'Access-Control-Allow-Origin': req.headers.origin ?? '*',
    'Access-Control-Allow-Credentials': 'true',
    'Access-Control-Expose-Headers': 'ETag, X-Firebase-ETag',
    Vary: 'Origin',
  };
}

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

/** Sends a JSON body (`text` already serialised). */
export function sendJsonText(
  req: IncomingMessage,
  res: ServerResponse,
  status: number,
  text: string,
  headers: Record<string, string> = {},
): void {
  res.writeHead(status, {
    ...corsHeaders(req),
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': String(Buffer.byteLength(text, 'utf8')),
    'Cache-Control': 'no-cache',
    ...headers,
  });
  // A string, not a Buffer: node then sends head and body in one write instead of a writev.
  res.end(text, 'utf8');
}

/** Sends `{"error": message}` with the error's status. */
export function sendError(
  req: IncomingMessage,
  res: ServerResponse,
  error: RtdbError,
  headers: Record<string, string> = {},
): void {
  sendJsonText(req, res, error.status, JSON.stringify({ error: error.message }), headers);
}

/** Turns anything thrown into an {@link RtdbError}; unexpected ones become a logged 500. */
export function asRtdbError(error: unknown, log: (line: string) => void): RtdbError {
  if (error instanceof RtdbError) return error;
  log(`rtdb: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  return new RtdbError('rtdb/internal', 'Internal server error', { cause: error });
}
