import { requireRead } from '../core/access-check.js';
import { nodeChild, nodeIsEmpty } from '../core/data-node.js';
import type { WriteOp, WriteOptions } from '../core/database.js';
import { nodeHash } from '../core/node-hash.js';
import { nodeJsonText, nodeToJson } from '../core/node-json.js';
import { parsePath, pathChild, pathIsAncestorOrSelf, pathToString, type Path } from '../core/path.js';
import { RtdbError, isRtdbError } from '../core/rtdb-error.js';
import { corsHeaders, sendJsonText } from './http-reply.js';
import { parseJsonBody, readBody } from './read-body.js';
import { etagOf, hashFromEtag, wantsEtag, type RestRequest } from './rest-request.js';

function mergeOps(path: Path, body: unknown): WriteOp[] {
  if (body === null) return [];
  if (typeof body !== 'object' || Array.isArray(body)) {
    throw new RtdbError(
      'rtdb/invalid-data',
      'Invalid data; PATCH needs a JSON object whose keys are relative paths',
    );
  }
  const ops: WriteOp[] = [];
  for (const [key, value] of Object.entries(body as Record<string, unknown>)) {
    let relative: Path;
    try {
      relative = parsePath(key, { allowPriorityLeaf: true });
    } catch (error) {
      if (!isRtdbError(error)) throw error;
      throw new RtdbError(
        'rtdb/invalid-key',
        `Invalid data; couldn't parse key "${key.slice(0, 80)}": ${error.message}`,
      );
    }
    if (relative.length === 0)
      throw new RtdbError('rtdb/invalid-key', 'Invalid data; PATCH keys must be non-empty paths');
    ops.push({ path: pathChild(path, relative), value, kind: 'merge-child' });
  }
  for (const a of ops) {
    for (const b of ops) {
      if (a !== b && pathIsAncestorOrSelf(a.path, b.path)) {
        throw new RtdbError(
          'rtdb/invalid-data',
          `Invalid data; PATCH paths overlap: ${pathToString(a.path)} contains ${pathToString(b.path)}`,
        );
      }
    }
  }
  return ops;
}

/** PUT, POST, PATCH and DELETE. */
export async function handleWrite(r: RestRequest): Promise<void> {
  const { req, res, method, path, server } = r;
  const isPriority = path[path.length - 1] === '.priority';
  let body: unknown = null;
  if (method !== 'DELETE') body = parseJsonBody(await readBody(req, server.maxRequestBytes));
  let ops: WriteOp[];
  let pushId: string | undefined;
  if (method === 'PUT' || method === 'DELETE') {
    ops = [{ path, value: body, kind: 'set' }];
  } else if (method === 'POST') {
    if (isPriority) throw new RtdbError('rtdb/invalid-path', 'Invalid path: cannot push below .priority');
    pushId = server.pushId();
    ops = [{ path: pathChild(path, pushId), value: body, kind: 'set' }];
  } else {
    if (isPriority) throw new RtdbError('rtdb/invalid-path', 'Invalid path: PATCH cannot target .priority');
    ops = mergeOps(path, body);
  }
  const writeOptions: WriteOptions = { policy: server.policy(r.namespace) };
  const ifMatch = req.headers['if-match'];
  if (ifMatch !== undefined) {
    // A conditional write compares with the data and answers a conflict with it: only for readers.
    const node = isPriority ? path.slice(0, -1) : path;
    requireRead(writeOptions.policy!, r.ctx, r.db.latestRoot(), node);
    writeOptions.expectHash = { path, hash: hashFromEtag(ifMatch) };
  }
  let after;
  try {
    after = ops.length === 0 ? r.db.latestRoot() : (await r.db.write(ops, r.ctx, writeOptions)).changes.after;
  } catch (error) {
    if (isRtdbError(error, 'rtdb/precondition-failed')) {
      const current = nodeChild(r.db.latestRoot(), path);
      sendJsonText(req, res, 412, JSON.stringify(nodeToJson(current, { export: r.options.exportFormat })), {
        ETag: etagOf(nodeIsEmpty(current) ? '' : nodeHash(current)),
      });
      return;
    }
    throw error;
  }
  let headers: Record<string, string> | undefined;
  if (wantsEtag(req) || ifMatch !== undefined) {
    const node = nodeChild(after, path);
    headers = { ETag: etagOf(nodeIsEmpty(node) ? '' : nodeHash(node)) };
  }
  if (r.options.print === 'silent') {
    res.writeHead(204, { ...corsHeaders(req), ...headers });
    res.end();
    return;
  }
  if (method === 'PUT' && !r.options.exportFormat && r.options.print !== 'pretty') {
    // The stored node's text: a later GET of the same value reuses it.
    sendJsonText(req, res, 200, nodeJsonText(nodeChild(after, path)), headers);
    return;
  }
  const asJson = (p: Path): unknown => nodeToJson(nodeChild(after, p), { export: r.options.exportFormat });
  let reply: unknown;
  if (method === 'POST') reply = { name: pushId };
  else if (method === 'DELETE') reply = null;
  else if (method === 'PUT') reply = asJson(path);
  else {
    const merged: Record<string, unknown> = {};
    for (const op of ops) merged[op.path.slice(path.length).join('/')] = asJson(op.path);
    reply = merged;
  }
  const text = r.options.print === 'pretty' ? JSON.stringify(reply, null, 2) : JSON.stringify(reply);
  sendJsonText(req, res, 200, text, headers);
}
