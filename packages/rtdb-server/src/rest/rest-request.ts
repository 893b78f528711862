import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Database } from '../core/database.js';
import type { Path } from '../core/path.js';
import type { RequestContext } from '../core/request-context.js';
import type { RestContext } from './rest-context.js';
import type { RestOptions } from './rest-query.js';

/** One parsed data request, handed to the read and write handlers. */
export interface RestRequest {
  /** The raw request. */
  req: IncomingMessage;
  /** The response. */
  res: ServerResponse;
  /** Effective method (after `X-HTTP-Method-Override`). */
  method: string;
  /** Namespace addressed. */
  namespace: string;
  /** The namespace's data. */
  db: Database;
  /** The location. */
  path: Path;
  /** Validated query-string options. */
  options: RestOptions;
  /** Who is asking. */
  ctx: RequestContext;
  /** The server. */
  server: RestContext;
}

/** The ETag of a value: its hash, or `null_etag` for an absent location. */
export function etagOf(hash: string): string {
  return hash === '' ? 'null_etag' : hash;
}

/** An ETag as a client sends it back (quotes and a weak prefix tolerated) → the hash it names. */
export function hashFromEtag(header: string): string {
  const trimmed = header
    .trim()
    .replace(/^W\//, '')
    .replace(/^"(.*)"$/, '$1');
  return trimmed === 'null_etag' ? '' : trimmed;
}

/** True when the client asked for ETags (`X-Firebase-ETag: true`). */
export function wantsEtag(req: IncomingMessage): boolean {
  return String(req.headers['x-firebase-etag'] ?? '').toLowerCase() === 'true';
}
