/**
 * Assignment 5 (a batch of readings queried back by a chosen child and prefix): where the
 * assignment's files live, the companion that runs the same query from a computer, the page with
 * the query live, and the demo `iotkit start a5` runs.
 *
 * @packageDocumentation
 */
export { A5_ROOT, A5_FIRMWARE_DIR } from './a5-paths.js';
export { startA5Page, bundleA5PageScript } from '../companion/page/src/a5-page-server.js';
export type { A5PageOptions, RunningA5Page } from '../companion/page/src/a5-page-server.js';
export type { A5PageConfig } from '../companion/page/src/page/page-config.js';
export { startA5Demo, startDemo, A5_DEMO_ACCOUNT, A5_DEMO_APP } from './start-a5-demo.js';
export type { A5DemoOptions, RunningA5Demo } from './start-a5-demo.js';
export { ensureDemoAccount } from './device-account.js';
