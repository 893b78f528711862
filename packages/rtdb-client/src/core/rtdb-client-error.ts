/**
 * Stable codes of {@link RtdbClientError}. Tests and callers branch on these, never on messages.
 *
 * - `rtdb-client/invalid-argument`: rejected before any request (bad path, key, query or value).
 * - `rtdb-client/invalid-request`: the server answered 400 (bad data, bad query parameters …).
 * - `rtdb-client/permission-denied`: the rules refused the operation (401 `Permission denied`, or 403).
 * - `rtdb-client/unauthenticated`: the server refused the credential itself (other 401s).
 * - `rtdb-client/not-found`: 404, e.g. an unknown database.
 * - `rtdb-client/precondition-failed`: 412, an `if-match` ETag did not match.
 * - `rtdb-client/server-error`: a 5xx answer.
 * - `rtdb-client/unexpected-status`: any other non-2xx answer.
 * - `rtdb-client/invalid-response`: a 2xx answer whose body is not the JSON the protocol promises.
 * - `rtdb-client/network`: the request never got an answer (refused, reset, timed out).
 * - `rtdb-client/transaction-max-retries`: a transaction lost the ETag race too many times.
 * - `rtdb-client/stream-cancelled`: the server ended a stream with a `cancel` event.
 * - `rtdb-client/auth-revoked`: the server ended a stream with `auth_revoked` and no fresh token helped.
 * - `rtdb-client/stream-retries-exhausted`: a stream could not reconnect within its retry budget.
 * - `rtdb-client/token-source`: the token source failed to produce a token.
 */
export type RtdbClientErrorCode =
  | 'rtdb-client/invalid-argument'
  | 'rtdb-client/invalid-request'
  | 'rtdb-client/permission-denied'
  | 'rtdb-client/unauthenticated'
  | 'rtdb-client/not-found'
  | 'rtdb-client/precondition-failed'
  | 'rtdb-client/server-error'
  | 'rtdb-client/unexpected-status'
  | 'rtdb-client/invalid-response'
  | 'rtdb-client/network'
  | 'rtdb-client/transaction-max-retries'
  | 'rtdb-client/stream-cancelled'
  | 'rtdb-client/auth-revoked'
  | 'rtdb-client/stream-retries-exhausted'
  | 'rtdb-client/token-source';

/** Extra facts an {@link RtdbClientError} may carry. */
export interface RtdbClientErrorDetails {
  /** HTTP status of the answer, when there was one. */
  status?: number;
  /** The server's own message (the `error` field of its JSON body, or a stream event's data). */
  serverMessage?: string;
  /** For `precondition-failed`: the current value the server sent back. */
  currentValue?: unknown;
  /** For `precondition-failed`: the current ETag the server sent back. */
  etag?: string;
  /** The underlying failure, if any. */
  cause?: unknown;
}

/** The one error class of `@iotkit/rtdb-client`; branch on {@link RtdbClientError.code}. */
export class RtdbClientError extends Error {
  /** Stable machine-readable code, e.g. `rtdb-client/permission-denied`. */
  readonly code: RtdbClientErrorCode;
  /** HTTP status of the answer, when there was one. */
  readonly status: number | undefined;
  /** The server's own message, when it sent one. */
  readonly serverMessage: string | undefined;
  /** For `precondition-failed`: the value currently stored, as the server reported it. */
  readonly currentValue: unknown;
  /** For `precondition-failed`: the ETag of the value currently stored. */
  readonly etag: string | undefined;

  constructor(code: RtdbClientErrorCode, message: string, details: RtdbClientErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'RtdbClientError';
    this.code = code;
    this.status = details.status;
    this.serverMessage = details.serverMessage;
    this.currentValue = details.currentValue;
    this.etag = details.etag;
  }
}

/** True when `error` is an {@link RtdbClientError}, optionally with the given code. */
export function isRtdbClientError(error: unknown, code?: RtdbClientErrorCode): error is RtdbClientError {
  return error instanceof RtdbClientError && (code === undefined || error.code === code);
}
