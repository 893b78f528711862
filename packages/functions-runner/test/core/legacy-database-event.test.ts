import { beforeAll, describe, expect, it } from 'vitest';
import * as functions from 'firebase-functions/v1';
import type { EventContext } from 'firebase-functions/v1';
import { legacyDatabaseEvent } from '../../src/core/legacy-database-event.js';
import { DATABASE_EVENT_TYPES as T } from '../../src/core/event-types.js';
import type { JsonValue } from '../../src/core/json-equal.js';
import type { WriterIdentity } from '../../src/core/writer-identity.js';

// The v1 wrapper builds snapshots against an admin app and reads the default instance from
// FIREBASE_CONFIG; point both at a (never contacted) emulator.
beforeAll(() => {
  process.env['FIREBASE_DATABASE_EMULATOR_HOST'] ??= '127.0.0.1:9';
  process.env['GCLOUD_PROJECT'] ??= 'demo-iotkit';
  process.env['FIREBASE_CONFIG'] ??= JSON.stringify({
    projectId: 'demo-iotkit',
    databaseURL: 'http://127.0.0.1:9/?ns=unit',
  });
});

const time = new Date('2026-01-02T03:04:05.000Z');
const admin: WriterIdentity = { type: 'admin' };
const user: WriterIdentity = {
  type: 'user',
  uid: 'u1',
  provider: 'password',
  token: { sub: 'u1', email: 'a@b.c' },
};

function call(
  fn: (data: unknown, context: unknown) => unknown,
  eventType: (typeof T)[keyof typeof T],
  before: JsonValue,
  after: JsonValue,
  writer: WriterIdentity,
): Promise<unknown> {
  const { data, context } = legacyDatabaseEvent({
    eventType,
    ref: 'devices/u1/readings/r1',
    instance: 'student-1',
    params: { uid: 'u1', readingId: 'r1' },
    before,
    after,
    id: 'ev-1',
    time,
    writer,
  });
  return Promise.resolve(fn(data, context));
}

describe('legacyDatabaseEvent through the real firebase-functions/v1 wrapper', () => {
  it('gives onCreate the new snapshot and a context with params, eventType, timestamp and admin authType', async () => {
    let snapshot: functions.database.DataSnapshot | undefined;
    let ctx: EventContext | undefined;
    const fn = functions.database.ref('/devices/{uid}/readings/{readingId}').onCreate((s, c) => {
      snapshot = s;
      ctx = c;
      return null;
    });
    await call(fn as never, T.created, null, { ir: 2048 }, admin);
    expect(snapshot?.val()).toEqual({ ir: 2048 });
    expect(snapshot?.key).toBe('r1');
    expect(snapshot?.ref.toString()).toContain('/devices/u1/readings/r1');
    expect(ctx?.params).toEqual({ uid: 'u1', readingId: 'r1' });
    expect(ctx?.eventType).toBe('google.firebase.database.ref.create');
    expect(ctx?.timestamp).toBe('2026-01-02T03:04:05.000Z');
    expect(ctx?.eventId).toBe('ev-1');
    expect(ctx?.authType).toBe('ADMIN');
    expect(ctx?.auth).toBeUndefined();
    expect(ctx?.resource.name).toBe('projects/_/instances/student-1/refs/devices/u1/readings/r1');
  });

  it('gives a user write context.auth with uid and token claims, authType USER', async () => {
    let ctx: EventContext | undefined;
    const fn = functions.database.ref('/devices/{uid}/readings/{readingId}').onWrite((_change, c) => {
      ctx = c;
      return null;
    });
    await call(fn as never, T.written, null, 1, user);
    expect(ctx?.authType).toBe('USER');
    expect(ctx?.auth).toEqual({ uid: 'u1', token: { sub: 'u1', email: 'a@b.c' } });
  });

  it('gives an unauthenticated write authType UNAUTHENTICATED and auth null', async () => {
    let ctx: EventContext | undefined;
    const fn = functions.database.ref('/devices/{uid}/readings/{readingId}').onDelete((_s, c) => {
      ctx = c;
      return null;
    });
    await call(fn as never, T.deleted, 1, null, { type: 'unauthenticated' });
    expect(ctx?.authType).toBe('UNAUTHENTICATED');
    expect(ctx?.auth).toBeNull();
  });

  it('lets onUpdate/onWrite rebuild before and after exactly, removed keys included', async () => {
    let values: unknown[] = [];
    const fn = functions.database.ref('/devices/{uid}/readings/{readingId}').onUpdate((change) => {
      values = [change.before.val(), change.after.val()];
      return null;
    });
    await call(fn as never, T.updated, { ir: 1, note: { a: 1, b: 2 } }, { ir: 2, note: { a: 1 } }, admin);
    expect(values).toEqual([
      { ir: 1, note: { a: 1, b: 2 } },
      { ir: 2, note: { a: 1 } },
    ]);
  });

  it('gives onDelete the old value', async () => {
    let value: unknown;
    const fn = functions.database.ref('/devices/{uid}/readings/{readingId}').onDelete((s) => {
      value = s.val();
      return null;
    });
    await call(fn as never, T.deleted, { ir: 9 }, null, admin);
    expect(value).toEqual({ ir: 9 });
  });
});
