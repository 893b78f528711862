import { RtdbClientError } from './rtdb-client-error.js';

/** The placeholder the server replaces with its clock (ms since the epoch) at commit. */
export interface ServerTimestamp {
  /** The server-value marker. */
  readonly '.sv': 'timestamp';
}

/** The placeholder the server replaces with the stored number plus `increment`. */
export interface ServerIncrement {
  /** The server-value marker holding the amount to add. */
  readonly '.sv': {
    /** Added to the stored number. */
    readonly increment: number;
  };
}

/** Either server-value placeholder. */
export type ServerValue = ServerTimestamp | ServerIncrement;

/** A value to write that the server fills in with its own time (`{".sv":"timestamp"}`). */
export function serverTimestamp(): ServerTimestamp {
  return { '.sv': 'timestamp' };
}

/**
 * A value to write that the server adds to the stored number (`{".sv":{"increment":n}}`); a missing
 * or non-numeric stored value counts as 0.
 */
export function increment(delta: number): ServerIncrement {
  if (typeof delta !== 'number' || !Number.isFinite(delta)) {
    throw new RtdbClientError(
      'rtdb-client/invalid-argument',
      `increment() takes a finite number, got ${String(delta)}`,
    );
  }
  return { '.sv': { increment: delta } };
}
