import { changeDelta } from './change-delta.js';
import type { DatabaseEventType } from './event-types.js';
import type { JsonValue } from './json-equal.js';
import type { WriterIdentity } from './writer-identity.js';

/** Inputs of one database CloudEvent. */
export interface CloudEventInput {
  /** The CloudEvent `type`. */
  readonly eventType: DatabaseEventType;
  /** Concrete path without a leading slash. */
  readonly ref: string;
  /** Database instance name; against an emulator this is the `?ns=` namespace. */
  readonly instance: string;
  /** Value before the change (`null`: absent). */
  readonly before: JsonValue;
  /** Value after the change (`null`: removed). */
  readonly after: JsonValue;
  /** Unique event id. */
  readonly id: string;
  /** When the change happened. */
  readonly time: Date;
  /** Region of the function, e.g. `us-central1`. */
  readonly location: string;
  /** Who wrote; absent: `unknown`. */
  readonly writer?: WriterIdentity;
}

/** The CloudEvent `authtype`/`authid` attributes production sets for a writer. */
export function authAttributes(writer: WriterIdentity | undefined): { authtype: string; authid?: string } {
  switch (writer?.type) {
    case 'admin':
      return { authtype: 'admin' };
    case 'user':
      return { authtype: 'app_user', authid: writer.uid };
    case 'unauthenticated':
      return { authtype: 'unauthenticated' };
    default:
      return { authtype: 'unknown' };
  }
}

/**
 * Builds the raw CloudEvent the production backend delivers to a v2 database function, in the
 * shape firebase-functions' wrapper decodes: `data.data` is the value before the change and
 * `data.delta` the patch to the new value; `firebasedatabasehost`, `instance` and `ref` are
 * extension attributes. The wrapper turns it into the `DatabaseEvent` handlers see.
 * `authtype` (`admin`, `app_user`, `unauthenticated`, `unknown`) and `authid` (the user's uid)
 * say who wrote, which the wrapper hands to the handler as `event.authType`/`event.authId`.
 */
export function databaseCloudEvent(input: CloudEventInput): Record<string, unknown> {
  return {
    specversion: '1.0',
    id: input.id,
    source: `//firebasedatabase.googleapis.com/projects/_/locations/${input.location}/instances/${input.instance}`,
    type: input.eventType,
    time: input.time.toISOString(),
    subject: `refs/${input.ref}`,
    datacontenttype: 'application/json',
    data: { data: input.before, delta: changeDelta(input.before, input.after) },
    firebasedatabasehost: 'firebaseio.com',
    instance: input.instance,
    ref: input.ref,
    location: input.location,
    ...authAttributes(input.writer),
  };
}
