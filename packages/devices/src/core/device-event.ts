/** Log levels a device reports. */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

/** First line of every device: the app started. */
export interface BootEvent {
  /** Discriminator. */
  readonly type: 'boot';
  /** Device time: ms since the device booted (its own Clock). */
  readonly t: number;
  /** The app's name, e.g. `demo`. */
  readonly app: string;
}

/** The two visible LCD rows (trailing spaces trimmed). */
export interface LcdEvent {
  /** Discriminator. */
  readonly type: 'lcd';
  /** Device time in ms. */
  readonly t: number;
  /** Row 0 and row 1, at most 16 characters each. */
  readonly lines: readonly [string, string];
}

/** The servo was commanded to a new angle. */
export interface ServoEvent {
  /** Discriminator. */
  readonly type: 'servo';
  /** Device time in ms. */
  readonly t: number;
  /** Degrees, 0..180. */
  readonly angle: number;
}

/** One HTTP exchange (for the SSE stream: its opening GET). `auth=` values are redacted. */
export interface HttpEvent {
  /** Discriminator. */
  readonly type: 'http';
  /** Device time in ms when the exchange ended. */
  readonly t: number;
  /** `GET`, `PUT`, `POST`, `PATCH` or `DELETE`. */
  readonly method: string;
  /** Full URL with `auth=<redacted>`. */
  readonly url: string;
  /** HTTP status; 0 when the request never got an answer. */
  readonly status: number;
  /** Duration in ms. */
  readonly ms: number;
  /** Transport failure, e.g. `connect-failed`. */
  readonly error?: string;
}

/** A log line of the firmware. */
export interface LogEvent {
  /** Discriminator. */
  readonly type: 'log';
  /** Device time in ms. */
  readonly t: number;
  /** Severity. */
  readonly level: LogLevel;
  /** The message. */
  readonly msg: string;
}

/** Added by `@iotkit/devices` when the process ended. */
export interface ExitEvent {
  /** Discriminator. */
  readonly type: 'exit';
  /** Device time of the last event before the exit. */
  readonly t: number;
  /** Exit code, or null when killed by a signal. */
  readonly code: number | null;
  /** The signal that killed the process, e.g. `SIGKILL`. */
  readonly signal: string | null;
}

/** The answer to a {@link MarkInput}: the device's clock after a loop pass that followed the mark. */
export interface MarkEvent {
  /** Discriminator. */
  readonly type: 'mark';
  /** Device time in ms. */
  readonly t: number;
  /** The id the mark input carried. */
  readonly id: number;
}

/** Everything a virtual device reports. */
export type DeviceEvent = BootEvent | LcdEvent | ServoEvent | HttpEvent | LogEvent | MarkEvent | ExitEvent;

/** Sets the raw IR reading the sensor returns from now on. */
export interface IrInput {
  /** Discriminator. */
  readonly type: 'ir';
  /** Raw 12-bit ADC value (0..4095 on the real board; others are clamped by the mapping). */
  readonly value: number;
}

/** One keypad key press. */
export interface KeyInput {
  /** Discriminator. */
  readonly type: 'key';
  /** One of `0`-`9`, `*`, `#`, `A`-`D`. */
  readonly key: string;
}

/** Asks the device to exit cleanly (code 0). */
export interface QuitInput {
  /** Discriminator. */
  readonly type: 'quit';
}

/**
 * Asks for a {@link MarkEvent}, answered once the app's loop has run after the mark arrived: how a
 * test reads the device's own clock, and knows the device had its turn, without a sleep.
 */
export interface MarkInput {
  /** Discriminator. */
  readonly type: 'mark';
  /** Returned in the answer, so concurrent marks can be told apart. */
  readonly id: number;
}

/** Inputs a virtual device accepts on stdin (and in scenario files). */
export type DeviceInput = IrInput | KeyInput | QuitInput | MarkInput;
