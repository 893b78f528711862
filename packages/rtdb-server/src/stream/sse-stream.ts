import { readVerdict } from '../core/access-check.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AccessPolicy, ReadVerdict } from '../core/access-policy.js';
import type { DataNode } from '../core/data-node.js';
import { nodeChild, nodeIsEmpty } from '../core/data-node.js';
import type { ChangeEvent, Database } from '../core/database.js';
import { nodeHash } from '../core/node-hash.js';
import { nodeToJson } from '../core/node-json.js';
import { pathEquals, pathIsAncestorOrSelf, pathRelative, pathToString, type Path } from '../core/path.js';
import { applyQuery, queryIsDefault, type QuerySpec } from '../core/query-spec.js';
import type { RequestContext } from '../core/request-context.js';
import { queryWindowDelta, type WindowChildChange } from '../core/query-window-delta.js';
import { formatSseEvent } from './sse-event.js';

/** Everything one REST event stream needs. */
export interface EventStreamOptions {
  /** The namespace's data. */
  db: Database;
  /** Streamed location. */
  path: Path;
  /** Filter of the stream (a query-filtered stream gets only the children that entered, changed or left its window). */
  query: QuerySpec | undefined;
  /** Who is listening. */
  ctx: RequestContext;
  /** Rules of the namespace, re-checked after every change and on rules updates. */
  policy: () => AccessPolicy;
  /** Export format (`.priority` wrappers) for event data. */
  exportFormat: boolean;
  /** Interval of `keep-alive` events, ms. */
  keepAliveMs: number;
  /** Registers a re-check for rules changes; returns the remover. */
  onPolicyChange: (recheck: () => void) => () => void;
  /** Server clock (credential expiry). */
  clock: () => number;
  /** Extra response headers (CORS). */
  headers: Record<string, string>;
}

/** A slow reader that falls this far behind is dropped rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024;

/**
 * Serves a Server-Sent Events stream: a `put` of `/` with the current value, then `put`/`patch`
 * events for each change relative to the location, `keep-alive` on a timer, `cancel` when the
 * rules stop allowing the read and `auth_revoked` when the credential expires.
 */
export function openEventStream(
  req: IncomingMessage,
  res: ServerResponse,
  options: EventStreamOptions,
): void {
  const { db, path, query, ctx, exportFormat } = options;
  const filtered = !queryIsDefault(query);
  const toJson = (node: DataNode): unknown => nodeToJson(node, { export: exportFormat });
  res.writeHead(200, {
    ...options.headers,
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-cache',
    Connection: 'keep-alive',
    'X-Accel-Buffering': 'no',
  });
  let closed = false;
  const send = (event: string, data: unknown): void => {
    if (closed) return;
    res.write(formatSseEvent(event, data));
    if (res.writableLength > MAX_BUFFERED_BYTES) close();
  };
  let lastFiltered = filtered ? applyQuery(nodeChild(db.root(), path), query) : undefined;
  send('put', { path: '/', data: toJson(lastFiltered ?? nodeChild(db.root(), path)) });

  // The last allowed decision, kept while it provably still holds (see ReadVerdict).
  let kept: { verdict: ReadVerdict; policy: AccessPolicy } | undefined;
  const allowed = (fresh: boolean): boolean => {
    const policy = options.policy();
    const root = db.root();
    if (!fresh && kept && kept.policy === policy && kept.verdict.holds(ctx, root)) return true;
    const verdict = readVerdict(policy, ctx, root, path, query);
    kept = verdict.decision.allowed ? { verdict, policy } : undefined;
    return verdict.decision.allowed;
  };
  const cancelIfDenied = (fresh = false): boolean => {
    if (allowed(fresh)) return false;
    send('cancel', 'Permission denied');
    close();
    return true;
  };

  const onChange = (change: ChangeEvent): void => {
    if (closed || cancelIfDenied()) return;
    if (filtered) {
      const next = applyQuery(nodeChild(change.after, path), query);
      if (lastFiltered && sameChildren(lastFiltered, next)) return;
      const delta = lastFiltered ? queryWindowDelta(lastFiltered, next) : undefined;
      lastFiltered = next;
      sendWindowChange(send, delta, next, toJson);
      return;
    }
    if (nodeChild(change.before, path) === nodeChild(change.after, path)) return;
    if (closed) return;
    res.write(eventTextFor(change, path, exportFormat, toJson));
    if (res.writableLength > MAX_BUFFERED_BYTES) close();
  };
  const unlisten = db.listen(path, onChange);
  const unPolicy = options.onPolicyChange(() => {
    if (!closed) cancelIfDenied(true);
  });
  const keepAlive = setInterval(() => send('keep-alive', null), options.keepAliveMs);
  keepAlive.unref();
  let expiry: NodeJS.Timeout | undefined;
  if (ctx.expiresAt !== undefined) {
    // setTimeout caps at ~24.8 days; a longer-lived credential is simply re-armed.
    const arm = (): void => {
      const wait = ctx.expiresAt! - options.clock();
      if (wait <= 0) {
        send('auth_revoked', 'credential is no longer valid');
        close();
        return;
      }
      expiry = setTimeout(arm, Math.min(wait, 2 ** 31 - 1));
      expiry.unref();
    };
    arm();
  }
  function close(): void {
    if (closed) return;
    closed = true;
    unlisten();
    unPolicy();
    clearInterval(keepAlive);
    if (expiry) clearTimeout(expiry);
    res.end();
  }
  req.on('close', close);
  res.on('error', close);
}

// Streams on the same location get the same bytes for a change: serialise once, not per stream.
const textCache = new WeakMap<ChangeEvent, Map<string, string>>();

function eventTextFor(
  change: ChangeEvent,
  location: Path,
  exportFormat: boolean,
  toJson: (node: DataNode) => unknown,
): string {
  let perChange = textCache.get(change);
  if (!perChange) textCache.set(change, (perChange = new Map()));
  const cacheKey = `${exportFormat ? 'e' : 'p'}${pathToString(location)}`;
  let text = perChange.get(cacheKey);
  if (text === undefined) {
    text = eventsFor(change, location, toJson)
      .map((event) => formatSseEvent(event.type, event.body))
      .join('');
    perChange.set(cacheKey, text);
  }
  return text;
}

/**
 * Sends what changed in a query's window: a `put` at the one child that entered, changed or left
 * (`null`), a `patch` of `/` when several did, the whole result when it is not a map of children.
 */
function sendWindowChange(
  send: (event: string, data: unknown) => void,
  delta: WindowChildChange[] | undefined,
  next: DataNode,
  toJson: (node: DataNode) => unknown,
): void {
  if (delta === undefined) {
    send('put', { path: '/', data: toJson(next) });
    return;
  }
  if (delta.length === 0) return;
  if (delta.length === 1) {
    const only = delta[0]!;
    send('put', { path: pathToString([only.key]), data: toJson(only.node) });
    return;
  }
  const data: Record<string, unknown> = {};
  for (const change of delta) data[change.key] = toJson(change.node);
  send('patch', { path: '/', data });
}

function sameChildren(a: DataNode, b: DataNode): boolean {
  if (a === b) return true;
  if (nodeIsEmpty(a) || nodeIsEmpty(b)) return nodeIsEmpty(a) && nodeIsEmpty(b);
  return nodeHash(a) === nodeHash(b);
}

interface StreamEvent {
  type: 'put' | 'patch';
  body: { path: string; data: unknown };
}

/** The events one change produces for a stream at `location`. */
export function eventsFor(
  change: ChangeEvent,
  location: Path,
  toJson: (node: DataNode) => unknown,
): StreamEvent[] {
  const below: Path[] = [];
  const merges: Path[] = [];
  for (let i = 0; i < change.paths.length; i += 1) {
    const written = change.paths[i]!;
    if (pathIsAncestorOrSelf(written, location)) {
      return [{ type: 'put', body: { path: '/', data: toJson(nodeChild(change.after, location)) } }];
    }
    if (pathIsAncestorOrSelf(location, written)) {
      below.push(written);
      if (change.ops[i]?.kind === 'merge-child') merges.push(written);
    }
  }
  if (below.length >= 1 && merges.length === below.length) {
    const parent = below[0]!.slice(0, -1);
    if (below.every((p) => pathEquals(p.slice(0, -1), parent))) {
      const data: Record<string, unknown> = {};
      for (const p of below) data[p[p.length - 1]!] = toJson(nodeChild(change.after, p));
      return [{ type: 'patch', body: { path: pathToString(pathRelative(location, parent)), data } }];
    }
  }
  return below.map((p) => ({
    type: 'put' as const,
    body: { path: pathToString(pathRelative(location, p)), data: toJson(nodeChild(change.after, p)) },
  }));
}
