import type { JsonValue } from './json-equal.js';
import { jsonEqual } from './json-equal.js';

/**
 * The `delta` of a database CloudEvent: a merge patch that turns `before` into `after`.
 *
 * firebase-functions rebuilds the new value as `applyChange(before, delta)`, which keeps every key
 * of `before` that the delta does not mention and drops keys whose delta is `null`. So removed keys
 * must appear as `null`, and a non-object value replaces whatever was there.
 */
export function changeDelta(before: JsonValue, after: JsonValue): JsonValue {
  if (after === null || typeof after !== 'object' || before === null || typeof before !== 'object')
    return after;
  const b = before as Record<string, JsonValue>;
  const a = after as Record<string, JsonValue>;
  const delta: Record<string, JsonValue> = {};
  for (const key of Object.keys(a)) {
    const bv = b[key] ?? null;
    const av = a[key] ?? null;
    if (!jsonEqual(bv, av)) delta[key] = changeDelta(bv, av);
  }
  for (const key of Object.keys(b)) {
    if (!(key in a)) delta[key] = null;
  }
  return delta;
}
