import { isRtdbError } from '../core/rtdb-error.js';
import { ClientMessageError } from './client-message.js';

/** A failed request as the wire reports it: `{"s": status, "d": message}`. */
export interface WireFailure {
  /** Status such as `permission_denied`, `datastale`, `invalid_data`. */
  status: string;
  /** Human-readable explanation (the SDK shows it as `STATUS: message`). */
  message: string;
}

// Every way a value can be malformed is one status on the wire, as Firebase reports it.
const DATA_CODES = new Set([
  'rtdb/invalid-data',
  'rtdb/invalid-key',
  'rtdb/invalid-json',
  'rtdb/invalid-server-value',
]);

/**
 * Maps an error thrown while handling a request to the status the SDKs understand.
 * `rtdb/permission-denied` → `permission_denied` ("Permission denied", as Firebase says),
 * `rtdb/precondition-failed` → `datastale`, malformed values (`rtdb/invalid-data`, `invalid-key`,
 * `invalid-json`, `invalid-server-value`) → `invalid_data`, other `rtdb/x-y` codes → `x_y`, malformed requests
 * → `invalid_request`, anything unexpected → `internal_error`.
 *
 * @param error - what the handler threw
 * @returns the status and message to reply with
 */
export function wireFailure(error: unknown): WireFailure {
  if (isRtdbError(error)) {
    if (error.code === 'rtdb/permission-denied')
      return { status: 'permission_denied', message: 'Permission denied' };
    if (error.code === 'rtdb/precondition-failed') return { status: 'datastale', message: error.message };
    if (DATA_CODES.has(error.code)) return { status: 'invalid_data', message: error.message };
    return { status: error.code.slice('rtdb/'.length).replace(/-/g, '_'), message: error.message };
  }
  if (error instanceof ClientMessageError) return { status: 'invalid_request', message: error.message };
  return { status: 'internal_error', message: 'Internal server error' };
}
