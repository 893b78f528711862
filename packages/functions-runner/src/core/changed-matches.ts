import { jsonEqual } from './json-equal.js';
import type { JsonValue } from './json-equal.js';
import type { RefPattern } from './ref-pattern.js';

/** One location matching a trigger pattern whose value differs between two states. */
export interface ChangedMatch {
  /** Concrete path without a leading slash, e.g. `devices/u1/readings/-Nabc`. */
  readonly ref: string;
  /** Values of the pattern's captures at this location. */
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
  return value !== null && typeof value === 'object' ? Object.keys(value) : [];
}

/**
 * Lists the pattern matches whose values differ between `before` and `after`, both being the
 * value at the pattern's static prefix. Unchanged subtrees are skipped early, so a write to one
 * reading costs a walk of that branch, not of every reading.
 */
export function changedMatches(pattern: RefPattern, before: JsonValue, after: JsonValue): ChangedMatch[] {
  const out: ChangedMatch[] = [];
  const prefix = pattern.segments
    .slice(0, pattern.staticDepth)
    .map((s) => (s.kind === 'literal' ? s.key : ''));
  const walk = (
    b: JsonValue,
    a: JsonValue,
    depth: number,
    path: string[],
    params: Record<string, string>,
  ): void => {
    if (jsonEqual(b, a)) return;
    if (depth === pattern.segments.length) {
      out.push({ ref: path.join('/'), params: { ...params }, before: b, after: a });
      return;
    }
    const segment = pattern.segments[depth];
    if (segment === undefined) return;
    if (segment.kind === 'literal') {
      walk(childOf(b, segment.key), childOf(a, segment.key), depth + 1, [...path, segment.key], params);
      return;
    }
    const keys = new Set([...keysOf(b), ...keysOf(a)]);
    for (const key of [...keys].sort()) {
      const next = segment.name.startsWith('__wildcard') ? params : { ...params, [segment.name]: key };
      walk(childOf(b, key), childOf(a, key), depth + 1, [...path, key], next);
    }
  };
  walk(before, after, pattern.staticDepth, prefix, {});
  return out;
}
