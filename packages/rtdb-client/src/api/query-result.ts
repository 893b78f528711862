import type { QueryEntry } from '../core/query-order.js';

/** The children a query matched, in the query's order (Firebase's ordering, applied client-side). */
export interface QueryResult<T = unknown> {
  /** Matched children in order. */
  readonly entries: ReadonlyArray<QueryEntry<T>>;
  /** Their keys, in order. */
  readonly keys: readonly string[];
  /** Their values, in order. */
  readonly values: readonly T[];
}

/** Builds a {@link QueryResult} from ordered entries. */
export function queryResult<T>(entries: ReadonlyArray<QueryEntry<T>>): QueryResult<T> {
  return { entries, keys: entries.map((entry) => entry.key), values: entries.map((entry) => entry.value) };
}
