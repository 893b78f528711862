import { RtdbClientError } from './rtdb-client-error.js';
import { parsePath } from './rtdb-path.js';

/** The index a query orders by, named after the SDK's `orderBy*` calls. */
export type QueryIndex =
  | {
      /** `orderByPriority` (also the default index). */
      readonly kind: 'priority';
    }
  | {
      /** `orderByKey`. */
      readonly kind: 'key';
    }
  | {
      /** `orderByValue`. */
      readonly kind: 'value';
    }
  | {
      /** `orderByChild`. */
      readonly kind: 'child';
      /** The child path, segments joined by `/`. */
      readonly path: string;
    };

/** A value a query may start, end or be equal at: JSON primitives only, as in Firebase. */
export type QueryValue = string | number | boolean | null;

/** One end of a range; `key` narrows among children whose index value equals `value`. */
export interface QueryBound {
  /** The index value at the bound. */
  readonly value: QueryValue;
  /** Among children whose index value equals `value`, the key at the bound. */
  readonly key?: string;
  /** `startAfter`/`endBefore` rather than `startAt`/`endAt`. */
  readonly exclusive: boolean;
}

/**
 * Everything a query says, as plain immutable data. Build it with the `with*` functions (or the
 * `RtdbQuery` builder), which reject combinations Firebase rejects.
 */
export interface QuerySpec {
  /** The `orderBy*` index; absent means priority order. */
  readonly index?: QueryIndex;
  /** `startAt` / `startAfter`. */
  readonly start?: QueryBound;
  /** `endAt` / `endBefore`. */
  readonly end?: QueryBound;
  /** `equalTo`: kept apart from start/end because REST has its own parameter for it. */
  readonly equal?: {
    /** The index value to match. */
    readonly value: QueryValue;
    /** The one key to match among equal values. */
    readonly key?: string;
  };
  /** `limitToFirst` / `limitToLast`. */
  readonly limit?: {
    /** How many children to keep. */
    readonly count: number;
    /** Which end of the order to keep them from. */
    readonly from: 'first' | 'last';
  };
}

function invalid(message: string): never {
  throw new RtdbClientError('rtdb-client/invalid-argument', message);
}

/** The index that applies: an explicit `orderBy*`, else priority (Firebase's default index). */
export function effectiveIndex(spec: QuerySpec): QueryIndex {
  return spec.index ?? { kind: 'priority' };
}

/** True when the spec asks for nothing beyond a plain read. */
export function isDefaultQuery(spec: QuerySpec): boolean {
  return !spec.index && !spec.start && !spec.end && !spec.equal && !spec.limit;
}

function checkBound(index: QueryIndex, value: unknown, key: string | undefined, call: string): void {
  if (typeof value === 'number' && !Number.isFinite(value))
    invalid(`${call}: the value must be a finite number`);
  if (value !== null && !['string', 'number', 'boolean'].includes(typeof value)) {
    invalid(`${call}: the value must be a string, number, boolean or null`);
  }
  if (key !== undefined && typeof key !== 'string') invalid(`${call}: the key must be a string`);
  if (index.kind === 'key') {
    if (typeof value !== 'string') invalid(`${call}: when ordering by key the value must be a string`);
    if (key !== undefined) invalid(`${call}: when ordering by key, pass only one argument`);
  }
  if (index.kind === 'priority' && typeof value === 'boolean') {
    invalid(`${call}: when ordering by priority the value must be null, a number or a string`);
  }
}

/** Re-checks every bound against the (possibly new) index. */
function checkAll(spec: QuerySpec): QuerySpec {
  const index = effectiveIndex(spec);
  if (spec.start)
    checkBound(index, spec.start.value, spec.start.key, spec.start.exclusive ? 'startAfter' : 'startAt');
  if (spec.end) checkBound(index, spec.end.value, spec.end.key, spec.end.exclusive ? 'endBefore' : 'endAt');
  if (spec.equal) checkBound(index, spec.equal.value, spec.equal.key, 'equalTo');
  return spec;
}

/** Adds an `orderBy*`; a query orders by one index only. */
export function withIndex(spec: QuerySpec, index: QueryIndex): QuerySpec {
  if (spec.index) invalid("a query can't combine several orderBy calls");
  if (index.kind === 'child') {
    const segments = parsePath(index.path);
    if (segments.length === 0) invalid('orderByChild: the child path must not be empty');
    if (segments.some((s) => s === '.priority'))
      invalid('orderByChild: use orderByPriority instead of .priority');
    index = { kind: 'child', path: segments.join('/') };
  }
  return checkAll({ ...spec, index });
}

/** Adds `startAt` (inclusive) or `startAfter` (exclusive). */
export function withStart(
  spec: QuerySpec,
  value: QueryValue,
  key: string | undefined,
  exclusive: boolean,
): QuerySpec {
  const call = exclusive ? 'startAfter' : 'startAt';
  if (spec.start) invalid(`${call}: the start of the range was already set`);
  if (spec.equal) invalid(`${call}: can't combine with equalTo`);
  return checkAll({ ...spec, start: { value, exclusive, ...(key === undefined ? {} : { key }) } });
}

/** Adds `endAt` (inclusive) or `endBefore` (exclusive). */
export function withEnd(
  spec: QuerySpec,
  value: QueryValue,
  key: string | undefined,
  exclusive: boolean,
): QuerySpec {
  const call = exclusive ? 'endBefore' : 'endAt';
  if (spec.end) invalid(`${call}: the end of the range was already set`);
  if (spec.equal) invalid(`${call}: can't combine with equalTo`);
  return checkAll({ ...spec, end: { value, exclusive, ...(key === undefined ? {} : { key }) } });
}

/** Adds `equalTo`. */
export function withEqual(spec: QuerySpec, value: QueryValue, key: string | undefined): QuerySpec {
  if (spec.start || spec.end || spec.equal)
    invalid("equalTo: can't combine with startAt, endAt or another equalTo");
  return checkAll({ ...spec, equal: { value, ...(key === undefined ? {} : { key }) } });
}

/** Adds `limitToFirst` / `limitToLast`. */
export function withLimit(spec: QuerySpec, count: number, from: 'first' | 'last'): QuerySpec {
  const call = from === 'first' ? 'limitToFirst' : 'limitToLast';
  if (spec.limit) invalid(`${call}: a limit was already set`);
  if (!Number.isInteger(count) || count <= 0 || count > 2 ** 31 - 1)
    invalid(`${call}: the limit must be a positive integer`);
  return { ...spec, limit: { count, from } };
}
