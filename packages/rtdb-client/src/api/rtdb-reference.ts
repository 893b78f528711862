import type { QueryValue } from '../core/query-spec.js';
import { RtdbClientError } from '../core/rtdb-client-error.js';
import { formatPath, parsePath } from '../core/rtdb-path.js';
import { validateWriteValue } from '../core/write-value.js';
import type { QueryParam } from '../core/query-params.js';
import { openEventStream, type StreamOptions } from '../stream/event-stream.js';
import type { RtdbStreamEvent } from '../stream/rtdb-stream-event.js';
import { ValueCache } from '../stream/value-cache.js';
import type { ClientContext } from './client-context.js';
import { RtdbQuery } from './rtdb-query.js';
import { runTransaction, type TransactionOptions, type TransactionResult } from './run-transaction.js';

/** Options of the write calls. */
export interface WriteOptions {
  /** Send `print=silent`: the server answers 204 with no body, saving the echo of the data. */
  silent?: boolean;
  /** Only write if the location's current ETag is this one (else `rtdb-client/precondition-failed`). */
  ifMatch?: string;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** Options of {@link RtdbReference.get}. */
export interface GetOptions {
  /** `shallow=true`: direct children become `true` instead of their subtrees. */
  shallow?: boolean;
  /** Aborts the request. */
  signal?: AbortSignal;
}

/** A value together with the ETag the server computed for it. */
export interface ValueWithETag<T> {
  /** The value (`null` when nothing is stored). */
  readonly value: T | null;
  /** Its ETag, opaque; pass it to `ifMatch` or `getIfChanged`. */
  readonly etag: string;
}

/** What {@link RtdbReference.getIfChanged} found. */
export type ChangedValue<T> = NotChanged | Changed<T>;

/** The value differs from the ETag the caller holds: here is the new one. */
export interface Changed<T> extends ValueWithETag<T> {
  /** Something changed. */
  readonly changed: true;
}

/** The value still has the ETag the caller holds. */
export interface NotChanged {
  /** Nothing changed (the server answered 304). */
  readonly changed: false;
}

/** What `push()` created. */
export interface PushResult {
  /** The push id the server generated (chronologically ordered). */
  readonly key: string;
  /** A reference to the new child. */
  readonly ref: RtdbReference;
}

const ETAG_HEADER = { 'x-firebase-etag': 'true' };

/** A location in the database, named like the SDK's `DatabaseReference`. */
export class RtdbReference {
  /** Path segments from the root. */
  readonly segments: readonly string[];

  /** @internal */
  constructor(
    private readonly context: ClientContext,
    segments: readonly string[],
  ) {
    this.segments = segments;
  }

  /** The location, `/a/b` form (`/` for the root). */
  get path(): string {
    return formatPath(this.segments);
  }
  /** The last segment, `null` at the root. */
  get key(): string | null {
    return this.segments.at(-1) ?? null;
  }
  /** The parent location, `null` at the root. */
  get parent(): RtdbReference | null {
    return this.segments.length === 0 ? null : new RtdbReference(this.context, this.segments.slice(0, -1));
  }
  /** The root location. */
  get root(): RtdbReference {
    return new RtdbReference(this.context, []);
  }
  /** A location below this one; `path` may hold several segments (`'a/b'`). */
  child(path: string): RtdbReference {
    return new RtdbReference(this.context, [...this.segments, ...parsePath(path)]);
  }
  /** The REST URL of this location (no credentials). */
  toString(): string {
    return this.context.connection.url(this.segments);
  }

  /** Reads the value (`null` when nothing is stored). */
  async get<T = unknown>(options: GetOptions = {}): Promise<T | null> {
    const response = await this.context.connection.request({
      method: 'GET',
      segments: this.segments,
      params: options.shallow ? [['shallow', 'true']] : [],
      ...(options.signal ? { signal: options.signal } : {}),
    });
    return (response.body ?? null) as T | null;
  }

  /** Reads the value and its ETag, for a later conditional write (`set(v, { ifMatch })`). */
  async getWithETag<T = unknown>(): Promise<ValueWithETag<T>> {
    const response = await this.context.connection.request({
      method: 'GET',
      segments: this.segments,
      headers: ETAG_HEADER,
    });
    if (response.etag === undefined) {
      throw new RtdbClientError('rtdb-client/invalid-response', `GET ${this.path}: the server sent no ETag`);
    }
    return { value: (response.body ?? null) as T | null, etag: response.etag };
  }

  /**
   * Reads the value only if its ETag differs from `etag` (`if-none-match`); `changed: false`
   * means the copy the caller holds is current.
   */
  async getIfChanged<T = unknown>(etag: string): Promise<ChangedValue<T>> {
    const response = await this.context.connection.request({
      method: 'GET',
      segments: this.segments,
      headers: { ...ETAG_HEADER, 'if-none-match': etag },
    });
    if (response.status === 304) return { changed: false };
    return { changed: true, value: (response.body ?? null) as T | null, etag: response.etag ?? '' };
  }

  /** Replaces the value (writing `null` deletes). */
  async set(value: unknown, options: WriteOptions = {}): Promise<void> {
    validateWriteValue(value);
    await this.write('PUT', value, options);
  }

  /** Appends a child under a server-generated push id (REST `POST`). */
  async push(value: unknown, options: Omit<WriteOptions, 'silent' | 'ifMatch'> = {}): Promise<PushResult> {
    validateWriteValue(value);
    const response = await this.context.connection.request({
      method: 'POST',
      segments: this.segments,
      body: value,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const name = (response.body as { name?: unknown } | undefined)?.name;
    if (typeof name !== 'string' || name.length === 0) {
      throw new RtdbClientError(
        'rtdb-client/invalid-response',
        `POST ${this.path}: the answer has no "name": ${JSON.stringify(response.body)}`,
      );
    }
    return { key: name, ref: this.child(name) };
  }

  /**
   * Writes several locations at once, atomically (REST `PATCH`). Keys are paths relative to this
   * location (`'a/b': 1`); `null` deletes; children not named are left alone.
   */
  async update(values: Record<string, unknown>, options: Omit<WriteOptions, 'ifMatch'> = {}): Promise<void> {
    if (typeof values !== 'object' || values === null || Array.isArray(values)) {
      throw new RtdbClientError(
        'rtdb-client/invalid-argument',
        'update() takes an object of relative paths to values',
      );
    }
    for (const [path, value] of Object.entries(values)) {
      if (parsePath(path).length === 0)
        throw new RtdbClientError('rtdb-client/invalid-argument', 'update(): a path must not be empty');
      if (value === undefined)
        throw new RtdbClientError(
          'rtdb-client/invalid-argument',
          `update(): the value of ${JSON.stringify(path)} is undefined (use null to delete)`,
        );
      validateWriteValue(value, `update value of ${JSON.stringify(path)}`);
    }
    await this.write('PATCH', values, options);
  }

  /** Deletes the location. */
  async remove(options: WriteOptions = {}): Promise<void> {
    await this.write('DELETE', undefined, options);
  }

  private async write(
    method: 'PUT' | 'PATCH' | 'DELETE',
    body: unknown,
    options: WriteOptions,
  ): Promise<void> {
    const params: QueryParam[] = options.silent ? [['print', 'silent']] : [];
    await this.context.connection.request({
      method,
      segments: this.segments,
      params,
      ...(body === undefined ? {} : { body }),
      ...(options.ifMatch === undefined ? {} : { headers: { 'if-match': options.ifMatch } }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  }

  /**
   * Atomically replaces the value with `update(current)`, retrying on contention (ETag +
   * `if-match`). Return `undefined` to abort without writing. `update` may run several times.
   */
  transaction<T = unknown>(
    update: (current: T | null) => T | null | undefined,
    options: TransactionOptions = {},
  ): Promise<TransactionResult<T>> {
    return runTransaction(this.context.connection, this.segments, update, options);
  }

  /**
   * Streams changes as `put`/`patch` events (REST + Server-Sent Events), reconnecting with backoff
   * on failures. Each connection starts with a `put` at `/` holding the full value. End it with
   * `options.signal` or by leaving the `for await` loop.
   */
  stream(options: StreamOptions = {}): AsyncGenerator<RtdbStreamEvent, void, undefined> {
    return openEventStream(this.context, this.segments, [], options);
  }

  /** Streams the full value after each change, from a locally kept copy updated by the events. */
  async *streamValues<T = unknown>(options: StreamOptions = {}): AsyncGenerator<T | null, void, undefined> {
    const cache = new ValueCache();
    for await (const event of this.stream(options)) {
      cache.apply(event);
      yield cache.value() as T | null;
    }
  }

  /** A query on this location; see {@link RtdbQuery}. */
  private query(): RtdbQuery {
    return new RtdbQuery(this.context, this.segments);
  }
  /** Starts a query ordered by a child path. */
  orderByChild(path: string): RtdbQuery {
    return this.query().orderByChild(path);
  }
  /** Starts a query ordered by key. */
  orderByKey(): RtdbQuery {
    return this.query().orderByKey();
  }
  /** Starts a query ordered by value. */
  orderByValue(): RtdbQuery {
    return this.query().orderByValue();
  }
  /** Starts a query ordered by priority. */
  orderByPriority(): RtdbQuery {
    return this.query().orderByPriority();
  }
  /** Starts a query (priority order) with `startAt`. */
  startAt(value: QueryValue, key?: string): RtdbQuery {
    return this.query().startAt(value, key);
  }
  /** Starts a query (priority order) with `endAt`. */
  endAt(value: QueryValue, key?: string): RtdbQuery {
    return this.query().endAt(value, key);
  }
  /** Starts a query (priority order) with `equalTo`. */
  equalTo(value: QueryValue, key?: string): RtdbQuery {
    return this.query().equalTo(value, key);
  }
  /** Starts a query with `limitToFirst`. */
  limitToFirst(count: number): RtdbQuery {
    return this.query().limitToFirst(count);
  }
  /** Starts a query with `limitToLast`. */
  limitToLast(count: number): RtdbQuery {
    return this.query().limitToLast(count);
  }
}
