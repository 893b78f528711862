import type { DataNode } from '../core/data-node.js';
import { nodeToJson } from '../core/node-json.js';
import type { Path } from '../core/path.js';
import type { DataPush } from './change-pushes.js';

// One write usually reaches many listeners with the same node; serialise each node once.
const jsonCache = new WeakMap<DataNode, string>();

/**
 * The node in the wire's export form (`.priority`/`.value` wrappers, no arrays), as JSON text.
 * Cached per node: nodes are immutable.
 *
 * @param node - the data
 * @returns JSON text
 */
export function exportJson(node: DataNode): string {
  let text = jsonCache.get(node);
  if (text === undefined) {
    text = JSON.stringify(nodeToJson(node, { export: true }));
    jsonCache.set(node, text);
  }
  return text;
}

/** The wire form of a path: segments joined by `/`, no leading slash (as production sends). */
export function wirePath(path: Path): string {
  return path.join('/');
}

/**
 * Text of a data push message (`{"t":"d","d":{"a":…,"b":{"p":…,"d":…,"t":…}}}`).
 *
 * @param push - the overwrite or merge
 * @param tag - the query tag for filtered listens
 * @returns the message text, ready for framing
 */
export function dataPushText(push: DataPush, tag: number | undefined): string {
  let data: string;
  if (push.action === 'd') {
    data = exportJson(push.node);
  } else {
    data = `{${push.children.map(([rel, node]) => `${JSON.stringify(wirePath(rel))}:${exportJson(node)}`).join(',')}}`;
  }
  const tagPart = tag === undefined ? '' : `,"t":${tag}`;
  return `{"t":"d","d":{"a":"${push.action}","b":{"p":${JSON.stringify(wirePath(push.path))},"d":${data}${tagPart}}}}`;
}

/**
 * Text of a reply to request `id`.
 *
 * @param id - the request's `r`
 * @param status - `ok` or an error status such as `permission_denied`
 * @param data - the reply payload
 * @returns the message text
 */
export function replyText(id: number, status: string, data: unknown): string {
  return JSON.stringify({ t: 'd', d: { r: id, b: { s: status, d: data } } });
}

/** Text of a reply whose payload is already JSON text (a read result). */
export function rawReplyText(id: number, status: string, dataJson: string): string {
  return `{"t":"d","d":{"r":${id},"b":{"s":${JSON.stringify(status)},"d":${dataJson}}}}`;
}

/** Text of a server push with a JSON body (listen revoked `c`, auth revoked `ac`, …). */
export function pushText(action: string, body: unknown): string {
  return JSON.stringify({ t: 'd', d: { a: action, b: body } });
}

/** Text of a control message (`h` hello, `o` pong, `e` error, `s` shutdown). */
export function controlText(command: string, payload: unknown): string {
  return JSON.stringify({ t: 'c', d: { t: command, d: payload } });
}
