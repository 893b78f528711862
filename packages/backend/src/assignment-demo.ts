/**
 * What `iotkit start <assignment>` hands an assignment's demo: the running local backend. Every
 * assignment package exports a `startDemo` function with this signature from its main entry, and
 * names itself in its package.json (`"iotkit": { "id": "a3", "title": "…" }`), so the CLI finds
 * assignments by convention rather than by importing each one.
 */
export interface AssignmentDemoOptions {
  /** RTDB base URL, e.g. `http://127.0.0.1:9000`. */
  readonly rtdbUrl: string;
  /** Auth emulator base URL, e.g. `http://127.0.0.1:9099`. */
  readonly authUrl: string;
  /** The Firebase project id the backend runs as (`demo-…`). */
  readonly projectId: string;
  /** Database namespace for the demo; each assignment has its own default. */
  readonly namespace?: string;
  /** Progress lines while starting (a firmware build takes a while the first time). */
  readonly onProgress?: (line: string) => void;
  /**
   * The user drives the device's inputs through {@link RunningAssignmentDemo.keypad} (a student
   * typing the password): the demo presses no keys itself.
   */
  readonly interactive?: boolean;
}

/** A running assignment demo. */
export interface RunningAssignmentDemo {
  /** Lines to print: what runs where (page URL, device, functions). */
  readonly lines: readonly string[];
  /** Stops everything the demo started. */
  stop(): Promise<void>;
  /** Presses keys on the demo device's keypad (`0`–`9`, `*`, `#`, …), when it has one. */
  keypad?(keys: string): void;
}

/** The function every assignment package exports as `startDemo`. */
export type StartAssignmentDemo = (options: AssignmentDemoOptions) => Promise<RunningAssignmentDemo>;
