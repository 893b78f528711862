import { isRtdbError } from '../../src/core/rtdb-error.js';

/** What an action threw: an RtdbError's code and message, or `not-an-rtdb-error` for anything else. */
export interface ThrownError {
  readonly code: string;
  readonly message: string;
}

/** Runs `action` and returns what it threw, or `undefined` when it did not throw. */
export function thrownError(action: () => unknown): ThrownError | undefined {
  try {
    action();
  } catch (error) {
    if (isRtdbError(error)) return { code: error.code, message: error.message };
    return { code: 'not-an-rtdb-error', message: String(error) };
  }
  return undefined;
}

/** The code of what `action` threw (see {@link thrownError}), or `undefined` when it did not throw. */
export function thrownCode(action: () => unknown): string | undefined {
  return thrownError(action)?.code;
}
