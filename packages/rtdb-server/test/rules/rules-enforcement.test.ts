// The rules enforced by the running server over real sockets: REST and SSE, cross-user attempts,
// denials leaving data unchanged, rule reloads, the denial log and indexes.
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdbServer, type RunningRtdbServer } from '../../src/server/rtdb-server.js';
import { openSse, rest } from './rules-client.js';

const COURSE_FILE = fileURLToPath(new URL('../../../../database.rules.json', import.meta.url));
let dir: string;
let rulesFile: string;
let server: RunningRtdbServer;
let base: string;
let nsCounter = 0;

const SEED = {
  devices: {
    alice: { latest: { ir: 1, ts: 1 }, readings: { '-a1': { ir: 10, ts: 1 }, '-a2': { ir: 20, ts: 2 } } },
    bob: {
      latest: { ir: 2, ts: 2 },
      readings: { '-b1': { ir: 30, ts: 3 } },
      servo: { angle: 5, source: 'device', ts: 3 },
    },
  },
};

/** A fresh namespace seeded by the owner. */
async function freshNamespace(): Promise<string> {
  nsCounter += 1;
  const ns = `rules-${nsCounter}`;
  const seeded = await rest(base, ns, 'PUT', '/.json', { as: 'owner', body: SEED });
  expect(seeded.status).toBe(200);
  return ns;
}

async function ownerRead(ns: string, path: string): Promise<unknown> {
  const reply = await rest(base, ns, 'GET', path, { as: 'owner' });
  expect(reply.status).toBe(200);
  return reply.body;
}

/** Asserts the request is refused with Firebase's REST denial and that nothing changed. */
async function expectDenied(
  ns: string,
  method: string,
  path: string,
  options: { as?: string; body?: unknown },
): Promise<void> {
  const before = await ownerRead(ns, '/.json');
  const reply = await rest(base, ns, method, path, options);
  expect(reply.status).toBe(401);
  expect(reply.body).toEqual({ error: 'Permission denied' });
  expect(await ownerRead(ns, '/.json')).toEqual(before);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'rules-enf-'));
  rulesFile = join(dir, 'database.rules.json');
  copyFileSync(COURSE_FILE, rulesFile);
  server = await startRtdbServer({ port: 0, rulesFile, log: () => {} });
  base = server.url;
});

afterAll(async () => {
  await server?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('REST: cross-user attempts are refused and change nothing', () => {
  it('alice cannot write, push, patch or delete in bob’s subtree', async () => {
    const ns = await freshNamespace();
    await expectDenied(ns, 'PUT', '/devices/bob/latest.json', {
      as: 'alice',
      body: { ir: 3, ts: { '.sv': 'timestamp' } },
    });
    await expectDenied(ns, 'POST', '/devices/bob/readings.json', {
      as: 'alice',
      body: { ir: 3, ts: { '.sv': 'timestamp' } },
    });
    await expectDenied(ns, 'PATCH', '/devices/bob.json', { as: 'alice', body: { 'servo/angle': 90 } });
    await expectDenied(ns, 'DELETE', '/devices/bob.json', { as: 'alice' });
    await expectDenied(ns, 'PUT', '/devices.json', {
      as: 'alice',
      body: { alice: { latest: { ir: 1, ts: 1 } } },
    });
  });

  it('a multi-path update touching bob is refused as a whole (alice’s part is not applied)', async () => {
    const ns = await freshNamespace();
    await expectDenied(ns, 'PATCH', '/devices.json', {
      as: 'alice',
      body: {
        'alice/latest': { ir: 7, ts: { '.sv': 'timestamp' } },
        'bob/latest': { ir: 7, ts: { '.sv': 'timestamp' } },
      },
    });
  });

  it('alice cannot read bob’s subtree, the device list or the root; unauthenticated cannot read at all', async () => {
    const ns = await freshNamespace();
    for (const path of ['/devices/bob.json', '/devices/bob/latest.json', '/devices.json', '/.json']) {
      const reply = await rest(base, ns, 'GET', path, { as: 'alice' });
      expect(reply.status, path).toBe(401);
      expect(reply.body).toEqual({ error: 'Permission denied' });
    }
    expect((await rest(base, ns, 'GET', '/devices/alice.json')).status).toBe(401);
  });

  it('invalid shapes are refused for the owner too, and unchanged data proves it', async () => {
    const ns = await freshNamespace();
    await expectDenied(ns, 'PUT', '/devices/alice/latest.json', {
      as: 'alice',
      body: { ir: 5000, ts: { '.sv': 'timestamp' } },
    });
    await expectDenied(ns, 'PUT', '/devices/alice/latest.json', { as: 'alice', body: { ir: 5, ts: 12345 } });
    await expectDenied(ns, 'POST', '/devices/alice/readings.json', {
      as: 'alice',
      body: { ir: 'high', ts: { '.sv': 'timestamp' } },
    });
    await expectDenied(ns, 'PUT', '/devices/alice/servo.json', {
      as: 'alice',
      body: { angle: 200, source: 'device', ts: { '.sv': 'timestamp' } },
    });
  });

  it('the owner of a subtree reads and writes it, with server timestamps passing `ts == now`', async () => {
    const ns = await freshNamespace();
    const pushed = await rest(base, ns, 'POST', '/devices/alice/readings.json', {
      as: 'alice',
      body: { ir: 4095, ts: { '.sv': 'timestamp' } },
    });
    expect(pushed.status).toBe(200);
    const name = (pushed.body as { name: string }).name;
    const stored = (await ownerRead(ns, `/devices/alice/readings/${name}.json`)) as {
      ir: number;
      ts: number;
    };
    expect(stored.ir).toBe(4095);
    expect(Math.abs(stored.ts - Date.now())).toBeLessThan(60_000);
    const read = await rest(base, ns, 'GET', '/devices/alice.json', { as: 'alice' });
    expect(read.status).toBe(200);
    expect((read.body as { latest: unknown }).latest).toEqual({ ir: 1, ts: 1 });
    expect((await rest(base, ns, 'DELETE', '/devices/alice/readings/-a1.json', { as: 'alice' })).status).toBe(
      200,
    );
    expect(await ownerRead(ns, '/devices/alice/readings/-a1.json')).toBeNull();
  });

  it('admin (owner) bypasses the rules', async () => {
    const ns = await freshNamespace();
    const reply = await rest(base, ns, 'PUT', '/devices/bob/servo.json', {
      as: 'owner',
      body: { angle: 999, source: 'anything' },
    });
    expect(reply.status).toBe(200);
    expect(await ownerRead(ns, '/devices/bob/servo/angle.json')).toBe(999);
  });
});

describe('REST: indexes', () => {
  it('a child-path query without .indexOn gets the production error; declared ones work', async () => {
    const ns = await freshNamespace();
    const denied = await rest(base, ns, 'GET', '/devices/alice/readings.json', {
      as: 'alice',
      params: { orderBy: '"angle"', limitToFirst: '1' },
    });
    expect(denied.status).toBe(400);
    expect(denied.body).toEqual({
      error: 'Index not defined, add ".indexOn": "angle", for path "/devices/alice/readings", to the rules',
    });
    const byIr = await rest(base, ns, 'GET', '/devices/alice/readings.json', {
      as: 'alice',
      params: { orderBy: '"ir"', startAt: '15' },
    });
    expect(byIr.status).toBe(200);
    expect(byIr.body).toEqual({ '-a2': { ir: 20, ts: 2 } });
  });

  it('requireIndexes: false relaxes the check', async () => {
    const relaxed = await startRtdbServer({ port: 0, rulesFile, requireIndexes: false, log: () => {} });
    try {
      await rest(relaxed.url, 'x', 'PUT', '/.json', { as: 'owner', body: SEED });
      const reply = await rest(relaxed.url, 'x', 'GET', '/devices/alice/readings.json', {
        as: 'alice',
        params: { orderBy: '"angle"' },
      });
      expect(reply.status).toBe(200);
    } finally {
      await relaxed.close();
    }
  });
});

describe('SSE streams', () => {
  it('alice cannot open a stream on bob’s subtree', async () => {
    const ns = await freshNamespace();
    const sse = await openSse(base, ns, '/devices/bob.json', 'alice');
    expect(sse.status).toBe(401);
    sse.close();
  });

  it('a stream is cancelled when new rules take the read away', async () => {
    const ns = await freshNamespace();
    const sse = await openSse(base, ns, '/devices/alice.json', 'alice');
    expect(sse.status).toBe(200);
    expect((await sse.next('put')).data).toMatchObject({ path: '/', data: { latest: { ir: 1, ts: 1 } } });
    const put = await rest(base, ns, 'PUT', '/.settings/rules.json', {
      as: 'owner',
      rawBody: '{"rules": {".read": false}}',
    });
    expect(put.status).toBe(200);
    expect((await sse.next('cancel')).data).toBe('Permission denied');
    await sse.ended;
  });

  it('a stream is cancelled when a data change takes the read away', async () => {
    const ns = await freshNamespace();
    const rules = '{"rules": {"rooms": {"$room": {".read": "data.child(\'members\').hasChild(auth.uid)"}}}}';
    expect(
      (await rest(base, ns, 'PUT', '/.settings/rules.json', { as: 'owner', rawBody: rules })).status,
    ).toBe(200);
    await rest(base, ns, 'PUT', '/rooms/r1.json', {
      as: 'owner',
      body: { members: { alice: true, bob: true }, topic: 'x' },
    });
    const sse = await openSse(base, ns, '/rooms/r1.json', 'alice');
    expect(sse.status).toBe(200);
    await sse.next('put');
    await rest(base, ns, 'DELETE', '/rooms/r1/members/alice.json', { as: 'owner' });
    expect((await sse.next('cancel')).data).toBe('Permission denied');
  });
});

describe('rules loading', () => {
  it('PUT /.settings/rules.json needs admin, refuses invalid rules with a line number and keeps the old ones', async () => {
    const ns = await freshNamespace();
    const good = '{\n  // open reads\n  "rules": {".read": true}\n}';
    expect(
      (await rest(base, ns, 'PUT', '/.settings/rules.json', { as: 'alice', rawBody: good })).status,
    ).toBe(401);
    expect(
      (await rest(base, ns, 'PUT', '/.settings/rules.json', { as: 'owner', rawBody: good })).status,
    ).toBe(200);
    const bad = '{\n  "rules": {\n    ".read": "auth.uid ==",\n    ".wrte": true\n  }\n}';
    const refused = await rest(base, ns, 'PUT', '/.settings/rules.json', { as: 'owner', rawBody: bad });
    expect(refused.status).toBe(400);
    const message = (refused.body as { error: string }).error;
    expect(message).toMatch(/rules\.json:3:\d+: \.read: syntax error/);
    expect(message).toMatch(/rules\.json:4:5: unknown rule "\.wrte"/);
    const current = await rest(base, ns, 'GET', '/.settings/rules.json', { as: 'owner' });
    expect(current.text).toBe(good);
    expect((await rest(base, ns, 'GET', '/devices/bob.json', { as: 'alice' })).status).toBe(200);
  });

  it('GET /.settings/rules.json shows the rules file for namespaces without their own', async () => {
    const reply = await rest(base, 'never-put', 'GET', '/.settings/rules.json', { as: 'owner' });
    expect(reply.text).toBe(readFileSync(rulesFile, 'utf8'));
  });

  it('the rules file is reloaded when it changes; an invalid version leaves the previous rules in force', async () => {
    const dir2 = mkdtempSync(join(tmpdir(), 'rules-watch-'));
    const file = join(dir2, 'database.rules.json');
    writeFileSync(file, '{"rules": {".read": false}}');
    const lines: string[] = [];
    const watched = await startRtdbServer({ port: 0, rulesFile: file, log: (l) => lines.push(l) });
    const until = async (check: () => Promise<boolean>): Promise<void> => {
      const deadline = Date.now() + 5000;
      while (!(await check())) {
        if (Date.now() > deadline) throw new Error(`timed out; log: ${lines.join('\n')}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    };
    try {
      expect((await rest(watched.url, 'w', 'GET', '/x.json', { as: 'alice' })).status).toBe(401);
      writeFileSync(file, '{"rules": {".read": "auth != null"}}');
      await until(
        async () => (await rest(watched.url, 'w', 'GET', '/x.json', { as: 'alice' })).status === 200,
      );
      writeFileSync(file, '{"rules": {".read": "auth !="}}');
      await until(async () => lines.some((l) => l.includes('database.rules.json:1:')));
      expect((await rest(watched.url, 'w', 'GET', '/x.json', { as: 'alice' })).status).toBe(200);
    } finally {
      await watched.close();
      rmSync(dir2, { recursive: true, force: true });
    }
  });

  it('an invalid rules file stops the server from starting, naming the line', async () => {
    const dir3 = mkdtempSync(join(tmpdir(), 'rules-bad-'));
    const file = join(dir3, 'database.rules.json');
    writeFileSync(file, '{\n"rules": {\n"$a": {}, "$b": {}\n}\n}');
    try {
      await expect(startRtdbServer({ port: 0, rulesFile: file, log: () => {} })).rejects.toMatchObject({
        code: 'rtdb/invalid-rules',
        message: expect.stringMatching(/database\.rules\.json:3:\d+: two wildcards/),
      });
    } finally {
      rmSync(dir3, { recursive: true, force: true });
    }
  });
});

describe('explained denials', () => {
  it('GET /.inspect/denials.json lists recent denials with rule location and the false sub-expression', async () => {
    const ns = await freshNamespace();
    await rest(base, ns, 'PUT', '/devices/bob/latest.json', {
      as: 'alice',
      body: { ir: 1, ts: { '.sv': 'timestamp' } },
    });
    const reply = await rest(base, ns, 'GET', '/.inspect/denials.json');
    expect(reply.status).toBe(200);
    const denials = reply.body as {
      ns: string;
      operation: string;
      path: string;
      uid: string;
      rule: { file: string; line: number; rulePath: string };
      subExpression: string;
      reason: string;
    }[];
    expect(denials).toHaveLength(1);
    expect(denials[0]).toMatchObject({
      ns,
      operation: 'write',
      path: '/devices/bob/latest',
      uid: 'alice',
      rule: { file: 'database.rules.json', rulePath: '/rules/devices/$uid/.write' },
      subExpression: 'auth.uid === $uid',
    });
    expect(denials[0]!.reason).toContain('"bob"');
  });
});
