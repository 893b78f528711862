/** Stable codes of {@link DevicesError}. */
export type DevicesErrorCode =
  | 'devices/missing-tool'
  | 'devices/build-failed'
  | 'devices/not-built'
  | 'devices/spawn-failed'
  | 'devices/timeout'
  | 'devices/exited'
  | 'devices/bad-event'
  | 'devices/bad-input'
  | 'devices/bad-scenario'
  | 'devices/bad-config';

/** Raised by `@iotkit/devices`; `code` is stable, the message says what to do. */
export class DevicesError extends Error {
  /** Stable machine-readable code, e.g. `devices/timeout`. */
  readonly code: DevicesErrorCode;

  constructor(code: DevicesErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DevicesError';
    this.code = code;
  }
}
