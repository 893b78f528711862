/** Stable codes of {@link DataViewerError}. */
export type DataViewerErrorCode = 'data-viewer/bad-option';

/** The one error class of `@iotkit/data-viewer`; `code` is stable, the message says what to fix. */
export class DataViewerError extends Error {
  /** Machine-readable reason, e.g. `data-viewer/bad-option`. */
  readonly code: DataViewerErrorCode;

  /**
   * @param code - stable reason
   * @param message - what was wrong, in words
   */
  constructor(code: DataViewerErrorCode, message: string) {
    super(message);
    this.name = 'DataViewerError';
    this.code = code;
  }
}
