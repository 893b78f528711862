/** Stable codes of {@link FunctionsRunnerError}. */
export type FunctionsRunnerErrorCode =
  | 'functions/no-triggers'
  | 'functions/unsupported-trigger'
  | 'functions/invalid-options'
  | 'functions/emulator-host-conflict'
  | 'functions/load-failed';

/** Raised when a functions module cannot be run against the local backend. */
export class FunctionsRunnerError extends Error {
  /** Stable machine-readable code, e.g. `functions/no-triggers`. */
  readonly code: FunctionsRunnerErrorCode;

  constructor(code: FunctionsRunnerErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'FunctionsRunnerError';
    this.code = code;
  }
}
