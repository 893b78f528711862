/** Stable codes of the report tooling. */
export type ReportErrorCode = 'a1/report-missing' | 'a1/chromium-missing' | 'a1/pdf-failed';

/** A failure of `pnpm report`, with a message saying what to do. */
export class ReportError extends Error {
  /** Stable code, e.g. `a1/chromium-missing`. */
  readonly code: ReportErrorCode;
  constructor(code: ReportErrorCode, message: string) {
    super(message);
    this.name = 'ReportError';
    this.code = code;
  }
}
