import { requireRead } from '../core/access-check.js';
import { nodeIsEmpty, type DataNode } from '../core/data-node.js';
import { nodeHash } from '../core/node-hash.js';
import { nodeJsonText, nodeToJson } from '../core/node-json.js';
import { pathToString } from '../core/path.js';
import { RtdbError } from '../core/rtdb-error.js';
import { openEventStream } from '../stream/sse-stream.js';
import { corsHeaders, sendJsonText } from './http-reply.js';
import { etagOf, hashFromEtag, wantsEtag, type RestRequest } from './rest-request.js';

/** Refuses the read unless the policy allows it (and, when required, the index is declared). */
export function checkRead(r: RestRequest): void {
  const policy = r.server.policy(r.namespace);
  const query = r.options.query;
  requireRead(policy, r.ctx, r.db.root(), r.path, query);
  if (r.server.requireIndexes && query?.index.kind === 'child' && !policy.hasIndex(r.path, query.index)) {
    const child = query.index.path.join('/');
    throw new RtdbError(
      'rtdb/index-not-defined',
      `Index not defined, add ".indexOn": "${child}", for path "${pathToString(r.path)}", to the rules`,
    );
  }
}

/** `shallow=true`: each child of an object becomes `true`; primitives stay as they are. */
function shallowJson(node: DataNode): unknown {
  if (!node.children) return nodeToJson(node);
  const out: Record<string, true> = {};
  for (const key of node.children.keys()) out[key] = true;
  return out;
}

/** GET: a value, a query result, or (with `Accept: text/event-stream`) an event stream. */
export function handleRead(r: RestRequest): void {
  const { req, res, options } = r;
  checkRead(r);
  if (String(req.headers.accept ?? '').includes('text/event-stream')) {
    openEventStream(req, res, {
      db: r.db,
      path: r.path,
      query: options.query,
      ctx: r.ctx,
      policy: () => r.server.policy(r.namespace),
      exportFormat: options.exportFormat,
      keepAliveMs: r.server.keepAliveMs,
      onPolicyChange: (recheck) => r.server.onPolicyChange(r.namespace, recheck),
      clock: () => r.server.clock(),
      headers: corsHeaders(req),
    });
    return;
  }
  const node = r.db.read(r.path, options.query);
  let headers: Record<string, string> | undefined;
  const ifNoneMatch = req.headers['if-none-match'];
  // The hash is a SHA-1 over the value: only worth computing for a client that asked for it.
  if (wantsEtag(req) || ifNoneMatch !== undefined) {
    const etag = etagOf(nodeIsEmpty(node) ? '' : nodeHash(node));
    headers = { ETag: etag };
    if (ifNoneMatch !== undefined && hashFromEtag(ifNoneMatch) === hashFromEtag(etag)) {
      res.writeHead(304, { ...corsHeaders(req), ...headers });
      res.end();
      return;
    }
  }
  if (options.print === 'silent') {
    res.writeHead(204, { ...corsHeaders(req), ...headers });
    res.end();
    return;
  }
  let text: string;
  // A query result is a fresh node each time: only stored nodes are worth the text cache.
  const plain = !options.shallow && !options.exportFormat && options.print !== 'pretty';
  if (plain && options.query === undefined) text = nodeJsonText(node);
  else {
    const json = options.shallow ? shallowJson(node) : nodeToJson(node, { export: options.exportFormat });
    text = options.print === 'pretty' ? JSON.stringify(json, null, 2) : JSON.stringify(json);
  }
  if (options.download !== undefined) {
    headers ??= {};
    headers['Content-Disposition'] = `attachment; filename="${options.download.replace(/[^\w.-]/g, '_')}"`;
  }
  if (options.callback !== undefined) {
    text = `${options.callback}(${text});`;
    headers ??= {};
    headers['Content-Type'] = 'application/javascript; charset=utf-8';
  }
  sendJsonText(req, res, 200, text, headers);
}
