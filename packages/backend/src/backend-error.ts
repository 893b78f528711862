/** Stable codes of {@link BackendError}. */
export type BackendErrorCode =
  'backend/missing-firebase-tools' | 'backend/port-in-use' | 'backend/start-failed';

/** Raised when a part of the local backend cannot be started. */
export class BackendError extends Error {
  /** Stable machine-readable code, e.g. `backend/port-in-use`. */
  readonly code: BackendErrorCode;

  constructor(code: BackendErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'BackendError';
    this.code = code;
  }
}
