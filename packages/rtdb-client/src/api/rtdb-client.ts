import { systemClock, type Clock } from '../core/clock.js';
import { parsePath } from '../core/rtdb-path.js';
import { RestConnection, type RestConnectionOptions } from '../rest/rest-connection.js';
import type { ClientContext } from './client-context.js';
import { RtdbReference } from './rtdb-reference.js';

/** Options of {@link createRtdbClient}. */
export interface RtdbClientOptions extends RestConnectionOptions {
  /** Time source for stream reconnection delays; defaults to the real clock. */
  clock?: Clock;
  /** Randomness for backoff jitter, a number in [0, 1); defaults to `Math.random`. */
  random?: () => number;
}

/** A client for one database. */
export interface RtdbClient {
  /** The database origin the client talks to. */
  readonly origin: string;
  /** The namespace sent as `?ns=`, if any. */
  readonly namespace: string | undefined;
  /** A reference to `path` (`''` or `'/'` for the root). */
  ref(path?: string): RtdbReference;
}

/**
 * Creates a client for the database at `databaseUrl`: the local server or the emulator
 * (`http://127.0.0.1:9000` plus `namespace`), or a real database (`https://<db>.firebaseio.com`).
 * Nothing is sent until a reference is used.
 */
export function createRtdbClient(options: RtdbClientOptions): RtdbClient {
  const connection = new RestConnection(options);
  const context: ClientContext = {
    connection,
    clock: options.clock ?? systemClock,
    random: options.random ?? Math.random,
  };
  return {
    origin: connection.origin,
    namespace: connection.namespace,
    ref: (path = '') => new RtdbReference(context, parsePath(path)),
  };
}
