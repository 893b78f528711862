/** Stable codes of {@link FunctionsRunnerError}. */
export type FunctionsRunnerErrorCode =
  | 'functions/no-triggers'
  | 'functions/unsupported-trigger'
  | 'functions/invalid-options'
  | 'functions/emulator-host-conflict'
  | 'functions/load-failed'
  | 'functions/host-failed';

/** Raised when a functions module cannot be run against the local backend. */
export class FunctionsRunnerError extends Error {
  /** Stable machine-readable code, e.g. `functions/no-triggers`. */
  readonly code: FunctionsRunnerErrorCode;
  /** Extra lines for the reader, e.g. what each export of the module is and why it does not run. */
  readonly details: readonly string[];

  constructor(
    code: FunctionsRunnerErrorCode,
    message: string,
    options?: { cause?: unknown; details?: readonly string[] },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'FunctionsRunnerError';
    this.code = code;
    this.details = options?.details ?? [];
  }
}
