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
