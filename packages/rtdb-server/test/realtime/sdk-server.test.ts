import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { get, onValue, ref, runTransaction, set, update } from 'firebase/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdbServer, type RunningRtdbServer } from '../../src/server/rtdb-server.js';
import { uniqueNamespace, waitFor, webClient, type WebClient } from './support/sdk-clients.js';

let server: RunningRtdbServer;
const clients: WebClient[] = [];

beforeAll(async () => {
  server = await startRtdbServer({ port: 0, log: () => undefined });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
});

function open(ns: string, mockUserToken?: Parameters<typeof webClient>[2]): WebClient {
  const client = webClient(server.port, ns, mockUserToken);
  clients.push(client);
  return client;
}

describe('one store for REST, SSE and WebSocket clients', () => {
  it('a REST PUT reaches an SDK onValue listener', async () => {
    const ns = uniqueNamespace('rest-to-sdk');
    const client = open(ns);
    const seen: unknown[] = [];
    onValue(ref(client.db, 'devices/d1/latest'), (s) => seen.push(s.val()));
    await waitFor(() => seen.length === 1, 'initial null');
    const response = await fetch(`${server.url}/devices/d1/latest.json?ns=${ns}`, {
      method: 'PUT',
      body: JSON.stringify({ ir: 300, ts: { '.sv': 'timestamp' } }),
    });
    expect(response.status).toBe(200);
    await waitFor(() => seen.length === 2, 'REST write pushed over the WebSocket');
    expect(seen[1]).toMatchObject({ ir: 300 });
  });

  it('an SDK set reaches an SSE stream', async () => {
    const ns = uniqueNamespace('sdk-to-sse');
    const client = open(ns);
    const abort = new AbortController();
    const response = await fetch(`${server.url}/servo.json?ns=${ns}`, {
      headers: { Accept: 'text/event-stream' },
      signal: abort.signal,
    });
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const reader = response.body!.getReader();
    let text = '';
    const readUntil = async (needle: string) => {
      while (!text.includes(needle)) {
        const { value, done } = await reader.read();
        if (done) throw new Error('stream ended');
        text += new TextDecoder().decode(value);
      }
    };
    await readUntil('event: put');
    await set(ref(client.db, 'servo'), { angle: 90, source: 'function' });
    await readUntil('"angle":90');
    expect(text).toMatch(/event: put\ndata: \{"path":"\/","data":\{"angle":90,"source":"function"\}\}/);
    abort.abort();
  });
});

describe('without connectDatabaseEmulator', () => {
  it('a plain http databaseURL with ?ns= works and the hello host keeps it on this server', async () => {
    const ns = uniqueNamespace('plain-url');
    const { initializeApp, deleteApp } = await import('firebase/app');
    const { getDatabase } = await import('firebase/database');
    const app = initializeApp(
      { projectId: 'demo-iotkit', databaseURL: `http://127.0.0.1:${server.port}?ns=${ns}` },
      `plain-${ns}`,
    );
    try {
      const db = getDatabase(app);
      await set(ref(db, 'hello'), 'world');
      expect(server.database(ns).read(['hello']).leaf).toBe('world');
      expect((await get(ref(db, 'hello'))).val()).toBe('world');
    } finally {
      await deleteApp(app);
    }
  });
});

describe('a ws:// databaseURL (WebSocket only, the setting for browser dashboards)', () => {
  it('connects, reads and writes', async () => {
    const ns = uniqueNamespace('ws-url');
    const { initializeApp, deleteApp } = await import('firebase/app');
    const { getDatabase, connectDatabaseEmulator } = await import('firebase/database');
    const app = initializeApp(
      { projectId: 'demo-iotkit', databaseURL: `ws://127.0.0.1:${server.port}?ns=${ns}` },
      `ws-${ns}`,
    );
    try {
      const db = getDatabase(app);
      connectDatabaseEmulator(db, '127.0.0.1', server.port);
      await set(ref(db, 'mode'), 'ws-only');
      expect(server.database(ns).read(['mode']).leaf).toBe('ws-only');
    } finally {
      await deleteApp(app);
    }
  });
});

describe('firebase-admin in emulator mode', () => {
  it('reads and writes everything, rules or not', async () => {
    const ns = uniqueNamespace('admin');
    await server.putRules(ns, JSON.stringify({ rules: { '.read': false, '.write': false } }));
    process.env['FIREBASE_DATABASE_EMULATOR_HOST'] = `127.0.0.1:${server.port}`;
    const { initializeApp, deleteApp } = await import('firebase-admin/app');
    const { getDatabase } = await import('firebase-admin/database');
    const app = initializeApp(
      { projectId: 'demo-iotkit', databaseURL: `http://127.0.0.1:${server.port}?ns=${ns}` },
      ns,
    );
    try {
      const db = getDatabase(app);
      await db.ref('devices/u1/servo').set({ angle: 45, source: 'function' });
      await db.ref('devices/u1').update({ 'latest/ir': 12, 'readings/r1': { ir: 12 } });
      const snapshot = await db.ref('devices/u1').once('value');
      expect(snapshot.val()).toEqual({
        servo: { angle: 45, source: 'function' },
        latest: { ir: 12 },
        readings: { r1: { ir: 12 } },
      });
      const ordered = await db.ref('devices/u1/readings').orderByChild('ir').limitToFirst(1).get();
      expect(Object.keys(ordered.val() as object)).toEqual(['r1']);
      const txn = await db.ref('devices/u1/servo/angle').transaction((v: number | null) => (v ?? 0) + 1);
      expect(txn.committed).toBe(true);
      expect(server.database(ns).read(['devices', 'u1', 'servo', 'angle']).leaf).toBe(46);
    } finally {
      await deleteApp(app);
    }
  });
});

describe('a mock user token makes an ordinary user', () => {
  it('is subject to the rules as auth.uid, while an anonymous client is refused', async () => {
    const ns = uniqueNamespace('mock-user');
    await server.putRules(
      ns,
      JSON.stringify({
        rules: {
          devices: {
            $uid: {
              '.read': 'auth != null && auth.uid === $uid',
              '.write': 'auth != null && auth.uid === $uid',
            },
          },
        },
      }),
    );
    const alice = open(ns, { sub: 'alice', email: 'alice@example.com' });
    const anonymous = open(ns);
    await set(ref(alice.db, 'devices/alice/latest'), { ir: 1 });
    expect((await get(ref(alice.db, 'devices/alice/latest'))).val()).toEqual({ ir: 1 });
    await expect(set(ref(alice.db, 'devices/bob/latest'), { ir: 2 })).rejects.toThrow(/PERMISSION_DENIED/i);
    await expect(get(ref(anonymous.db, 'devices/alice'))).rejects.toThrow(/permission/i);
    expect(server.database(ns).read(['devices', 'bob']).children).toBeUndefined();
  });

  it('a listen revoked by new rules is cancelled on the client', async () => {
    const ns = uniqueNamespace('revoked');
    const client = open(ns, { sub: 'carol' });
    await set(ref(client.db, 'board/x'), 1);
    const errors: Error[] = [];
    let values = 0;
    onValue(
      ref(client.db, 'board'),
      () => (values += 1),
      (error) => errors.push(error),
    );
    // The listen is in place once its first value arrived: only then can a rules change revoke it.
    await waitFor(() => values >= 1, 'the first value');
    await server.putRules(ns, JSON.stringify({ rules: { '.read': false, '.write': false } }));
    await waitFor(() => errors.length === 1, 'cancel callback');
    expect(errors[0]!.message).toMatch(/permission/i);
  });
});

describe('onDisconnect with a client process killed hard', () => {
  it('runs its queued writes for the other clients to see', async () => {
    const ns = uniqueNamespace('kill');
    const watcher = open(ns);
    const presence: unknown[] = [];
    onValue(ref(watcher.db, 'presence/dev1'), (s) => presence.push(s.val()));
    const script = fileURLToPath(new URL('./support/presence-child.mjs', import.meta.url));
    const child = spawn(process.execPath, [script, String(server.port), ns, 'dev1'], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    try {
      await new Promise<void>((resolve, reject) => {
        child.stdout.on('data', (chunk: Buffer) => {
          if (String(chunk).includes('ready')) resolve();
        });
        child.once('exit', (code) => reject(new Error(`child exited early with ${code}`)));
      });
      await waitFor(() => JSON.stringify(presence.at(-1)) === '{"online":true}', 'child online');
      const killedAt = Date.now();
      child.kill('SIGKILL');
      await waitFor(
        () => (presence.at(-1) as { online?: boolean } | null)?.online === false,
        'onDisconnect write',
      );
      const last = presence.at(-1) as { online: boolean; lastSeen: number };
      expect(last.lastSeen).toBeGreaterThanOrEqual(killedAt);
      expect((await get(ref(watcher.db, 'stats'))).val()).toEqual({ disconnects: 1, last: { dev1: true } });
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('transactions with the write-ahead log', () => {
  it('contending clients converge while writes wait for the disk', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rtdb-txn-'));
    const durable = await startRtdbServer({ port: 0, dataDir, log: () => undefined });
    const ns = uniqueNamespace('txn-wal');
    const group = Array.from({ length: 5 }, () => webClient(durable.port, ns));
    try {
      const results = await Promise.all(
        group.flatMap((c) =>
          Array.from({ length: 20 }, () =>
            runTransaction(ref(c.db, 'counter'), (v: number | null) => (v ?? 0) + 1),
          ),
        ),
      );
      expect(results.every((r) => r.committed)).toBe(true);
      expect(durable.database(ns).read(['counter']).leaf).toBe(100);
    } finally {
      await Promise.all(group.map((c) => c.close()));
      await durable.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 60_000);
});

describe('server restart on the same port and data directory', () => {
  it('clients reconnect by themselves, listeners resume, acknowledged data survives', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'rtdb-restart-'));
    let first: RunningRtdbServer | undefined = await startRtdbServer({
      port: 0,
      dataDir,
      log: () => undefined,
    });
    const port = first.port;
    const ns = uniqueNamespace('restart');
    const writer = webClient(port, ns);
    const reader = webClient(port, ns);
    let second: RunningRtdbServer | undefined;
    try {
      const seen: unknown[] = [];
      onValue(ref(reader.db, 'log'), (s) => seen.push(s.val()));
      for (let i = 1; i <= 20; i += 1) await set(ref(writer.db, `log/e${i}`), i);
      await waitFor(() => Object.keys((seen.at(-1) as object | null) ?? {}).length === 20, 'all writes seen');
      await first.close();
      first = undefined;
      // Written while the server is down: the SDK queues it and sends it after reconnecting.
      const queued = update(ref(writer.db, 'log'), { e21: 21, e22: 22 });
      second = await startRtdbServer({ port, dataDir, log: () => undefined });
      await queued;
      await set(ref(writer.db, 'log/e23'), 23);
      await waitFor(
        () => Object.keys((seen.at(-1) as object | null) ?? {}).length === 23,
        'listener resumed',
        20_000,
      );
      const stored = second.database(ns).read(['log']);
      expect(stored.children?.size).toBe(23);
      expect(stored.children?.get('e1')?.leaf).toBe(1);
    } finally {
      await writer.close();
      await reader.close();
      await first?.close();
      await second?.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  }, 40_000);
});
