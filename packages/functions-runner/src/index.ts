/**
 * Runs firebase-functions v2 Realtime Database triggers (`onValueCreated`, `onValueWritten`,
 * `onValueUpdated`, `onValueDeleted`) against the kit's local RTDB, the way a deployed function
 * runs against Firebase: the same module, real database events, no code changes.
 *
 * @packageDocumentation
 */
export { startFunctionsRunner } from './api/start-functions-runner.js';
export type {
  FunctionsRunnerOptions,
  InvocationRecord,
  RunningFunctions,
} from './api/start-functions-runner.js';
export { applyFunctionsEnvironment } from './api/functions-environment.js';
export type { FunctionsEnvironment } from './api/functions-environment.js';
export { collectTriggers, readTrigger, instanceMatches } from './core/trigger-spec.js';
export type { TriggerSpec, CloudEventHandler } from './core/trigger-spec.js';
export { compileRefPattern, matchRefPattern, staticPrefix } from './core/ref-pattern.js';
export type { RefPattern, PatternSegment } from './core/ref-pattern.js';
export { changedMatches } from './core/changed-matches.js';
export type { ChangedMatch } from './core/changed-matches.js';
export { changeDelta } from './core/change-delta.js';
export { jsonEqual } from './core/json-equal.js';
export type { JsonValue } from './core/json-equal.js';
export { databaseCloudEvent } from './core/database-cloud-event.js';
export type { CloudEventInput } from './core/database-cloud-event.js';
export { DATABASE_EVENT_TYPES, firesFor, isDatabaseEventType } from './core/event-types.js';
export type { DatabaseEventType } from './core/event-types.js';
export { FunctionsRunnerError } from './core/functions-runner-error.js';
export type { FunctionsRunnerErrorCode } from './core/functions-runner-error.js';
