import type { JsonValue } from './json-equal.js';

/** CloudEvent types of the four Realtime Database triggers of firebase-functions v2. */
export const DATABASE_EVENT_TYPES = {
  /** `onValueWritten`: any change. */
  written: 'google.firebase.database.ref.v1.written',
  /** `onValueCreated`: absent before, present after. */
  created: 'google.firebase.database.ref.v1.created',
  /** `onValueUpdated`: present before and after. */
  updated: 'google.firebase.database.ref.v1.updated',
  /** `onValueDeleted`: present before, absent after. */
  deleted: 'google.firebase.database.ref.v1.deleted',
} as const;

/** One of {@link DATABASE_EVENT_TYPES}. */
export type DatabaseEventType = (typeof DATABASE_EVENT_TYPES)[keyof typeof DATABASE_EVENT_TYPES];

/**
 * Event types of the four v1 database triggers (`functions.database.ref(…).onCreate` & co. from
 * `firebase-functions/v1`) as their `__endpoint` declares them, mapped to the v2 type with the
 * same firing rule.
 */
export const V1_DATABASE_EVENT_TYPES: Readonly<Record<string, DatabaseEventType>> = {
  'providers/google.firebase.database/eventTypes/ref.write': DATABASE_EVENT_TYPES.written,
  'providers/google.firebase.database/eventTypes/ref.create': DATABASE_EVENT_TYPES.created,
  'providers/google.firebase.database/eventTypes/ref.update': DATABASE_EVENT_TYPES.updated,
  'providers/google.firebase.database/eventTypes/ref.delete': DATABASE_EVENT_TYPES.deleted,
};

/** The v1 legacy event type (`providers/google.firebase.database/eventTypes/ref.create`) of a v2 type. */
export function v1EventTypeOf(eventType: DatabaseEventType): string {
  const found = Object.entries(V1_DATABASE_EVENT_TYPES).find(([, v2]) => v2 === eventType);
  return (found as [string, DatabaseEventType])[0];
}

/** Whether `eventType` is a Realtime Database trigger type the runner can deliver. */
export function isDatabaseEventType(value: unknown): value is DatabaseEventType {
  return Object.values(DATABASE_EVENT_TYPES).includes(value as DatabaseEventType);
}

/**
 * Whether a change from `before` to `after` (already known to differ) fires a trigger of this type,
 * with the same meaning as in production: created = did not exist, now does; deleted = the reverse;
 * updated = existed before and after; written = any of them.
 */
export function firesFor(eventType: DatabaseEventType, before: JsonValue, after: JsonValue): boolean {
  const existed = before !== null;
  const exists = after !== null;
  switch (eventType) {
    case DATABASE_EVENT_TYPES.written:
      return existed || exists;
    case DATABASE_EVENT_TYPES.created:
      return !existed && exists;
    case DATABASE_EVENT_TYPES.deleted:
      return existed && !exists;
    case DATABASE_EVENT_TYPES.updated:
      return existed && exists;
  }
}
