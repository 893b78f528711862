import { expect } from 'vitest';
import { AuthError } from '../../src/index.js';

/** Awaits a promise that must reject with an {@link AuthError} and returns the error. */
export async function authErrorOf(promise: Promise<unknown>): Promise<AuthError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    return error as AuthError;
  }
  throw new Error('expected the call to fail with an AuthError');
}
