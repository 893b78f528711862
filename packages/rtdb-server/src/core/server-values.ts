import type { DataNode } from './data-node.js';
import { nodeImmediateChild } from './data-node.js';
import { RtdbError } from './rtdb-error.js';

/**
 * Replaces every `{".sv": …}` placeholder in `json` with its value: `"timestamp"` → `now`,
 * `{"increment": n}` → the existing number at that spot plus `n` (just `n` when there is no
 * number there). `existing` is the current node at the location `json` is written to. Anything
 * else is `rtdb/invalid-server-value`. Returns `json` itself when it holds no placeholder.
 */
export function resolveServerValues(json: unknown, existing: DataNode, now: number): unknown {
  if (json === null || typeof json !== 'object') return json;
  if (Array.isArray(json)) {
    let changed = false;
    const out = json.map((item, index) => {
      const resolved = resolveServerValues(item, nodeImmediateChild(existing, String(index)), now);
      if (resolved !== item) changed = true;
      return resolved;
    });
    return changed ? out : json;
  }
  const object = json as Record<string, unknown>;
  if ('.sv' in object) return resolveOne(object['.sv'], existing, now);
  let out: Record<string, unknown> | undefined;
  for (const key of Object.keys(object)) {
    const item = object[key];
    if (item === null || typeof item !== 'object') continue;
    const child = key === '.value' ? existing : nodeImmediateChild(existing, key);
    const resolved = resolveServerValues(item, child, now);
    if (resolved !== item) {
      out ??= { ...object };
      out[key] = resolved;
    }
  }
  return out ?? json;
}

function resolveOne(spec: unknown, existing: DataNode, now: number): number {
  if (spec === 'timestamp') return now;
  if (spec !== null && typeof spec === 'object' && !Array.isArray(spec)) {
    const keys = Object.keys(spec);
    const delta = (spec as Record<string, unknown>)['increment'];
    if (keys.length === 1 && keys[0] === 'increment') {
      if (typeof delta !== 'number' || !Number.isFinite(delta)) {
        throw new RtdbError(
          'rtdb/invalid-server-value',
          'Invalid data; increment server value needs a number',
        );
      }
      return typeof existing.leaf === 'number' ? existing.leaf + delta : delta;
    }
  }
  throw new RtdbError(
    'rtdb/invalid-server-value',
    `Invalid data; unrecognized server value ${safeJson(spec)}`,
  );
}

function safeJson(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
