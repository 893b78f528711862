import { changeDelta } from './change-delta.js';
import type { DatabaseEventType } from './event-types.js';
import { v1EventTypeOf } from './event-types.js';
import type { JsonValue } from './json-equal.js';
import type { WriterIdentity } from './writer-identity.js';

/** Inputs of one legacy (v1) database event. */
export interface LegacyEventInput {
  /** Which change fired (the v2 type with the same rule). */
  readonly eventType: DatabaseEventType;
  /** Concrete path without a leading slash. */
  readonly ref: string;
  /** Database instance (the `?ns=` namespace locally). */
  readonly instance: string;
  /** Values of the path's captures. */
  readonly params: Readonly<Record<string, string>>;
  /** Value before the change (`null`: absent). */
  readonly before: JsonValue;
  /** Value after the change (`null`: removed). */
  readonly after: JsonValue;
  /** Unique event id. */
  readonly id: string;
  /** When the change happened. */
  readonly time: Date;
  /** Who wrote. */
  readonly writer: WriterIdentity;
}

/** The two arguments a v1 background function is called with. */
export interface LegacyDatabaseEvent {
  /** `{data: before, delta}`: firebase-functions builds the snapshot or `Change` from it. */
  readonly data: { data: JsonValue; delta: JsonValue };
  /** The raw event context, before the v1 wrapper normalises it. */
  readonly context: Record<string, unknown>;
}

/**
 * Builds the `(data, context)` pair the Cloud Functions v1 runtime hands a database function, in
 * the legacy form firebase-functions/v1's wrapper expects: a `providers/…/eventTypes/ref.create`
 * event type, the resource as `projects/_/instances/<instance>/refs/<path>`, and `auth` as
 * production sends it (`{admin: true}` for admin writes, `{variable: {uid, token…}}` for users,
 * nothing for unauthenticated ones). The wrapper turns that into `context.auth`/`context.authType`.
 */
export function legacyDatabaseEvent(input: LegacyEventInput): LegacyDatabaseEvent {
  return {
    data: { data: input.before, delta: changeDelta(input.before, input.after) },
    context: {
      eventId: input.id,
      timestamp: input.time.toISOString(),
      eventType: v1EventTypeOf(input.eventType),
      resource: `projects/_/instances/${input.instance}/refs/${input.ref}`,
      params: { ...input.params },
      auth: legacyAuth(input.writer),
    },
  };
}

function legacyAuth(writer: WriterIdentity): Record<string, unknown> {
  switch (writer.type) {
    case 'admin':
      return { admin: true };
    case 'user':
      return {
        admin: false,
        variable: { uid: writer.uid, provider: writer.provider, token: { ...writer.token } },
      };
    default:
      return { admin: false };
  }
}
