import { createHash } from 'node:crypto';
import { nodeKeysByPriority } from './compare-values.js';
import type { DataNode } from './data-node.js';
import { nodeIsEmpty, type Priority } from './data-node.js';

/**
 * Firebase's hash of a node: base64 SHA-1 over a canonical text (priority, type, IEEE-754 hex of
 * numbers, children in priority order). The SDKs send it with listens and transactions, and the
 * REST layer uses it as the ETag. `''` for the empty node.
 */
export function nodeHash(node: DataNode): string {
  if (nodeIsEmpty(node)) return '';
  if (node.leaf !== undefined) {
    // Leaves are cheap to hash and numerous: caching them would cost more memory than it saves.
    const value = node.leaf;
    const type = typeof value;
    return sha1Base64(
      priorityPrefix(node.priority) +
        type +
        ':' +
        (type === 'number' ? doubleToHex(value as number) : String(value)),
    );
  }
  let hash = hashCache.get(node);
  if (hash === undefined) {
    let text = priorityPrefix(node.priority);
    for (const key of nodeKeysByPriority(node)) {
      const childHash = nodeHash(node.children!.get(key)!);
      if (childHash !== '') text += ':' + key + ':' + childHash;
    }
    hash = text === '' ? '' : sha1Base64(text);
    hashCache.set(node, hash);
  }
  return hash;
}

const hashCache = new WeakMap<DataNode, string>();

function priorityPrefix(priority: Priority): string {
  if (priority === null) return '';
  return (
    'priority:' +
    (typeof priority === 'number' ? 'number:' + doubleToHex(priority) : 'string:' + priority) +
    ':'
  );
}

function sha1Base64(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('base64');
}

/**
 * The SDK's own double → hex routine, reproduced step by step rather than using
 * `writeDoubleBE`: the client computes the hash this way, so any rounding quirk it has must be
 * ours too, or transactions would never match.
 */
export function doubleToHex(input: number): string {
  const ebits = 11;
  const fbits = 52;
  const bias = (1 << (ebits - 1)) - 1;
  let v = input;
  let s: number;
  let e: number;
  let f: number;
  if (v === 0) {
    e = 0;
    f = 0;
    s = 1 / v === -Infinity ? 1 : 0;
  } else {
    s = v < 0 ? 1 : 0;
    v = Math.abs(v);
    if (v >= Math.pow(2, 1 - bias)) {
      const ln = Math.min(Math.floor(Math.log(v) / Math.LN2), bias);
      e = ln + bias;
      f = Math.round(v * Math.pow(2, fbits - ln) - Math.pow(2, fbits));
    } else {
      e = 0;
      f = Math.round(v / Math.pow(2, 1 - bias - fbits));
    }
  }
  const bits: number[] = [];
  for (let i = fbits; i; i -= 1) {
    bits.push(f % 2 ? 1 : 0);
    f = Math.floor(f / 2);
  }
  for (let i = ebits; i; i -= 1) {
    bits.push(e % 2 ? 1 : 0);
    e = Math.floor(e / 2);
  }
  bits.push(s);
  bits.reverse();
  const str = bits.join('');
  let hex = '';
  for (let i = 0; i < 64; i += 8)
    hex += parseInt(str.substring(i, i + 8), 2)
      .toString(16)
      .padStart(2, '0');
  return hex;
}
