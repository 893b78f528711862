/**
 * The kit's local Firebase Realtime Database: a data tree with Firebase's orderings, hashes and
 * limits; the REST API with queries, ETags and Server-Sent Events; durable storage (write-ahead
 * log + snapshots); namespaces; and the seams the realtime protocol and the rules engine use.
 *
 * @packageDocumentation
 */
export { RtdbError, isRtdbError } from './core/rtdb-error.js';
export type { RtdbErrorCode } from './core/rtdb-error.js';
export {
  parsePath,
  pathToString,
  pathChild,
  pathParent,
  pathIsAncestorOrSelf,
  pathEquals,
  pathRelative,
  keyProblem,
  MAX_DEPTH,
  MAX_KEY_BYTES,
} from './core/path.js';
export type { Path, ParsePathOptions } from './core/path.js';
export { compareKeys, integerKeyValue, MIN_NAME, MAX_NAME } from './core/compare-keys.js';
export {
  compareValues,
  comparePriorities,
  nodeIndexValue,
  nodeChildIndexValue,
  nodeKeysByPriority,
  OBJECT_VALUE,
} from './core/compare-values.js';
export type { IndexValue } from './core/compare-values.js';
export {
  DataNode,
  EMPTY_NODE,
  leafNode,
  childrenNode,
  nodeIsEmpty,
  nodeIsLeaf,
  nodeGetPriority,
  nodeWithPriority,
  nodeImmediateChild,
  nodeChild,
  nodeChildCount,
  nodeSortedKeys,
  nodeUpdateImmediateChild,
  nodeUpdateChild,
} from './core/data-node.js';
export type { LeafValue, Priority } from './core/data-node.js';
export { nodeHash, doubleToHex } from './core/node-hash.js';
export { nodeFromJson, nodeToJson, MAX_STRING_BYTES } from './core/node-json.js';
export type { NodeFromJsonOptions, NodeToJsonOptions } from './core/node-json.js';
export { resolveServerValues } from './core/server-values.js';
export { createPushIdGenerator, PUSH_CHARS } from './core/push-id.js';
export type { PushIdOptions } from './core/push-id.js';
export {
  applyQuery,
  queryIsDefault,
  queryKeys,
  queryInRange,
  queryCompare,
  queryIndexValue,
  DEFAULT_QUERY,
} from './core/query-spec.js';
export type { QuerySpec, QueryIndex, QueryBound, JsonPrimitive } from './core/query-spec.js';
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
export { ListenerIndex } from './core/listener-index.js';
export type { AuthInfo, RequestContext } from './core/request-context.js';
export { resolveCredential, OWNER_TOKEN } from './core/credentials.js';
export type { ResolveCredentialOptions } from './core/credentials.js';
export { allowAllPolicy } from './core/access-policy.js';
export type { AccessPolicy, AccessDecision } from './core/access-policy.js';
export { readDecision, requireRead, requireWrite, indexDeclared } from './core/access-check.js';
export { resolveNamespace, isValidNamespace, DEFAULT_NAMESPACE } from './core/namespace-resolver.js';
export type { RestContext } from './rest/rest-context.js';
export { parseRulesText, OPEN_RULES_TEXT } from './rest/rest-settings.js';
export { formatSseEvent } from './stream/sse-event.js';
export { readEmulatorExport, writeEmulatorExport, DATABASE_EXPORT_DIR } from './store/emulator-export.js';
export { startRtdbServer } from './server/rtdb-server.js';
export { isLoopbackHost, exposureNotice } from './server/exposure.js';
export { HttpRouter } from './server/http-router.js';
export type { HttpRoute, HttpRouterOptions, RequestHandler, UpgradeHandler } from './server/http-router.js';
export type { RtdbServerOptions, RunningRtdbServer } from './server/rtdb-server.js';
export type { CompactionPolicy } from './store/namespace-store.js';
// Security rules: also their own entry point, `@iotkit/rtdb-server/rules`; kept here for the
// packages that import them from the root.
export * from './rules/index.js';
export { importEmulatorData, exportEmulatorData } from './server/emulator-data.js';
export { parseRestOptions } from './rest/rest-query.js';
export type { RestOptions } from './rest/rest-query.js';
// For tests of code built on the database: also `@iotkit/rtdb-server/testing`; kept here for the
// packages that import them from the root.
export * from './testing/index.js';
