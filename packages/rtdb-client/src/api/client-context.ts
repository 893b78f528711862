import type { EventStreamContext } from '../stream/event-stream.js';

/** What every reference and query of one client shares: connection, clock and randomness. */
export type ClientContext = EventStreamContext;
