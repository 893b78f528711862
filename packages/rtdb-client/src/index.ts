/**
 * A small typed client for the Firebase Realtime Database REST API and its Server-Sent Events
 * streams. The same code talks to the kit's local server, the official emulator and a real
 * Firebase database; only `databaseUrl`, `namespace` and the credentials change.
 *
 * ```ts
 * const db = createRtdbClient({ databaseUrl: 'http://127.0.0.1:9000', namespace: 'demo-iotkit', accessToken: 'owner' });
 * await db.ref('devices/abc/latest').set({ ir: 512, ts: serverTimestamp() });
 * const last = await db.ref('devices/abc/readings').orderByChild('ts').limitToLast(10).get();
 * ```
 *
 * @packageDocumentation
 */
export { createRtdbClient } from './api/rtdb-client.js';
export type { RtdbClient, RtdbClientOptions } from './api/rtdb-client.js';
export { RtdbReference } from './api/rtdb-reference.js';
export type {
  Changed,
  ChangedValue,
  GetOptions,
  NotChanged,
  PushResult,
  ValueWithETag,
  WriteOptions,
} from './api/rtdb-reference.js';
export { RtdbQuery } from './api/rtdb-query.js';
export type { QueryResult } from './api/query-result.js';
export type { TransactionOptions, TransactionResult } from './api/run-transaction.js';
export { RtdbClientError, isRtdbClientError } from './core/rtdb-client-error.js';
export type { RtdbClientErrorCode, RtdbClientErrorDetails } from './core/rtdb-client-error.js';
export { serverTimestamp, increment } from './core/server-value.js';
export type { ServerIncrement, ServerTimestamp, ServerValue } from './core/server-value.js';
export type { GetIdTokenSource, GetTokenSource, TokenSource } from './core/token-source.js';
export type { Clock } from './core/clock.js';
export { systemClock } from './core/clock.js';
export type { BackoffOptions } from './core/backoff.js';
export { backoffDelay } from './core/backoff.js';
export { compareKeys } from './core/key-compare.js';
export { compareValues, comparePriorities } from './core/value-compare.js';
export type { QueryEntry } from './core/query-order.js';
export { orderQueryResult } from './core/query-order.js';
export type { QueryBound, QueryIndex, QuerySpec, QueryValue } from './core/query-spec.js';
export type { QueryParam } from './core/query-params.js';
export { queryParams, encodeQueryString } from './core/query-params.js';
export { SseParser } from './stream/sse-parser.js';
export type { SseMessage } from './stream/sse-parser.js';
export type { RtdbPatchEvent, RtdbPutEvent, RtdbStreamEvent } from './stream/rtdb-stream-event.js';
export type { ReconnectInfo, StreamOptions } from './stream/event-stream.js';
export { ValueCache } from './stream/value-cache.js';
