/**
 * Assignment 4 (the device authenticates with an ID token handed over by another app, and renews
 * it itself): the provisioning companion that signs the user in on the laptop and hands the device
 * its tokens, the demo with its status page, and where the assignment's files live.
 *
 * @packageDocumentation
 */
export { A4_ROOT, A4_FIRMWARE_DIR } from './a4-paths.js';
export { startA4Demo, startDemo, DEMO_USER } from './start-a4-demo.js';
export type { A4DemoOptions, RunningA4Demo } from './start-a4-demo.js';
export { provisionDevice } from '../companion/provision/src/provision-device.js';
export type {
  ProvisionOptions,
  ProvisionResult,
  ProvisionTarget,
} from '../companion/provision/src/provision-device.js';
export {
  HANDOFF_STORE_KEY,
  REFRESH_TOKEN_STORE_KEY,
  handoffFromSession,
  handoffLine,
} from '../companion/provision/src/token-handoff.js';
export type { TokenHandoff } from '../companion/provision/src/token-handoff.js';
export { readDeviceStore, writeHandoffToStore } from '../companion/provision/src/device-store-file.js';
export { summarizeIdToken, formatIdTokenSummary } from '../companion/provision/src/id-token-summary.js';
export type { IdTokenSummary } from '../companion/provision/src/id-token-summary.js';
export { sendHandoffOverSerial } from '../companion/provision/src/serial-handoff.js';
export { startStatusServer } from '../companion/status-page/src/status-server.js';
export type {
  DeviceStatus,
  RunningStatusServer,
  StatusServerOptions,
} from '../companion/status-page/src/status-server.js';
export { A4Error } from '../companion/provision/src/a4-error.js';
export type { A4ErrorCode } from '../companion/provision/src/a4-error.js';
