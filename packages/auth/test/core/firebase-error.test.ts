import { describe, expect, it } from 'vitest';
import { AuthError, authErrorFromResponse } from '../../src/index.js';

const body = (message: string) => ({
  error: { code: 400, message, errors: [{ message, reason: 'invalid' }] },
});

describe('authErrorFromResponse()', () => {
  it.each([
    ['EMAIL_NOT_FOUND', 'auth/email-not-found'],
    ['INVALID_PASSWORD', 'auth/invalid-password'],
    ['INVALID_LOGIN_CREDENTIALS', 'auth/invalid-login-credentials'],
    ['TOKEN_EXPIRED', 'auth/token-expired'],
    ['USER_DISABLED', 'auth/user-disabled'],
    ['INVALID_REFRESH_TOKEN', 'auth/invalid-refresh-token'],
    ['EMAIL_EXISTS', 'auth/email-exists'],
    ['WEAK_PASSWORD', 'auth/weak-password'],
    ['INVALID_CUSTOM_TOKEN', 'auth/invalid-custom-token'],
    ['CREDENTIAL_MISMATCH', 'auth/credential-mismatch'],
    ['INVALID_ID_TOKEN', 'auth/invalid-id-token'],
    ['USER_NOT_FOUND', 'auth/user-not-found'],
    ['MISSING_PASSWORD', 'auth/missing-password'],
    ['MISSING_EMAIL', 'auth/missing-email'],
    ['INVALID_EMAIL', 'auth/invalid-email'],
    ['MISSING_REFRESH_TOKEN', 'auth/missing-refresh-token'],
    ['INVALID_GRANT_TYPE', 'auth/invalid-grant-type'],
    ['OPERATION_NOT_ALLOWED', 'auth/operation-not-allowed'],
    ['TOO_MANY_ATTEMPTS_TRY_LATER', 'auth/too-many-attempts-try-later'],
    ['CREDENTIAL_TOO_OLD_LOGIN_AGAIN', 'auth/credential-too-old-login-again'],
  ])('maps %s to %s', (message, code) => {
    const error = authErrorFromResponse(400, body(message));
    expect(error).toBeInstanceOf(AuthError);
    expect(error.code).toBe(code);
    expect(error.status).toBe(400);
    expect(error.firebaseMessage).toBe(message);
  });

  it('reads the code before a " : " explanation and keeps the explanation', () => {
    const error = authErrorFromResponse(
      400,
      body('TOO_MANY_ATTEMPTS_TRY_LATER : Access to this account has been temporarily disabled'),
    );
    expect(error.code).toBe('auth/too-many-attempts-try-later');
    expect(error.message).toContain('Access to this account has been temporarily disabled');
  });

  it('recognises API key problems', () => {
    expect(authErrorFromResponse(403, body('The request is missing a valid API key.')).code).toBe(
      'auth/missing-api-key',
    );
    expect(authErrorFromResponse(400, body('API key not valid. Please pass a valid API key.')).code).toBe(
      'auth/invalid-api-key',
    );
  });

  it('keeps an unknown string under auth/unknown', () => {
    const error = authErrorFromResponse(400, body('SOMETHING_NEW'));
    expect(error.code).toBe('auth/unknown');
    expect(error.message).toContain('SOMETHING_NEW');
  });

  it.each([[null], [{}], ['text'], [{ error: { code: 500 } }]])(
    'treats %j as an unexpected response',
    (value) => {
      expect(authErrorFromResponse(500, value).code).toBe('auth/unexpected-response');
    },
  );

  it('accepts the plain-string error shape', () => {
    expect(authErrorFromResponse(400, { error: 'INVALID_EMAIL' }).code).toBe('auth/invalid-email');
  });
});
