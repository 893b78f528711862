import { jsonEqual } from './json-equal.js';
import type { JsonValue } from './json-equal.js';
import { matchPrefix } from './ref-pattern.js';
import type { RefPattern } from './ref-pattern.js';

/** One location matching a trigger pattern whose value differs between two states. */
export interface ChangedMatch {
  /** Concrete path without a leading slash, e.g. `devices/u1/readings/-Nabc`. */
  readonly ref: string;
  /** Values of the pattern's named captures at this location. */
  readonly params: Readonly<Record<string, string>>;
  /** Value before the change; `null` when the location did not exist. */
  readonly before: JsonValue;
  /** Value after the change; `null` when the location was removed. */
  readonly after: JsonValue;
}

function childOf(value: JsonValue, key: string): JsonValue {
  if (value === null || typeof value !== 'object') return null;
  const child = (value as Record<string, JsonValue>)[key];
  return child === undefined ? null : child;
}

function keysOf(value: JsonValue): string[] {
  if (value === null || typeof value !== 'object') return [];
  // An array is how a map with index keys reads back; its holes are absent children.
  if (Array.isArray(value)) return value.flatMap((v, i) => (v === null ? [] : [String(i)]));
  return Object.keys(value);
}

/**
 * Lists the pattern matches whose values differ between `before` and `after`, both being the
 * value at `scope` (the location a write changed, at or below the pattern's static prefix).
 * Unchanged subtrees are skipped early, so a write to one reading costs a walk of that branch.
 *
 * A multi-segment pattern (`logs/{rest=**}`) matches where the write happened: a scope deep
 * enough to match is one match; a scope above that is walked down to the first level that can
 * match (`logs/<key>`), one match per changed child.
 */
export function changedMatches(
  pattern: RefPattern,
  scope: string,
  before: JsonValue,
  after: JsonValue,
): ChangedMatch[] {
  if (jsonEqual(before, after)) return [];
  const start = scope.split('/').filter((p) => p !== '');
  const targetDepth = pattern.segments.length;
  if (pattern.multiSegment && start.length >= targetDepth) {
    const params = matchPrefix(pattern, start, true);
    return params ? [{ ref: start.join('/'), params, before, after }] : [];
  }
  if (start.length > targetDepth) return [];
  const startParams = matchPrefix(pattern, start, false);
  if (!startParams) return [];
  const out: ChangedMatch[] = [];
  const walk = (b: JsonValue, a: JsonValue, path: string[], params: Record<string, string>): void => {
    if (jsonEqual(b, a)) return;
    const depth = path.length;
    if (depth === targetDepth) {
      out.push({ ref: path.join('/'), params: { ...params }, before: b, after: a });
      return;
    }
    const segment = pattern.segments[depth];
    if (segment === undefined) return;
    if (segment.kind === 'literal') {
      walk(childOf(b, segment.key), childOf(a, segment.key), [...path, segment.key], params);
      return;
    }
    const keys = new Set([...keysOf(b), ...keysOf(a)]);
    for (const key of [...keys].sort()) {
      const next = segment.name === undefined ? params : { ...params, [segment.name]: key };
      walk(childOf(b, key), childOf(a, key), [...path, key], next);
    }
  };
  walk(before, after, start, startParams);
  return out;
}
