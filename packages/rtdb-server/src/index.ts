/**
 * The kit's local Firebase Realtime Database, for running it: {@link startRtdbServer} and its
 * options, the handles of a running server (each namespace's {@link Database}, the
 * {@link HttpRouter}), the data model those handles speak (paths, nodes, queries, credentials,
 * the {@link AccessPolicy} seam), errors, logging, and Emulator Suite import/export.
 *
 * Two more entry points: `@iotkit/rtdb-server/rules` (the security rules compiler and engine)
 * and `@iotkit/rtdb-server/testing` (helpers for tests of code built on the database).
 *
 * @packageDocumentation
 */
export { startRtdbServer } from './server/rtdb-server.js';
export type { RtdbServerOptions, RunningRtdbServer } from './server/rtdb-server.js';
export { isLoopbackHost, exposureNotice } from './server/exposure.js';
export { HttpRouter } from './server/http-router.js';
export type { HttpRoute, HttpRouterOptions, RequestHandler, UpgradeHandler } from './server/http-router.js';
export type { RestContext } from './rest/rest-context.js';
export type { CompactionPolicy } from './store/namespace-store.js';
export { importEmulatorData, exportEmulatorData } from './server/emulator-data.js';
export { readEmulatorExport, writeEmulatorExport, DATABASE_EXPORT_DIR } from './store/emulator-export.js';
export { RtdbError, isRtdbError } from './core/rtdb-error.js';
export type { RtdbErrorCode } from './core/rtdb-error.js';
export { createLogger, logThresholdFor, LOG_ENV } from './core/logger.js';
export type { Logger, LoggerOptions, LogLevel, LogThreshold, LogSink } from './core/logger.js';
export { Database } from './core/database.js';
export type {
  WriteOp,
  WriteResult,
  WriteOptions,
  ChangeEvent,
  ChangeListener,
  JournalEntry,
  WriteJournal,
  DatabaseOptions,
} from './core/database.js';
export { DataNode, EMPTY_NODE } from './core/data-node.js';
export type { LeafValue, Priority } from './core/data-node.js';
export { nodeFromJson, nodeToJson } from './core/node-json.js';
export type { NodeFromJsonOptions, NodeToJsonOptions } from './core/node-json.js';
export { parsePath, pathToString } from './core/path.js';
export type { Path, ParsePathOptions } from './core/path.js';
export type { QuerySpec, QueryIndex, QueryBound, JsonPrimitive } from './core/query-spec.js';
export type { AuthInfo, RequestContext } from './core/request-context.js';
export { OWNER_TOKEN } from './core/credentials.js';
export { allowAllPolicy } from './core/access-policy.js';
export type { AccessPolicy, AccessDecision, ReadVerdict } from './core/access-policy.js';
export { DEFAULT_NAMESPACE } from './core/namespace-resolver.js';
