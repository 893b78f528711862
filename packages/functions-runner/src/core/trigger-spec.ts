import { FunctionsRunnerError } from './functions-runner-error.js';
import { isDatabaseEventType } from './event-types.js';
import type { DatabaseEventType } from './event-types.js';
import { compileRefPattern } from './ref-pattern.js';
import type { RefPattern } from './ref-pattern.js';

/** The handler firebase-functions returns: call it with a raw CloudEvent. */
export type CloudEventHandler = (event: Record<string, unknown>) => unknown;

/** A Realtime Database trigger read from an exported function's `__endpoint` metadata. */
export interface TriggerSpec {
  /** The export name, which is also the deployed function's name. */
  readonly name: string;
  /** Which changes fire it (created, updated, deleted, written). */
  readonly eventType: DatabaseEventType;
  /** The compiled `ref` path pattern. */
  readonly pattern: RefPattern;
  /** The database instance filter: `*` (any) or one instance name. */
  readonly instance: string;
  /** The first region the function is declared in, used as the event's `location`. */
  readonly region: string | undefined;
  /** The exported function itself: firebase-functions' wrapper around the user's handler. */
  readonly handler: CloudEventHandler;
}

interface EndpointShape {
  region?: unknown;
  eventTrigger?: {
    eventType?: unknown;
    eventFilters?: Record<string, unknown>;
    eventFilterPathPatterns?: Record<string, unknown>;
  };
}

/**
 * Reads the trigger of one exported value, as the Firebase CLI does when it deploys: a function
 * built by `onValueCreated` & co. carries an `__endpoint` with `eventTrigger.eventType` and the
 * `ref`/`instance` filters. Returns undefined for exports that are not database triggers.
 *
 * @throws {@link FunctionsRunnerError} `functions/unsupported-trigger` when the path cannot be watched
 */
export function readTrigger(name: string, value: unknown): TriggerSpec | undefined {
  if (typeof value !== 'function') return undefined;
  const endpoint = (value as { __endpoint?: EndpointShape }).__endpoint;
  const trigger = endpoint?.eventTrigger;
  if (!trigger || !isDatabaseEventType(trigger.eventType)) return undefined;
  const ref = trigger.eventFilterPathPatterns?.['ref'] ?? trigger.eventFilters?.['ref'];
  if (typeof ref !== 'string') {
    throw new FunctionsRunnerError(
      'functions/unsupported-trigger',
      `function "${name}" has no ref path in its trigger`,
    );
  }
  const instance = trigger.eventFilters?.['instance'] ?? trigger.eventFilterPathPatterns?.['instance'] ?? '*';
  if (typeof instance !== 'string') {
    throw new FunctionsRunnerError(
      'functions/unsupported-trigger',
      `function "${name}" sets its instance from a parameter, which the runner cannot resolve`,
    );
  }
  const region =
    Array.isArray(endpoint?.region) && typeof endpoint.region[0] === 'string'
      ? endpoint.region[0]
      : undefined;
  return {
    name,
    eventType: trigger.eventType,
    pattern: compileRefPattern(ref),
    instance,
    region,
    handler: value as CloudEventHandler,
  };
}

/** Every database trigger exported by a functions module (its namespace object). */
export function collectTriggers(moduleExports: Record<string, unknown>): TriggerSpec[] {
  const triggers: TriggerSpec[] = [];
  for (const [name, value] of Object.entries(moduleExports)) {
    const spec = readTrigger(name, value);
    if (spec) triggers.push(spec);
  }
  return triggers;
}

/** Whether an instance filter (`*`, `name`, or a `prefix-*` pattern) admits a namespace. */
export function instanceMatches(filter: string, namespace: string): boolean {
  if (filter === '*') return true;
  if (!filter.includes('*')) return filter === namespace;
  const escaped = filter.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]*')}$`).test(namespace);
}
