/**
 * Browser side of the data viewer, bundled into each assignment's page: the live tree and the
 * operation log. Style them with `DATA_VIEWER_CSS` from `@iotkit/data-viewer`.
 * @packageDocumentation
 */
export { mountDataTree } from './data-tree.js';
export type { DataTreeOptions, MountedDataTree } from './data-tree.js';
export { mountOperationLog } from './operation-log.js';
export type { MountedOperationLog, OperationLogOptions } from './operation-log.js';
