/**
 * Test helpers for code built on the local database (`@iotkit/rtdb-server/testing`): a quiet
 * in-memory server with an admin REST shortcut, and a polling read that waits for a condition.
 *
 * @packageDocumentation
 */
export { startLocalRtdb } from './local-rtdb.js';
export type { LocalRtdb } from './local-rtdb.js';
export { eventually } from './eventually.js';
export type { EventuallyOptions } from './eventually.js';
