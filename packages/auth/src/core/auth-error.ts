/**
 * Stable codes of {@link AuthError}.
 *
 * Codes that come from Firebase are its REST error string in lower kebab case
 * (`EMAIL_NOT_FOUND` → `auth/email-not-found`); the others describe failures on this side.
 */
export type AuthErrorCode =
  | 'auth/email-not-found'
  | 'auth/invalid-password'
  | 'auth/invalid-login-credentials'
  | 'auth/token-expired'
  | 'auth/user-disabled'
  | 'auth/invalid-refresh-token'
  | 'auth/email-exists'
  | 'auth/weak-password'
  | 'auth/invalid-custom-token'
  | 'auth/credential-mismatch'
  | 'auth/invalid-id-token'
  | 'auth/user-not-found'
  | 'auth/missing-password'
  | 'auth/missing-email'
  | 'auth/invalid-email'
  | 'auth/missing-refresh-token'
  | 'auth/invalid-grant-type'
  | 'auth/operation-not-allowed'
  | 'auth/too-many-attempts-try-later'
  | 'auth/credential-too-old-login-again'
  | 'auth/missing-api-key'
  | 'auth/invalid-api-key'
  | 'auth/network-error'
  | 'auth/unexpected-response'
  | 'auth/malformed-token'
  | 'auth/unknown';

/** Extra facts an {@link AuthError} may carry. */
export interface AuthErrorDetails {
  /** HTTP status of the failed request, when there was a response. */
  status?: number;
  /** The error string exactly as Firebase sent it, e.g. `WEAK_PASSWORD : Password should be at least 6 characters`. */
  firebaseMessage?: string;
  /** The underlying error (a network failure, a JSON parse error). */
  cause?: unknown;
}

/** Every failure of this package: a Firebase error answer, a network failure, or a token that cannot be read. */
export class AuthError extends Error {
  /** Stable machine-readable code, e.g. `auth/invalid-password`. */
  readonly code: AuthErrorCode;
  /** HTTP status of the failed request, when there was one. */
  readonly status: number | undefined;
  /** Firebase's own error string, when the error came from Firebase. */
  readonly firebaseMessage: string | undefined;

  /**
   * @param code - the stable code
   * @param message - a sentence for people
   * @param details - status, Firebase's string and cause, when known
   */
  constructor(code: AuthErrorCode, message: string, details: AuthErrorDetails = {}) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'AuthError';
    this.code = code;
    this.status = details.status;
    this.firebaseMessage = details.firebaseMessage;
  }
}
