/** Stable codes of {@link CliError}. */
export type CliErrorCode =
  | 'cli/usage'
  | 'cli/unknown-command'
  | 'cli/invalid-target'
  | 'cli/missing-config'
  | 'cli/invalid-config'
  | 'cli/backend-failed'
  | 'cli/missing-tool'
  | 'cli/no-board'
  | 'cli/tool-failed';

/** A failure the `iotkit` command reports to the user; usage mistakes exit with 2, the rest with 1. */
export class CliError extends Error {
  /** Stable machine-readable code, e.g. `cli/usage`. */
  readonly code: CliErrorCode;

  /**
   * @param code - the stable code
   * @param message - what went wrong and what to do about it
   * @param options - the underlying error, if any
   */
  constructor(code: CliErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'CliError';
    this.code = code;
  }

  /** The process exit status for this error. */
  get exitCode(): number {
    return this.code === 'cli/usage' || this.code === 'cli/unknown-command' ? 2 : 1;
  }
}
