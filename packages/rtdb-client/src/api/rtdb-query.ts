import { orderQueryResult } from '../core/query-order.js';
import { queryParams, type QueryParam } from '../core/query-params.js';
import {
  effectiveIndex,
  isDefaultQuery,
  withEnd,
  withEqual,
  withIndex,
  withLimit,
  withStart,
  type QuerySpec,
  type QueryValue,
} from '../core/query-spec.js';
import { formatPath } from '../core/rtdb-path.js';
import { openEventStream, type StreamOptions } from '../stream/event-stream.js';
import type { RtdbStreamEvent } from '../stream/rtdb-stream-event.js';
import { ValueCache } from '../stream/value-cache.js';
import type { ClientContext } from './client-context.js';
import { queryResult, type QueryResult } from './query-result.js';

/**
 * An immutable query on one location, built like the SDK's (`orderByChild('ts').limitToLast(10)`).
 * Each builder call returns a new query and throws `rtdb-client/invalid-argument` for
 * combinations Firebase rejects.
 */
export class RtdbQuery<T = unknown> {
  /** @internal */
  constructor(
    private readonly context: ClientContext,
    /** Path segments of the queried location. */
    readonly segments: readonly string[],
    /** The query as plain data. */
    readonly spec: QuerySpec = {},
  ) {}

  /** The queried location, `/a/b` form. */
  get path(): string {
    return formatPath(this.segments);
  }

  private with(spec: QuerySpec): RtdbQuery<T> {
    return new RtdbQuery<T>(this.context, this.segments, spec);
  }

  /** Orders children by the value at a child path (`'ts'` or `'meta/ts'`). */
  orderByChild(path: string): RtdbQuery<T> {
    return this.with(withIndex(this.spec, { kind: 'child', path }));
  }
  /** Orders children by key. */
  orderByKey(): RtdbQuery<T> {
    return this.with(withIndex(this.spec, { kind: 'key' }));
  }
  /** Orders children by their own value. */
  orderByValue(): RtdbQuery<T> {
    return this.with(withIndex(this.spec, { kind: 'value' }));
  }
  /** Orders children by priority. */
  orderByPriority(): RtdbQuery<T> {
    return this.with(withIndex(this.spec, { kind: 'priority' }));
  }
  /** Keeps children at or after `value` (and, among equal values, at or after `key`). */
  startAt(value: QueryValue, key?: string): RtdbQuery<T> {
    return this.with(withStart(this.spec, value, key, false));
  }
  /** Keeps children strictly after `value` (or after `key` among equal values). */
  startAfter(value: QueryValue, key?: string): RtdbQuery<T> {
    return this.with(withStart(this.spec, value, key, true));
  }
  /** Keeps children at or before `value` (and, among equal values, at or before `key`). */
  endAt(value: QueryValue, key?: string): RtdbQuery<T> {
    return this.with(withEnd(this.spec, value, key, false));
  }
  /** Keeps children strictly before `value` (or before `key` among equal values). */
  endBefore(value: QueryValue, key?: string): RtdbQuery<T> {
    return this.with(withEnd(this.spec, value, key, true));
  }
  /** Keeps children equal to `value` (and with key `key`, when given). */
  equalTo(value: QueryValue, key?: string): RtdbQuery<T> {
    return this.with(withEqual(this.spec, value, key));
  }
  /** Keeps the first `count` children in order. */
  limitToFirst(count: number): RtdbQuery<T> {
    return this.with(withLimit(this.spec, count, 'first'));
  }
  /** Keeps the last `count` children in order. */
  limitToLast(count: number): RtdbQuery<T> {
    return this.with(withLimit(this.spec, count, 'last'));
  }

  /** Priority order needs the priorities, which only `format=export` returns over REST. */
  private needsExport(): boolean {
    return !isDefaultQuery(this.spec) && effectiveIndex(this.spec).kind === 'priority';
  }

  /** The REST parameters this query sends (without credentials or `ns`). */
  restParams(): QueryParam[] {
    const params = queryParams(this.spec);
    if (this.needsExport()) params.push(['format', 'export']);
    return params;
  }

  /** Runs the query once; children come back in the query's order. */
  async get(options: { signal?: AbortSignal } = {}): Promise<QueryResult<T>> {
    const response = await this.context.connection.request({
      method: 'GET',
      segments: this.segments,
      params: this.restParams(),
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return queryResult(
      orderQueryResult(this.spec, response.body ?? null, this.needsExport()) as Array<{
        key: string;
        value: T;
        priority: string | number | null;
      }>,
    );
  }

  /** Streams the query's `put`/`patch` events (see `RtdbReference.stream`). */
  stream(options: StreamOptions = {}): AsyncGenerator<RtdbStreamEvent, void, undefined> {
    return openEventStream(this.context, this.segments, queryParams(this.spec), options);
  }

  /**
   * Streams the full, ordered query result after each change, from a locally kept copy. Priority
   * queries stream in export format so that the copy knows the priorities to order by.
   */
  async *streamValues(options: StreamOptions = {}): AsyncGenerator<QueryResult<T>, void, undefined> {
    const cache = new ValueCache();
    const exported = this.needsExport();
    for await (const event of openEventStream(this.context, this.segments, this.restParams(), options)) {
      cache.apply(event);
      yield queryResult(
        orderQueryResult(this.spec, cache.value(), exported) as Array<{
          key: string;
          value: T;
          priority: string | number | null;
        }>,
      );
    }
  }
}
