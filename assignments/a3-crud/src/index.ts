/**
 * Assignment 3 (read, update and delete on the Realtime Database from a keypad menu): where the
 * assignment's files live, its page (the device's data live, LCD, keypad, operation log) and the
 * demo `iotkit start a3` runs.
 *
 * @packageDocumentation
 */
export { A3_ROOT, A3_FIRMWARE_DIR } from './a3-paths.js';
export { startA3Page, bundleA3PageScript } from '../companion/page/src/a3-page-server.js';
export type { A3PageOptions, RunningA3Page } from '../companion/page/src/a3-page-server.js';
export type { A3PageConfig } from '../companion/page/src/page/page-config.js';
export { isKeypadSequence, KEYPAD_ROWS, MAX_KEYS_PER_PRESS } from '../companion/page/src/page/keypad-keys.js';
export { startA3Demo, startDemo, A3_DEMO_ACCOUNT } from './start-a3-demo.js';
export type { A3DemoOptions, RunningA3Demo } from './start-a3-demo.js';
export { adminRest, feedDemoDevice, demoIr, DEMO_CONFIG, DEMO_MAX_READINGS } from './demo-data.js';
export type { AdminRest } from './demo-data.js';
export { ensureDemoAccount } from './device-account.js';
