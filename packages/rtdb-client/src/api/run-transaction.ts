import { RtdbClientError, isRtdbClientError } from '../core/rtdb-client-error.js';
import { formatPath } from '../core/rtdb-path.js';
import { validateWriteValue } from '../core/write-value.js';
import type { RestConnection } from '../rest/rest-connection.js';

/** Options of `transaction()`. */
export interface TransactionOptions {
  /** How many times to retry after losing the race to another writer; default 25 (as the SDKs). */
  maxRetries?: number;
}

/** How a transaction ended. */
export interface TransactionResult<T> {
  /** False when the update function returned `undefined` (aborted); nothing was written then. */
  readonly committed: boolean;
  /** The value written (as the server echoed it), or the current value when not committed. */
  readonly value: T | null;
  /** The ETag of the location afterwards. */
  readonly etag: string | undefined;
  /** How many times the update function ran. */
  readonly attempts: number;
}

const ETAG_HEADER = { 'x-firebase-etag': 'true' };

/**
 * Read-modify-write with optimistic concurrency over REST: read value + ETag, compute, PUT with
 * `if-match`; a 412 answer carries the new current value and ETag, so the loop retries from those
 * without another read.
 */
export async function runTransaction<T>(
  connection: RestConnection,
  segments: readonly string[],
  update: (current: T | null) => T | null | undefined,
  options: TransactionOptions = {},
): Promise<TransactionResult<T>> {
  const maxRetries = options.maxRetries ?? 25;
  const first = await connection.request({ method: 'GET', segments, headers: ETAG_HEADER });
  let current = (first.body ?? null) as T | null;
  let etag = requireETag(first.etag, segments);
  for (let attempt = 1; ; attempt += 1) {
    // The function gets its own copy so that mutating it cannot corrupt the retry input.
    const next = update(structuredClone(current));
    if (next === undefined) return { committed: false, value: current, etag, attempts: attempt };
    validateWriteValue(next, 'transaction result');
    try {
      const written = await connection.request({
        method: 'PUT',
        segments,
        body: next,
        headers: { ...ETAG_HEADER, 'if-match': etag },
      });
      return {
        committed: true,
        value: (written.body ?? null) as T | null,
        etag: written.etag,
        attempts: attempt,
      };
    } catch (error) {
      if (!isRtdbClientError(error, 'rtdb-client/precondition-failed')) throw error;
      if (attempt > maxRetries) {
        throw new RtdbClientError(
          'rtdb-client/transaction-max-retries',
          `transaction on ${formatPath(segments)} gave up after ${attempt} attempts: other writers kept changing it`,
          { status: 412, cause: error },
        );
      }
      if (error.etag !== undefined && error.currentValue !== undefined) {
        current = (error.currentValue ?? null) as T | null;
        etag = error.etag;
      } else {
        const again = await connection.request({ method: 'GET', segments, headers: ETAG_HEADER });
        current = (again.body ?? null) as T | null;
        etag = requireETag(again.etag, segments);
      }
    }
  }
}

/** Without an ETag the PUT would be unconditional and could silently overwrite another writer. */
function requireETag(etag: string | undefined, segments: readonly string[]): string {
  if (etag === undefined) {
    throw new RtdbClientError(
      'rtdb-client/invalid-response',
      `GET ${formatPath(segments)}: the server sent no ETag although X-Firebase-ETag was requested, so a transaction is not safe`,
    );
  }
  return etag;
}
