import type { DatabaseEventType } from './event-types.js';
import { DATABASE_EVENT_TYPES } from './event-types.js';
import type { RefPattern } from './ref-pattern.js';

/** The exported function firebase-functions built: called with a CloudEvent (v2) or `(data, context)` (v1). */
export type CloudFunctionHandler = (...args: unknown[]) => unknown;

/** Which `firebase-functions` API declared a trigger. */
export type FunctionsApi = 'v1' | 'v2';

/** A Realtime Database trigger read from an exported function's `__endpoint` metadata. */
export interface TriggerSpec {
  /** The export name, which is also the deployed function's name. */
  readonly name: string;
  /** `v2` (`onValueCreated` & co.) or `v1` (`functions.database.ref(…).onCreate` & co.). */
  readonly api: FunctionsApi;
  /** Which changes fire it, as the v2 event type with the same rule (created, updated, deleted, written). */
  readonly eventType: DatabaseEventType;
  /** The event type as the function declares it (the legacy `providers/…` form for v1). */
  readonly declaredEventType: string;
  /** The compiled `ref` path pattern. */
  readonly pattern: RefPattern;
  /** The database instance filter: `*` (any), one instance name, or a `prefix-*` pattern. */
  readonly instance: string;
  /** The first region the function is declared in, used as the event's `location`. */
  readonly region: string | undefined;
}

/** A trigger with the function that runs it (only in the process that imported the module). */
export interface LoadedTrigger extends TriggerSpec {
  /** The exported function itself: firebase-functions' wrapper around the user's handler. */
  readonly handler: CloudFunctionHandler;
}

const V2_NAMES: Record<DatabaseEventType, string> = {
  [DATABASE_EVENT_TYPES.created]: 'onValueCreated',
  [DATABASE_EVENT_TYPES.updated]: 'onValueUpdated',
  [DATABASE_EVENT_TYPES.deleted]: 'onValueDeleted',
  [DATABASE_EVENT_TYPES.written]: 'onValueWritten',
};

const V1_NAMES: Record<DatabaseEventType, string> = {
  [DATABASE_EVENT_TYPES.created]: 'onCreate',
  [DATABASE_EVENT_TYPES.updated]: 'onUpdate',
  [DATABASE_EVENT_TYPES.deleted]: 'onDelete',
  [DATABASE_EVENT_TYPES.written]: 'onWrite',
};

/** How the trigger reads in source: `onValueCreated("/a/{b}")` or `database.ref("/a/{b}").onCreate`. */
export function describeTrigger(trigger: TriggerSpec): string {
  const path = `/${trigger.pattern.source}`;
  const instance = trigger.instance === '*' ? '' : ` on instance "${trigger.instance}"`;
  return trigger.api === 'v2'
    ? `${V2_NAMES[trigger.eventType]}("${path}")${instance}`
    : `database.ref("${path}").${V1_NAMES[trigger.eventType]}${instance}`;
}

/** Whether an instance filter (`*`, `name`, or a `prefix-*` pattern) admits a namespace. */
export function instanceMatches(filter: string, namespace: string): boolean {
  if (filter === '*') return true;
  if (!filter.includes('*')) return filter === namespace;
  const escaped = filter.split('*').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('[^/]*')}$`).test(namespace);
}
