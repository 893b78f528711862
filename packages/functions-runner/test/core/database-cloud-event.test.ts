import { beforeAll, describe, expect, it } from 'vitest';
import {
  onValueCreated,
  onValueDeleted,
  onValueUpdated,
  onValueWritten,
} from 'firebase-functions/v2/database';
import type { DatabaseEvent, DataSnapshot } from 'firebase-functions/v2/database';
import type { Change } from 'firebase-functions';
import { databaseCloudEvent } from '../../src/core/database-cloud-event.js';
import { DATABASE_EVENT_TYPES as T } from '../../src/core/event-types.js';
import type { JsonValue } from '../../src/core/json-equal.js';

// The SDK wrapper builds snapshots against an admin app; point it at a (never contacted) emulator.
beforeAll(() => {
  process.env['FIREBASE_DATABASE_EMULATOR_HOST'] ??= '127.0.0.1:9';
  process.env['GCLOUD_PROJECT'] ??= 'demo-iotkit';
  process.env['FIREBASE_CONFIG'] ??= JSON.stringify({
    projectId: 'demo-iotkit',
    databaseURL: 'http://127.0.0.1:9/?ns=unit',
  });
});

const time = new Date('2026-01-02T03:04:05.000Z');
const event = (
  eventType: (typeof T)[keyof typeof T],
  before: JsonValue,
  after: JsonValue,
): Record<string, unknown> =>
  databaseCloudEvent({
    eventType,
    ref: 'devices/u1/readings/r1',
    instance: 'student-1',
    before,
    after,
    id: 'ev-1',
    time,
    location: 'us-central1',
  });

describe('databaseCloudEvent through the real firebase-functions wrapper', () => {
  it('gives onValueCreated handlers the new value, params, ref, instance, id and time', async () => {
    let seen: DatabaseEvent<DataSnapshot> | undefined;
    const fn = onValueCreated('/devices/{uid}/readings/{readingId}', (e) => {
      seen = e;
    });
    await fn(event(T.created, null, { ir: 2048, ts: 5 }) as never);
    expect(seen?.data.val()).toEqual({ ir: 2048, ts: 5 });
    expect(seen?.data.key).toBe('r1');
    expect(seen?.params).toEqual({ uid: 'u1', readingId: 'r1' });
    expect(seen?.ref).toBe('devices/u1/readings/r1');
    expect(seen?.instance).toBe('student-1');
    expect(seen?.id).toBe('ev-1');
    expect(seen?.time).toBe('2026-01-02T03:04:05.000Z');
    expect(seen?.data.ref.toString()).toContain('/devices/u1/readings/r1');
  });

  it('lets onValueWritten rebuild the exact after value, including removed keys', async () => {
    let seen: Change<DataSnapshot> | undefined;
    const fn = onValueWritten('/devices/{uid}/readings/{readingId}', (e) => {
      seen = e.data;
    });
    const before = { ir: 1, ts: 1, note: { a: 1, b: 2 } };
    const after = { ir: 2, ts: 1, note: { a: 1 } };
    await fn(event(T.written, before, after) as never);
    expect(seen?.before.val()).toEqual(before);
    expect(seen?.after.val()).toEqual(after);
  });

  it('gives onValueDeleted the old value and onValueUpdated both', async () => {
    let deleted: unknown;
    let updated: unknown[] = [];
    await onValueDeleted('/devices/{uid}/readings/{readingId}', (e) => {
      deleted = e.data.val();
    })(event(T.deleted, { ir: 7 }, null) as never);
    await onValueUpdated('/devices/{uid}/readings/{readingId}', (e) => {
      updated = [e.data.before.val(), e.data.after.val()];
    })(event(T.updated, { ir: 7 }, 8) as never);
    expect(deleted).toEqual({ ir: 7 });
    expect(updated).toEqual([{ ir: 7 }, 8]);
  });
});

describe('writer identity through the real firebase-functions wrapper', () => {
  it('hands authType/authId to the handler as production sets them', async () => {
    const seen: Array<[string, string | undefined]> = [];
    const fn = onValueCreated('/devices/{uid}/readings/{readingId}', (e) => {
      seen.push([e.authType, e.authId]);
    });
    const token = { sub: 'u1' };
    for (const writer of [
      { type: 'admin' },
      { type: 'user', uid: 'u1', provider: 'password', token },
      { type: 'unauthenticated' },
      undefined,
    ] as const) {
      await fn({
        ...databaseCloudEvent({
          eventType: T.created,
          ref: 'devices/u1/readings/r1',
          instance: 'student-1',
          before: null,
          after: 1,
          id: 'e',
          time,
          location: 'us-central1',
          ...(writer ? { writer } : {}),
        }),
      } as never);
    }
    expect(seen).toEqual([
      ['admin', undefined],
      ['app_user', 'u1'],
      ['unauthenticated', undefined],
      ['unknown', undefined],
    ]);
  });
});
