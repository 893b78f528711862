import { nodeKeysByPriority } from './compare-values.js';
import {
  childrenNode,
  DataNode,
  EMPTY_NODE,
  leafNode,
  nodeIsEmpty,
  nodeSortedKeys,
  type Priority,
} from './data-node.js';
import { keyProblem, MAX_DEPTH } from './path.js';
import { RtdbError } from './rtdb-error.js';

/** Largest string leaf, in UTF-8 bytes. */
export const MAX_STRING_BYTES = 10 * 1024 * 1024;

/** Options for {@link nodeFromJson}. */
export interface NodeFromJsonOptions {
  /** Check keys, types, depth and sizes (default true). Off only for data already validated (WAL replay). */
  validate?: boolean;
  /** Depth of the location the value is written to, so the 32-level limit counts from the root. */
  baseDepth?: number;
}

/**
 * Builds a node from JSON as clients send it: `.value`/`.priority` wrappers are understood,
 * arrays become maps keyed `"0"`, `"1"`…, and `null`/`{}` are empty. Server values must have
 * been resolved before (see `resolveServerValues`); a remaining `.sv` is `rtdb/invalid-data`.
 */
export function nodeFromJson(json: unknown, validate: boolean | NodeFromJsonOptions = true): DataNode {
  const options = typeof validate === 'boolean' ? { validate } : validate;
  return build(json, options.validate ?? true, options.baseDepth ?? 0);
}

function invalid(message: string): never {
  throw new RtdbError('rtdb/invalid-data', `Invalid data; ${message}`);
}

function checkPriority(value: unknown, check: boolean): Priority {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (check) invalid('a priority must be a number, a string or null');
  return null;
}

function build(json: unknown, check: boolean, depth: number): DataNode {
  if (json === null || json === undefined) return EMPTY_NODE;
  if (check && depth > MAX_DEPTH) invalid(`data is nested deeper than ${MAX_DEPTH} levels`);
  switch (typeof json) {
    case 'boolean':
      return leafNode(json);
    case 'number':
      if (check && !Number.isFinite(json)) invalid('numbers must be finite');
      return leafNode(json);
    case 'string':
      if (check && json.length * 3 > MAX_STRING_BYTES && Buffer.byteLength(json, 'utf8') > MAX_STRING_BYTES) {
        invalid(`string values must be at most ${MAX_STRING_BYTES} bytes`);
      }
      return leafNode(json);
    case 'object':
      break;
    default:
      return invalid(`unsupported value of type ${typeof json}`);
  }
  if (Array.isArray(json)) {
    const children = new Map<string, DataNode>();
    json.forEach((item, index) => {
      const child = build(item, check, depth + 1);
      if (!nodeIsEmpty(child)) children.set(String(index), child);
    });
    return childrenNode(children);
  }
  const object = json as Record<string, unknown>;
  if (check && '.sv' in object) {
    throw new RtdbError('rtdb/invalid-server-value', 'Invalid data; unrecognized server value');
  }
  const priority = checkPriority(object['.priority'], check);
  if ('.value' in object) {
    if (check) {
      for (const key of Object.keys(object)) {
        if (key !== '.value' && key !== '.priority')
          invalid(`".value" cannot be mixed with other children ("${key}")`);
      }
    }
    const inner = build(object['.value'], check, depth);
    return nodeIsEmpty(inner) ? EMPTY_NODE : new DataNode(inner.leaf, inner.children, priority);
  }
  const children = new Map<string, DataNode>();
  for (const key of Object.keys(object)) {
    if (key === '.priority') continue;
    if (check) {
      const problem = keyProblem(key);
      if (problem) {
        throw new RtdbError(
          'rtdb/invalid-key',
          `Invalid data; couldn't parse key "${key.slice(0, 80)}": ${problem}`,
        );
      }
    }
    const child = build(object[key], check, depth + 1);
    if (!nodeIsEmpty(child)) children.set(key, child);
  }
  const node = childrenNode(children);
  return nodeIsEmpty(node) || priority === null ? node : new DataNode(undefined, node.children, priority);
}

// Serialised interior nodes: nodes never change, so a value read again and again (a dashboard
// polling `latest`) is serialised once. Large texts are not kept: they would double the memory
// of big trees read whole.
const jsonTextCache = new WeakMap<DataNode, string>();
const MAX_CACHED_JSON_CHARS = 64 * 1024;

/**
 * `JSON.stringify(nodeToJson(node))`, remembered per node (for nodes with children and texts up
 * to 64 KiB).
 *
 * @param node - the value
 * @returns its plain JSON text
 */
export function nodeJsonText(node: DataNode): string {
  let text = jsonTextCache.get(node);
  if (text === undefined) {
    text = JSON.stringify(nodeToJson(node));
    if (node.children !== undefined && text.length <= MAX_CACHED_JSON_CHARS) jsonTextCache.set(node, text);
  }
  return text;
}

/** Options for {@link nodeToJson}. */
export interface NodeToJsonOptions {
  /** Include `.priority` and `.value` wrappers and never render arrays (REST `format=export`). */
  export: boolean;
}

const ARRAY_INDEX = /^(0|[1-9]\d*)$/;

/**
 * The node as JSON. Plain form renders a map as an array when every key is an index and the
 * largest index is below twice the number of keys (holes become `null`), as the SDKs do.
 */
export function nodeToJson(node: DataNode, options: NodeToJsonOptions = { export: false }): unknown {
  if (nodeIsEmpty(node)) return null;
  if (node.leaf !== undefined) {
    return options.export && node.priority !== null
      ? { '.value': node.leaf, '.priority': node.priority }
      : node.leaf;
  }
  const children = node.children!;
  const keys = options.export ? nodeSortedKeys(node) : nodeKeysByPriority(node);
  if (!options.export) {
    let maxIndex = -1;
    let allIndexes = true;
    for (const key of keys) {
      if (!ARRAY_INDEX.test(key)) {
        allIndexes = false;
        break;
      }
      maxIndex = Math.max(maxIndex, Number(key));
    }
    if (allIndexes && maxIndex < 2 * keys.length) {
      const array: unknown[] = new Array<unknown>(maxIndex + 1).fill(null);
      for (const key of keys) array[Number(key)] = nodeToJson(children.get(key)!, options);
      return array;
    }
  }
  const object: Record<string, unknown> = {};
  for (const key of keys) object[key] = nodeToJson(children.get(key)!, options);
  if (options.export && node.priority !== null) object['.priority'] = node.priority;
  return object;
}
