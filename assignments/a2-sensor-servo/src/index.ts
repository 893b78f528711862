/**
 * Assignment 2 (IR sensor → keypad login → RTDB → servo and LCD): the companion pieces the kit
 * runs next to the student's firmware — the cloud function, the dashboard — and where the
 * assignment's files live.
 *
 * @packageDocumentation
 */
export { A2_ROOT, A2_FIRMWARE_DIR, A2_FUNCTIONS_MODULE } from './a2-paths.js';
export { startDashboard, bundleDashboardScript } from '../companion/dashboard/src/dashboard-server.js';
export type { DashboardOptions, RunningDashboard } from '../companion/dashboard/src/dashboard-server.js';
export type { DashboardConfig } from '../companion/dashboard/src/page/dashboard-config.js';
export { servoFromReading } from '../companion/functions/src/servo-from-reading.js';
export type { ServoCommand, RejectedReading } from '../companion/functions/src/servo-from-reading.js';
export { startA2Demo, startDemo, DEMO_ACCOUNT } from './start-a2-demo.js';
export type { A2DemoOptions, RunningA2Demo } from './start-a2-demo.js';
export { irSignal } from './ir-signal.js';
export { ensureDeviceAccount } from './device-account.js';
