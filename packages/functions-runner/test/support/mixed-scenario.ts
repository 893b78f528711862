// The writes of the mixed-module tests, made by the three kinds of writer a course meets: the admin
// SDK (owner credential), a student signed in with the official web SDK against the official Auth
// emulator, and plain REST without credentials. Shared by the inline and the process-host tests.
import { deleteApp as deleteAdminApp, initializeApp as initializeAdminApp } from 'firebase-admin/app';
import { getDatabase as getAdminDatabase } from 'firebase-admin/database';
import { deleteApp as deleteClientApp, initializeApp as initializeClientApp } from 'firebase/app';
import { connectAuthEmulator, createUserWithEmailAndPassword, getAuth, signOut } from 'firebase/auth';
import { getDatabase as getClientDatabase, goOffline, ref, set } from 'firebase/database';
import { expect } from 'vitest';
import type { RunningFunctions } from '../../src/api/runner-types.js';

/** The namespace the mixed module's instance filter names. */
export const MIXED_NS = 'mixed';

/** Writes the scenario and returns the signed-in student's uid and email. */
export async function writeMixedScenario(
  databaseHost: string,
  authUrl: string,
): Promise<{ uid: string; email: string }> {
  const url = `http://${databaseHost}/?ns=${MIXED_NS}`;
  const admin = initializeAdminApp(
    {
      projectId: 'demo-iotkit',
      databaseURL: url,
      credential: { getAccessToken: () => Promise.resolve({ access_token: 'owner', expires_in: 3600 }) },
    },
    `mixed-admin-${Date.now()}`,
  );
  const client = initializeClientApp(
    { projectId: 'demo-iotkit', apiKey: 'demo-key', databaseURL: `http://${databaseHost}?ns=${MIXED_NS}` },
    `mixed-student-${Date.now()}`,
  );
  const rest = async (method: string, path: string, value?: unknown): Promise<void> => {
    const res = await fetch(`http://${databaseHost}/${path}.json?ns=${MIXED_NS}`, {
      method,
      ...(value === undefined ? {} : { body: JSON.stringify(value) }),
    });
    expect(res.status, `${method} ${path}`).toBe(200);
  };
  try {
    const auth = getAuth(client);
    connectAuthEmulator(auth, authUrl, { disableWarnings: true });
    const email = `student-${Date.now()}@example.com`;
    const { user } = await createUserWithEmailAndPassword(auth, email, 'secret-42');
    const adminDb = getAdminDatabase(admin);
    const studentDb = getClientDatabase(client);

    await adminDb.ref('devices/u-admin/readings/r1').set({ ir: 1 });
    await set(ref(studentDb, `devices/${user.uid}/readings/r2`), { ir: 2 });
    await rest('PUT', 'devices/u-anon/readings/r3', { ir: 3 });
    await adminDb.ref('devices/u-admin/servo').set({ angle: 10 });
    await adminDb.ref('devices/u-admin/servo').update({ angle: 20 });
    await adminDb.ref('devices/u-admin/servo').remove();
    await rest('DELETE', 'devices/u-anon/readings/r3');
    await rest('PUT', 'rooms/kitchen/state', 'on');
    await rest('PUT', 'logs/2026/05/a', 'x');
    await adminDb.ref('devices/u-admin/config').set({ a: 1 });
    await adminDb.ref('devices/u-admin/config').update({ a: 2 });
    await rest('PUT', 'jobs/j1', 1);

    await signOut(auth);
    goOffline(studentDb);
    return { uid: user.uid, email };
  } finally {
    await deleteClientApp(client);
    await deleteAdminApp(admin);
  }
}

/** Number of handler invocations the scenario causes. */
export const MIXED_INVOCATIONS = 16;

/** Waits (bounded) until the runner has settled `count` invocations. */
export async function settled(functions: RunningFunctions, count: number): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (functions.invocations.length < count) {
    if (Date.now() > deadline)
      throw new Error(`only ${functions.invocations.length} of ${count} invocations after 30 s`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  await functions.idle();
}

/** What each trigger recorded under /seen, as lists in push order. */
export async function readSeen(databaseHost: string): Promise<Record<string, unknown[]>> {
  const res = await fetch(`http://${databaseHost}/seen.json?ns=${MIXED_NS}&auth=owner`);
  const tree = ((await res.json()) ?? {}) as Record<string, Record<string, unknown>>;
  return Object.fromEntries(
    Object.entries(tree).map(([name, pushed]) => [
      name,
      Object.keys(pushed)
        .sort()
        .map((key) => pushed[key]),
    ]),
  );
}

/**
 * Asserts what the scenario must produce: every database trigger fired with the right event shape
 * and writer identity; nothing ran for the other instance.
 */
export function expectMixedSeen(
  seen: Record<string, unknown[]>,
  student: { uid: string; email: string },
): void {
  const v1Ref = (path: string): string => `projects/_/instances/${MIXED_NS}/refs/${path}`;
  expect(seen['v2Created']).toEqual([
    {
      ref: 'devices/u-admin/readings/r1',
      params: { uid: 'u-admin', readingId: 'r1' },
      authType: 'admin',
      instance: MIXED_NS,
      value: { ir: 1 },
    },
    {
      ref: `devices/${student.uid}/readings/r2`,
      params: { uid: student.uid, readingId: 'r2' },
      authType: 'app_user',
      authId: student.uid,
      instance: MIXED_NS,
      value: { ir: 2 },
    },
    {
      ref: 'devices/u-anon/readings/r3',
      params: { uid: 'u-anon', readingId: 'r3' },
      authType: 'unauthenticated',
      instance: MIXED_NS,
      value: { ir: 3 },
    },
  ]);
  const created = 'google.firebase.database.ref.create';
  expect(seen['v1Created']).toEqual([
    {
      ref: v1Ref('devices/u-admin/readings/r1'),
      params: { uid: 'u-admin', readingId: 'r1' },
      eventType: created,
      authType: 'ADMIN',
      hasTimestamp: true,
      value: { ir: 1 },
    },
    {
      ref: v1Ref(`devices/${student.uid}/readings/r2`),
      params: { uid: student.uid, readingId: 'r2' },
      eventType: created,
      authType: 'USER',
      uid: student.uid,
      email: student.email,
      hasTimestamp: true,
      value: { ir: 2 },
    },
    {
      ref: v1Ref('devices/u-anon/readings/r3'),
      params: { uid: 'u-anon', readingId: 'r3' },
      eventType: created,
      authType: 'UNAUTHENTICATED',
      hasTimestamp: true,
      value: { ir: 3 },
    },
  ]);
  const servo = (eventType: string, extra: Record<string, unknown>): Record<string, unknown> => ({
    ref: v1Ref('devices/u-admin/servo'),
    params: { uid: 'u-admin' },
    eventType: `google.firebase.database.ref.${eventType}`,
    authType: 'ADMIN',
    hasTimestamp: true,
    ...extra,
  });
  expect(seen['v1ServoWritten']).toEqual([
    servo('write', { after: { angle: 10 } }),
    servo('write', { before: { angle: 10 }, after: { angle: 20 } }),
    servo('write', { before: { angle: 20 } }),
  ]);
  expect(seen['v1ServoUpdated']).toEqual([servo('update', { before: { angle: 10 }, after: { angle: 20 } })]);
  expect(seen['v1ServoDeleted']).toEqual([servo('delete', { value: { angle: 20 } })]);
  expect(seen['v2Deleted']).toEqual([
    {
      ref: 'devices/u-anon/readings/r3',
      params: { uid: 'u-anon', readingId: 'r3' },
      authType: 'unauthenticated',
      instance: MIXED_NS,
      value: { ir: 3 },
    },
  ]);
  expect(seen['v2RoomState']).toEqual([
    { ref: 'rooms/kitchen/state', authType: 'unauthenticated', instance: MIXED_NS, after: 'on' },
  ]);
  expect(seen['v2Logs']).toEqual([
    {
      ref: 'logs/2026/05/a',
      params: { path: '2026/05/a' },
      authType: 'unauthenticated',
      instance: MIXED_NS,
      after: 'x',
    },
  ]);
  expect(seen['v2ConfigHere']).toEqual([
    {
      ref: 'devices/u-admin/config',
      params: { uid: 'u-admin' },
      authType: 'admin',
      instance: MIXED_NS,
      after: { a: 2 },
    },
  ]);
  expect(seen['v2ConfigElsewhere']).toBeUndefined();
}

/** The start-up report the mixed module must produce. */
export function expectMixedReport(functions: RunningFunctions): void {
  expect(functions.triggers.map((t) => `${t.api}:${t.name}`).sort()).toEqual(
    [
      'v1:v1Created',
      'v1:v1Failing',
      'v1:v1ServoDeleted',
      'v1:v1ServoUpdated',
      'v1:v1ServoWritten',
      'v2:v2ConfigHere',
      'v2:v2Created',
      'v2:v2Deleted',
      'v2:v2Logs',
      'v2:v2RoomState',
    ].sort(),
  );
  const notRun = Object.fromEntries(functions.report.filter((r) => !r.runs).map((r) => [r.name, r.kind]));
  expect(notRun).toEqual({ v2ConfigElsewhere: 'database-trigger', hello: 'https', helper: 'plain-function' });
}
