/** Stable codes of {@link RtdbError}; each maps to one HTTP status. */
export type RtdbErrorCode =
  | 'rtdb/invalid-path'
  | 'rtdb/invalid-key'
  | 'rtdb/invalid-data'
  | 'rtdb/invalid-json'
  | 'rtdb/invalid-server-value'
  | 'rtdb/invalid-query'
  | 'rtdb/invalid-token'
  | 'rtdb/invalid-rules'
  | 'rtdb/invalid-option'
  | 'rtdb/permission-denied'
  | 'rtdb/precondition-failed'
  | 'rtdb/too-big'
  | 'rtdb/index-not-defined'
  | 'rtdb/method-not-allowed'
  | 'rtdb/not-found'
  | 'rtdb/timeout'
  | 'rtdb/unavailable'
  | 'rtdb/internal';

const statusByCode: Record<RtdbErrorCode, number> = {
  'rtdb/invalid-path': 400,
  'rtdb/invalid-key': 400,
  'rtdb/invalid-data': 400,
  'rtdb/invalid-json': 400,
  'rtdb/invalid-server-value': 400,
  'rtdb/invalid-query': 400,
  'rtdb/invalid-token': 401,
  'rtdb/invalid-rules': 400,
  'rtdb/invalid-option': 400,
  'rtdb/permission-denied': 401,
  'rtdb/precondition-failed': 412,
  'rtdb/too-big': 400,
  'rtdb/index-not-defined': 400,
  'rtdb/method-not-allowed': 405,
  'rtdb/not-found': 404,
  'rtdb/timeout': 400,
  'rtdb/unavailable': 503,
  'rtdb/internal': 500,
};

/**
 * The one error class of the RTDB server. `message` is the text that goes into the REST body
 * `{"error": message}`; `status` is the HTTP status REST answers with.
 */
export class RtdbError extends Error {
  /** Stable machine-readable code such as `rtdb/permission-denied`. */
  readonly code: RtdbErrorCode;
  /** HTTP status the REST layer answers with. */
  readonly status: number;

  constructor(code: RtdbErrorCode, message: string, options?: { cause?: unknown; status?: number }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'RtdbError';
    this.code = code;
    this.status = options?.status ?? statusByCode[code];
  }
}

/** True when `error` is an {@link RtdbError}, optionally with the given code. */
export function isRtdbError(error: unknown, code?: RtdbErrorCode): error is RtdbError {
  return error instanceof RtdbError && (code === undefined || error.code === code);
}
