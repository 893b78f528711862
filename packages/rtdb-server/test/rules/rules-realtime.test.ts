// The rules over the realtime protocol, with the official `firebase` web SDK signed in through
// emulator mock tokens: cross-user writes, reads and listens, listen revocation, no_index.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deleteApp, initializeApp } from 'firebase/app';
import {
  connectDatabaseEmulator,
  get,
  getDatabase,
  limitToFirst,
  onDisconnect,
  onValue,
  orderByChild,
  query,
  ref,
  serverTimestamp,
  set,
  update,
  type Database,
} from 'firebase/database';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { startRtdbServer, type RunningRtdbServer } from '../../src/server/rtdb-server.js';
import { rest } from './rules-client.js';

const COURSE_FILE = fileURLToPath(new URL('../../../../database.rules.json', import.meta.url));
let dir: string;
let server: RunningRtdbServer;
let counter = 0;
const apps: ReturnType<typeof initializeApp>[] = [];

const SEED = {
  devices: {
    alice: { latest: { ir: 1, ts: 1 }, readings: { '-a1': { ir: 10, ts: 1 } } },
    bob: { latest: { ir: 2, ts: 2 }, servo: { angle: 5, source: 'device', ts: 3 } },
  },
};

async function freshNamespace(): Promise<string> {
  counter += 1;
  const ns = `rt-rules-${counter}`;
  expect((await rest(server.url, ns, 'PUT', '/.json', { as: 'owner', body: SEED })).status).toBe(200);
  return ns;
}

function sdkAs(uid: string, ns: string): Database {
  const app = initializeApp(
    { projectId: 'demo-iotkit', databaseURL: `http://127.0.0.1:${server.port}?ns=${ns}` },
    `rules-${uid}-${ns}-${apps.length}`,
  );
  apps.push(app);
  const db = getDatabase(app);
  connectDatabaseEmulator(db, '127.0.0.1', server.port, {
    mockUserToken: { sub: uid, user_id: uid } as never,
  });
  return db;
}

async function snapshotOf(ns: string): Promise<unknown> {
  return (await rest(server.url, ns, 'GET', '/.json', { as: 'owner' })).body;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rules-rt-'));
  const file = join(dir, 'database.rules.json');
  copyFileSync(COURSE_FILE, file);
  server = await startRtdbServer({ port: 0, rulesFile: file, log: () => {} });
});

afterEach(async () => {
  await Promise.all(apps.splice(0).map((app) => deleteApp(app)));
  vi.restoreAllMocks();
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('realtime protocol (firebase SDK)', () => {
  it('alice’s set and multi-path update into bob’s subtree fail with PERMISSION_DENIED and change nothing', async () => {
    const ns = await freshNamespace();
    const before = await snapshotOf(ns);
    const db = sdkAs('alice', ns);
    await expect(set(ref(db, 'devices/bob/latest'), { ir: 9, ts: serverTimestamp() })).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await expect(
      update(ref(db, 'devices'), {
        'alice/latest': { ir: 9, ts: serverTimestamp() },
        'bob/latest': { ir: 9, ts: serverTimestamp() },
      }),
    ).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(set(ref(db, 'devices/bob'), null)).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect(await snapshotOf(ns)).toEqual(before);
  });

  it('alice cannot register an onDisconnect write in bob’s subtree', async () => {
    const ns = await freshNamespace();
    const before = await snapshotOf(ns);
    const db = sdkAs('alice', ns);
    await expect(
      onDisconnect(ref(db, 'devices/bob/latest')).set({ ir: 0, ts: serverTimestamp() }),
    ).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    await onDisconnect(ref(db, 'devices/alice/latest')).set({ ir: 0, ts: serverTimestamp() });
    expect(await snapshotOf(ns)).toEqual(before);
  });

  it('alice cannot get() or listen to bob’s subtree', async () => {
    const ns = await freshNamespace();
    const db = sdkAs('alice', ns);
    await expect(get(ref(db, 'devices/bob'))).rejects.toThrow(/permission/i);
    const cancelled = await new Promise<Error>((resolve) => {
      onValue(
        ref(db, 'devices/bob/latest'),
        () => resolve(new Error('unexpected value')),
        (error) => resolve(error),
      );
    });
    expect(cancelled.message).toMatch(/permission_denied/i);
  });

  it('alice reads and writes her own subtree (server timestamp satisfies ts == now)', async () => {
    const ns = await freshNamespace();
    const db = sdkAs('alice', ns);
    await set(ref(db, 'devices/alice/latest'), { ir: 4000, ts: serverTimestamp() });
    const value = (await get(ref(db, 'devices/alice/latest'))).val() as { ir: number; ts: number };
    expect(value.ir).toBe(4000);
    expect(Math.abs(value.ts - Date.now())).toBeLessThan(60_000);
    await expect(
      set(ref(db, 'devices/alice/latest'), { ir: 4096, ts: serverTimestamp() }),
    ).rejects.toMatchObject({
      code: 'PERMISSION_DENIED',
    });
    expect(((await snapshotOf(ns)) as typeof SEED).devices.alice.latest).toEqual(value);
  });

  it('an open listen is revoked when new rules take the read away', async () => {
    const ns = await freshNamespace();
    const db = sdkAs('alice', ns);
    const values: unknown[] = [];
    const cancelled = new Promise<Error>((resolve) => {
      onValue(
        ref(db, 'devices/alice'),
        (snap) => values.push(snap.val()),
        (error) => resolve(error),
      );
    });
    await expect.poll(() => values.length).toBeGreaterThan(0);
    const put = await rest(server.url, ns, 'PUT', '/.settings/rules.json', {
      as: 'owner',
      rawBody: '{"rules": {"devices": {".read": false}}}',
    });
    expect(put.status).toBe(200);
    expect((await cancelled).message).toMatch(/permission_denied/i);
  });

  it('an open listen is revoked when a data change takes the read away', async () => {
    const ns = await freshNamespace();
    const rules = '{"rules": {"rooms": {"$room": {".read": "data.child(\'members\').hasChild(auth.uid)"}}}}';
    expect(
      (await rest(server.url, ns, 'PUT', '/.settings/rules.json', { as: 'owner', rawBody: rules })).status,
    ).toBe(200);
    await rest(server.url, ns, 'PUT', '/rooms/r1.json', {
      as: 'owner',
      body: { members: { alice: true }, topic: 't' },
    });
    const db = sdkAs('alice', ns);
    const seen: unknown[] = [];
    const cancelled = new Promise<Error>((resolve) => {
      onValue(
        ref(db, 'rooms/r1'),
        (snap) => seen.push(snap.val()),
        (error) => resolve(error),
      );
    });
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    await rest(server.url, ns, 'DELETE', '/rooms/r1/members/alice.json', { as: 'owner' });
    expect((await cancelled).message).toMatch(/permission_denied/i);
  });

  it('a listen whose rule reads another location keeps its pushes across other writes and is revoked when that location changes', async () => {
    const ns = await freshNamespace();
    const rules = '{"rules": {"rooms": {"$room": {".read": "root.child(\'open\').val() == true"}}}}';
    expect(
      (await rest(server.url, ns, 'PUT', '/.settings/rules.json', { as: 'owner', rawBody: rules })).status,
    ).toBe(200);
    await rest(server.url, ns, 'PUT', '/open.json', { as: 'owner', body: true });
    await rest(server.url, ns, 'PUT', '/rooms/r1.json', { as: 'owner', body: { topic: 't0' } });
    const db = sdkAs('alice', ns);
    const topics: unknown[] = [];
    const cancelled = new Promise<Error>((resolve) => {
      onValue(
        ref(db, 'rooms/r1'),
        (snap) => topics.push((snap.val() as { topic?: unknown } | null)?.topic),
        (error) => resolve(error),
      );
    });
    await expect.poll(() => topics).toEqual(['t0']);
    // Writes that leave /open alone: the earlier decision stands and the data keeps flowing.
    await rest(server.url, ns, 'PUT', '/rooms/r1/topic.json', { as: 'owner', body: 't1' });
    await rest(server.url, ns, 'PUT', '/elsewhere.json', { as: 'owner', body: 1 });
    await rest(server.url, ns, 'PUT', '/rooms/r1/topic.json', { as: 'owner', body: 't2' });
    await expect.poll(() => topics).toEqual(['t0', 't1', 't2']);
    await rest(server.url, ns, 'PUT', '/open.json', { as: 'owner', body: false });
    expect((await cancelled).message).toMatch(/permission_denied/i);
  });

  it('a query on an undeclared child index logs the SDK’s .indexOn warning; a declared one does not', async () => {
    const ns = await freshNamespace();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const db = sdkAs('alice', ns);
    const readings = ref(db, 'devices/alice/readings');
    await new Promise<void>((resolve) =>
      onValue(query(readings, orderByChild('ts'), limitToFirst(5)), () => resolve(), { onlyOnce: true }),
    );
    await new Promise<void>((resolve) =>
      onValue(query(readings, orderByChild('angle'), limitToFirst(5)), () => resolve(), { onlyOnce: true }),
    );
    await expect.poll(() => warn.mock.calls.map((c) => c.join(' ')).join('\n')).toMatch(/indexOn.*angle/);
    expect(warn.mock.calls.map((c) => c.join(' ')).join('\n')).not.toMatch(/indexOn.*"ts"/);
  });
});
