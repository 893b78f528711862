import { AuthError } from './auth-error.js';
import type { AuthErrorCode } from './auth-error.js';

// Firebase's REST error strings and what they mean to a person. The code is derived from the key.
const KNOWN: Record<string, string> = {
  EMAIL_NOT_FOUND: 'no account has this email address',
  INVALID_PASSWORD: 'the password is wrong',
  INVALID_LOGIN_CREDENTIALS: 'the email or the password is wrong',
  TOKEN_EXPIRED: "the user's credential is no longer valid; sign in again",
  USER_DISABLED: 'this account has been disabled by an administrator',
  INVALID_REFRESH_TOKEN: 'the refresh token is not valid (revoked, deleted user, or not a refresh token)',
  EMAIL_EXISTS: 'an account with this email address already exists',
  WEAK_PASSWORD: 'the password is too weak (at least 6 characters)',
  INVALID_CUSTOM_TOKEN: 'the custom token is malformed, expired or not signed for this project',
  CREDENTIAL_MISMATCH: 'the custom token belongs to a different project',
  INVALID_ID_TOKEN: 'the ID token is not valid; sign in again',
  USER_NOT_FOUND: 'the account no longer exists',
  MISSING_PASSWORD: 'a password is required',
  MISSING_EMAIL: 'an email address is required',
  INVALID_EMAIL: 'the email address is badly formatted',
  MISSING_REFRESH_TOKEN: 'a refresh token is required',
  INVALID_GRANT_TYPE: 'the grant type must be refresh_token',
  OPERATION_NOT_ALLOWED: 'this sign-in method is disabled for the project',
  TOO_MANY_ATTEMPTS_TRY_LATER: 'too many attempts from this device; try again later',
  CREDENTIAL_TOO_OLD_LOGIN_AGAIN: 'this operation needs a recent sign-in; sign in again',
};

/** The shape of an error body from Identity Toolkit and Secure Token. */
interface FirebaseErrorBody {
  error?: { code?: number; message?: string; status?: string } | string;
}

/**
 * Turns Firebase's error answer into an {@link AuthError}.
 *
 * Firebase sometimes appends an explanation after ` : `
 * (`WEAK_PASSWORD : Password should be at least 6 characters`); the code comes from the part
 * before it and the explanation is kept in the message.
 *
 * @param status - HTTP status of the response
 * @param body - the parsed JSON body (anything)
 * @returns the typed error
 */
export function authErrorFromResponse(status: number, body: unknown): AuthError {
  const error = (body as FirebaseErrorBody | null)?.error;
  const raw =
    typeof error === 'string' ? error : typeof error?.message === 'string' ? error.message : undefined;
  if (raw === undefined) {
    return new AuthError(
      'auth/unexpected-response',
      `Firebase answered HTTP ${status} without an error message`,
      {
        status,
      },
    );
  }
  const [key = '', ...rest] = raw.split(' : ');
  const suffix = rest.join(' : ').trim();
  const meaning = KNOWN[key.trim()];
  if (meaning !== undefined) {
    const code = `auth/${key.trim().toLowerCase().replaceAll('_', '-')}` as AuthErrorCode;
    return new AuthError(code, suffix ? `${meaning} (${suffix})` : meaning, { status, firebaseMessage: raw });
  }
  if (/missing a valid API key/i.test(raw)) {
    return new AuthError('auth/missing-api-key', 'the request has no API key; pass apiKey in the endpoints', {
      status,
      firebaseMessage: raw,
    });
  }
  if (/API key not valid/i.test(raw)) {
    return new AuthError('auth/invalid-api-key', 'the API key is not valid for this project', {
      status,
      firebaseMessage: raw,
    });
  }
  return new AuthError('auth/unknown', `Firebase answered HTTP ${status}: ${raw}`, {
    status,
    firebaseMessage: raw,
  });
}
