import { backoffDelay, type BackoffOptions } from '../core/backoff.js';
import type { Clock } from '../core/clock.js';
import type { QueryParam } from '../core/query-params.js';
import { RtdbClientError, isRtdbClientError } from '../core/rtdb-client-error.js';
import { formatPath } from '../core/rtdb-path.js';
import type { RestConnection } from '../rest/rest-connection.js';
import { interpretMessage, type RtdbStreamEvent } from './rtdb-stream-event.js';
import { IDLE, readWithin } from './read-within.js';
import { SseParser } from './sse-parser.js';

/** Why a stream is about to reconnect, reported to {@link StreamOptions.onReconnect}. */
export interface ReconnectInfo {
  /** Consecutive failed connection attempts so far (0 right after a connection that had delivered data). */
  readonly attempt: number;
  /** How long the stream waits before the next attempt, in ms. */
  readonly delayMs: number;
  /** What ended the previous connection. */
  readonly reason: 'closed' | 'network' | 'server-error' | 'auth-revoked' | 'idle';
}

/** Options of `stream()` and `streamValues()`. */
export interface StreamOptions {
  /** Ends the stream (the iterator finishes without an error). */
  signal?: AbortSignal;
  /** Reconnection delays. */
  backoff?: BackoffOptions;
  /**
   * Consecutive failed connection attempts allowed before the iterator fails with
   * `rtdb-client/stream-retries-exhausted`; default unlimited (like the SDKs).
   */
  maxRetries?: number;
  /**
   * Reconnect when nothing at all (not even a `keep-alive`) arrives for this long, in ms: a
   * connection can die without either side noticing (Wi-Fi drop, NAT timeout). Off by default;
   * Firebase sends a keep-alive about every 30 s, so 90 000 suits it.
   */
  idleTimeoutMs?: number;
  /** Called before each reconnection. */
  onReconnect?: (info: ReconnectInfo) => void;
}

/** What the stream loop needs from the client. */
export interface EventStreamContext {
  readonly connection: RestConnection;
  readonly clock: Clock;
  readonly random: () => number;
}

/**
 * `auth_revoked` again and again soon after connecting with a fresh token means the account itself
 * is gone: stop retrying. A revocation after a long healthy connection (an ID token living out its
 * hour) starts the count afresh.
 */
const MAX_QUICK_REVOCATIONS = 3;
const QUICK_REVOCATION_MS = 10_000;

/**
 * Streams `put`/`patch` events of one location (optionally a query), reconnecting after network
 * failures, server restarts and 5xx answers with exponential backoff, and after `auth_revoked`
 * with a freshly refreshed token. A `cancel` event, or a 4xx answer, ends it with an error.
 */
export async function* openEventStream(
  context: EventStreamContext,
  segments: readonly string[],
  params: readonly QueryParam[],
  options: StreamOptions = {},
): AsyncGenerator<RtdbStreamEvent, void, undefined> {
  const { connection, clock, random } = context;
  const maxRetries = options.maxRetries ?? Number.POSITIVE_INFINITY;
  let failures = 0;
  // Reconnections scheduled since data last arrived: the exponent of the backoff.
  let retries = 0;
  let revocations = 0;
  let forceRefresh = false;
  let serverRetryMs: number | undefined;

  for (;;) {
    if (options.signal?.aborted) return;
    const controller = new AbortController();
    const abort = (): void => controller.abort();
    options.signal?.addEventListener('abort', abort, { once: true });
    let reason: ReconnectInfo['reason'] = 'closed';
    let lastError: unknown;
    try {
      let response: Response;
      try {
        response = await connection.open(
          { method: 'GET', segments, params, signal: controller.signal },
          { accept: 'text/event-stream', forceRefresh },
        );
      } catch (error) {
        if (options.signal?.aborted) return;
        if (
          !isRtdbClientError(error) ||
          !['rtdb-client/network', 'rtdb-client/server-error'].includes(error.code)
        )
          throw error;
        reason = error.code === 'rtdb-client/network' ? 'network' : 'server-error';
        lastError = error;
        failures += 1;
        throw new RetrySignal();
      }
      forceRefresh = false;
      const connectedAt = clock.now();
      if (!response.body) {
        throw new RtdbClientError(
          'rtdb-client/invalid-response',
          `GET ${formatPath(segments)}: the stream has no body`,
        );
      }
      const parser = new SseParser();
      const reader = response.body.getReader();
      let delivered = false;
      try {
        for (;;) {
          let chunk: Awaited<ReturnType<typeof readWithin<Uint8Array>>>;
          try {
            chunk = await readWithin(reader, clock, options.idleTimeoutMs);
          } catch (error) {
            if (options.signal?.aborted) return;
            reason = 'network';
            lastError = error;
            break;
          }
          if (chunk === IDLE) {
            reason = 'idle';
            break;
          }
          if (chunk.done) break;
          for (const message of parser.push(chunk.value)) {
            const signal = interpretMessage(message);
            if (signal.kind === 'data') {
              if (!delivered) {
                delivered = true;
                failures = 0;
                retries = 0;
              }
              yield signal.event;
              if (options.signal?.aborted) return;
            } else if (signal.kind === 'cancel') {
              throw new RtdbClientError(
                'rtdb-client/stream-cancelled',
                `the server cancelled the stream of ${formatPath(segments)}: ${signal.message}`,
                {
                  serverMessage: signal.message,
                },
              );
            } else if (signal.kind === 'auth-revoked') {
              revocations = clock.now() - connectedAt < QUICK_REVOCATION_MS ? revocations + 1 : 1;
              if (!connection.hasTokenSource || revocations > MAX_QUICK_REVOCATIONS) {
                throw new RtdbClientError(
                  'rtdb-client/auth-revoked',
                  `the server revoked the credential of the stream of ${formatPath(segments)}: ${signal.message}`,
                  {
                    serverMessage: signal.message,
                  },
                );
              }
              forceRefresh = true;
              reason = 'auth-revoked';
              break;
            }
          }
          if (reason === 'auth-revoked') break;
        }
      } finally {
        serverRetryMs = parser.retryMs ?? serverRetryMs;
      }
      if (!delivered) failures += 1;
    } catch (error) {
      if (!(error instanceof RetrySignal)) throw error;
    } finally {
      options.signal?.removeEventListener('abort', abort);
      controller.abort();
    }
    if (failures > maxRetries) {
      throw new RtdbClientError(
        'rtdb-client/stream-retries-exhausted',
        `the stream of ${formatPath(segments)} failed ${failures} times in a row`,
        {
          cause: lastError,
        },
      );
    }
    // A fresh token deserves an immediate try; everything else waits.
    const delayMs =
      reason === 'auth-revoked'
        ? 0
        : backoffDelay(
            retries++,
            // An explicit caller choice wins over the server's `retry:` hint.
            { ...options.backoff, initialDelayMs: options.backoff?.initialDelayMs ?? serverRetryMs },
            random,
          );
    options.onReconnect?.({ attempt: failures, delayMs, reason });
    if (delayMs > 0) await clock.sleep(delayMs, options.signal);
  }
}

/** Internal control flow: the connection attempt failed in a way worth retrying. */
class RetrySignal extends Error {}
