import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeEvent } from '../core/database.js';
import { resolveNamespace } from '../core/namespace-resolver.js';
import { RtdbError } from '../core/rtdb-error.js';
import { asRtdbError, corsHeaders, sendError } from '../rest/http-reply.js';
import { requestContextOf } from '../rest/request-credential.js';
import type { RestContext } from '../rest/rest-context.js';
import { formatSseEvent } from '../stream/sse-event.js';
import { parseWatches, writeRecordOf } from './write-record.js';

/** Where the write feed is served. */
export const WRITE_FEED_PATH = '/.events/writes.json';

/** A reader this far behind is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/**
 * The write feed: a Server-Sent Events stream of every committed write of one namespace that
 * touches the watched locations, each with the credential behind it (admin, user with its token
 * claims, unauthenticated) — what production tells Cloud Functions triggers and the realtime
 * protocol never carries. Owner credential only, on loopback too: it shows every user's claims.
 *
 * `GET /.events/writes.json?ns=<db>&auth=owner&watch=[{"path":"devices","depth":4}]` answers
 * `event: ready` once subscribed, then one `event: write` per write with a {@link WriteRecord}
 * and a `: keep-alive` comment on the server's keep-alive interval.
 */
export function createWriteFeedHandler(
  server: RestContext,
): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    try {
      openWriteFeed(req, res, server);
    } catch (error) {
      sendError(req, res, asRtdbError(error, server.logger));
    }
  };
}

function openWriteFeed(req: IncomingMessage, res: ServerResponse, server: RestContext): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  if ((req.method ?? 'GET').toUpperCase() !== 'GET')
    throw new RtdbError('rtdb/method-not-allowed', 'The write feed is read with GET');
  const ctx = requestContextOf(req, url.searchParams, server.clock());
  if (!ctx.admin)
    throw new RtdbError(
      'rtdb/permission-denied',
      'Permission denied: the write feed needs the owner credential (auth=owner)',
    );
  const watches = parseWatches(url.searchParams.get('watch'));
  const namespace = resolveNamespace(url.searchParams.get('ns'), req.headers.host, server.defaultNamespace);
  const db = server.database(namespace);

  res.writeHead(200, {
    ...corsHeaders(req),
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  let closed = false;
  const send = (text: string): void => {
    if (closed) return;
    res.write(text);
    if (res.writableLength > MAX_BUFFERED_BYTES) close();
  };
  const onChange = (change: ChangeEvent): void => {
    const record = writeRecordOf(change, watches, change.writer?.now || server.clock());
    if (record) send(formatSseEvent('write', record));
  };
  const unlisten = db.listen([], onChange);
  const keepAlive = setInterval(() => send(': keep-alive\n\n'), server.keepAliveMs);
  keepAlive.unref();
  const close = (): void => {
    if (closed) return;
    closed = true;
    unlisten();
    clearInterval(keepAlive);
    res.end();
  };
  req.on('close', close);
  res.on('error', close);
  send(formatSseEvent('ready', { namespace }));
}
