/** Stable codes of {@link A4Error}. */
export type A4ErrorCode =
  'a4/bad-arguments' | 'a4/bad-store-file' | 'a4/sign-in-failed' | 'a4/serial-failed' | 'a4/not-an-id-token';

/** Errors of assignment 4's companion tools, with a stable `code`. */
export class A4Error extends Error {
  /** Stable identifier of what went wrong, e.g. `a4/bad-store-file`. */
  readonly code: A4ErrorCode;

  /**
   * @param code - stable identifier
   * @param message - what happened and what to do, for a person
   * @param options - the underlying cause, if any
   */
  constructor(code: A4ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'A4Error';
    this.code = code;
  }
}
