/**
 * The live data viewer every assignment's page shares: the Realtime Database tree of a subtree
 * as the Firebase console shows it (through the official `firebase` web SDK: expand/collapse,
 * changed values flash, deleted nodes fade out), and a log of the operations the device made,
 * relayed from its event stream.
 *
 * This entry is the Node side and the model; the browser side is `@iotkit/data-viewer/page`
 * (`mountDataTree`, `mountOperationLog`), bundled into each page.
 *
 * @packageDocumentation
 */
export { DataViewerError } from './core/data-viewer-error.js';
export type { DataViewerErrorCode } from './core/data-viewer-error.js';
export { treeChanges, compareKeys } from './core/tree-changes.js';
export type { TreeChanges } from './core/tree-changes.js';
export { operationEntry } from './core/operation-entry.js';
export type { HttpExchange, OperationEntry, OperationOutcome } from './core/operation-entry.js';
export { DeviceEventFeed } from './server/device-event-feed.js';
export type { DeviceEventFeedOptions, FeedEvent, FeedSnapshot } from './server/device-event-feed.js';
export { DATA_VIEWER_CSS } from './style/data-viewer-css.js';
