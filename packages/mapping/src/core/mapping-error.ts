/** Stable codes of {@link MappingError}. */
export type MappingErrorCode = 'mapping/invalid-calibration' | 'mapping/invalid-reading';

/** Raised for a calibration or a reading the mapping cannot use; `code` says which. */
export class MappingError extends Error {
  /** Stable machine-readable code, e.g. `mapping/invalid-calibration`. */
  readonly code: MappingErrorCode;

  /**
   * @param code - the stable code
   * @param message - what is wrong, naming the field
   */
  constructor(code: MappingErrorCode, message: string) {
    super(message);
    this.name = 'MappingError';
    this.code = code;
  }
}
