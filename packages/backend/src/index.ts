/**
 * Starts the kit's local backend for tests, graders and `iotkit start`: the official Firebase
 * Auth emulator (from `firebase-tools`) and, once available, the kit's RTDB server.
 *
 * @packageDocumentation
 */
export { startAuthEmulator } from './auth-emulator.js';
export type { AuthEmulatorOptions, RunningAuthEmulator } from './auth-emulator.js';
export { findFreePort, isPortFree } from './free-port.js';
export { BackendError } from './backend-error.js';
export type { BackendErrorCode } from './backend-error.js';
