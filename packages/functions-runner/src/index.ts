/**
 * Runs the Realtime Database triggers of a firebase-functions module — v2 (`onValueCreated`,
 * `onValueWritten`, `onValueUpdated`, `onValueDeleted`) and v1 (`database.ref(…).onCreate`,
 * `onUpdate`, `onDelete`, `onWrite`) — against the kit's local RTDB, the way a deployed function
 * runs against Firebase: the same module, real database events with the writer's identity, no
 * code changes; in this process or in a separate functions host process.
 *
 * @packageDocumentation
 */
export { startFunctionsRunner } from './api/start-functions-runner.js';
export type {
  FunctionsRunnerOptions,
  HostCommand,
  InvocationRecord,
  RunningFunctions,
} from './api/runner-types.js';
export { functionsHostCommand } from './api/process-runner.js';
export { applyFunctionsEnvironment, defaultInstanceOf } from './api/functions-environment.js';
export type { FunctionsEnvironment } from './api/functions-environment.js';
export { classifyExports, exportReportLines } from './core/export-report.js';
export type { ClassifiedExports, ClassifyOptions, ExportKind, ExportReport } from './core/export-report.js';
export { describeTrigger, instanceMatches } from './core/trigger-spec.js';
export type { CloudFunctionHandler, FunctionsApi, LoadedTrigger, TriggerSpec } from './core/trigger-spec.js';
export {
  compileRefPattern,
  matchPrefix,
  matchRefPattern,
  reportDepth,
  staticPrefix,
} from './core/ref-pattern.js';
export type { RefPattern, PatternSegment } from './core/ref-pattern.js';
export { changedMatches } from './core/changed-matches.js';
export type { ChangedMatch } from './core/changed-matches.js';
export { changeDelta } from './core/change-delta.js';
export { jsonEqual } from './core/json-equal.js';
export type { JsonValue } from './core/json-equal.js';
export { authAttributes, databaseCloudEvent } from './core/database-cloud-event.js';
export type { CloudEventInput } from './core/database-cloud-event.js';
export { legacyDatabaseEvent } from './core/legacy-database-event.js';
export type { LegacyDatabaseEvent, LegacyEventInput } from './core/legacy-database-event.js';
export {
  DATABASE_EVENT_TYPES,
  V1_DATABASE_EVENT_TYPES,
  firesFor,
  isDatabaseEventType,
  v1EventTypeOf,
} from './core/event-types.js';
export type { DatabaseEventType } from './core/event-types.js';
export { describeWriter, parseWriterIdentity } from './core/writer-identity.js';
export type { WriterIdentity } from './core/writer-identity.js';
export { openWriteFeed, WRITE_FEED_PATH } from './stream/write-feed-client.js';
export type { FeedChange, FeedRecord, FeedWatch, WriteFeed } from './stream/write-feed-client.js';
export { FunctionsRunnerError } from './core/functions-runner-error.js';
export type { FunctionsRunnerErrorCode } from './core/functions-runner-error.js';
