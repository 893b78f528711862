import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessPolicy } from '../../src/core/access-policy.js';
import { nodeChild } from '../../src/core/data-node.js';
import { nodeHash } from '../../src/core/node-hash.js';
import { pathIsAncestorOrSelf } from '../../src/core/path.js';
import { eventually } from '../../src/testing/eventually.js';
import { startBareHost, type BareHost } from './support/bare-host.js';
import { RawClient } from './support/raw-client.js';
import { uniqueNamespace } from './support/sdk-clients.js';

let host: BareHost;
const sockets: RawClient[] = [];

beforeAll(async () => {
  host = await startBareHost();
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await host.close();
});

async function connect(ns: string, extra = ''): Promise<RawClient> {
  const client = await RawClient.connect(host.port, ns, extra);
  sockets.push(client);
  return client;
}

describe('handshake and transport', () => {
  it('greets with a hello carrying time, version, the Host it was reached on and a session id', async () => {
    const ns = uniqueNamespace('hello');
    const a = await connect(ns);
    const b = await connect(ns);
    expect(a.messages[0]).toMatchObject({ t: 'c', d: { t: 'h' } });
    expect(a.hello).toMatchObject({ v: '5', h: `127.0.0.1:${host.port}` });
    expect(Math.abs((a.hello['ts'] as number) - Date.now())).toBeLessThan(5000);
    expect(typeof a.hello['s']).toBe('string');
    expect(a.hello['s']).not.toBe('');
    expect(a.hello['s']).not.toBe(b.hello['s']);
  });

  it('answers a ping with a pong and ignores "0" keep-alives', async () => {
    const client = await connect(uniqueNamespace('ping'));
    client.sendRaw('0');
    client.send({ t: 'c', d: { t: 'p', d: {} } });
    await client.waitFor((m) => m.t === 'c' && m.d['t'] === 'o', 'pong');
    expect(client.messages.at(-1)).toEqual({ t: 'c', d: { t: 'o', d: {} } });
    expect((await client.call('s', { c: { 'sdk.js.12-0-0': 1 } })).s).toBe('ok');
  });

  it('reassembles a request split over several frames and splits a large reply', async () => {
    const ns = uniqueNamespace('frames');
    const client = await connect(ns);
    const big = 'x'.repeat(50_000);
    const text = JSON.stringify({ t: 'd', d: { r: 99, a: 'p', b: { p: '/big', d: { text: big } } } });
    const chunks = [text.slice(0, 16384), text.slice(16384, 32768), text.slice(32768)];
    client.sendRaw(String(chunks.length + 1));
    for (const chunk of chunks) client.sendRaw(chunk);
    client.sendRaw('');
    // The count announced 4 frames: the empty 4th completes the message.
    await client.waitFor((m) => m.t === 'd' && m.d['r'] === 99, 'put reply');
    const frameCountBefore = client.frames.length;
    const reply = await client.call('g', { p: '/big', q: {} });
    expect(reply).toEqual({ s: 'ok', d: { text: big } });
    const replyFrames = client.frames.slice(frameCountBefore);
    expect(Number(replyFrames[0])).toBe(replyFrames.length - 1);
    expect(replyFrames.length).toBeGreaterThan(2);
    expect(replyFrames).not.toContain('0');
  });

  it('routes namespaces by ?ns=', async () => {
    const ns1 = uniqueNamespace('route');
    const ns2 = uniqueNamespace('route');
    const a = await connect(ns1);
    await a.call('p', { p: '/v', d: 1 });
    expect(host.database(ns1).read(['v']).leaf).toBe(1);
    expect(host.database(ns2).read(['v']).leaf).toBeUndefined();
  });
});

describe('ordering', () => {
  it('sends a listen its data before the ok', async () => {
    const ns = uniqueNamespace('listen-order');
    const client = await connect(ns);
    await client.call('p', { p: '/a', d: { b: 1 } });
    const r = client.request('q', { p: '/a', h: '' });
    await client.waitFor((m) => m.d['r'] === r, 'listen ok');
    const dataAt = client.messages.findIndex(
      (m) => m.d['a'] === 'd' && (m.d['b'] as { p: string }).p === 'a',
    );
    expect(dataAt).toBeGreaterThan(-1);
    expect(dataAt).toBeLessThan(client.indexOfReply(r));
    expect(client.messages[client.indexOfReply(r)]!.d['b']).toEqual({ s: 'ok', d: {} });
  });

  it('pushes a write to every listener, the writer included, before acknowledging it', async () => {
    const ns = uniqueNamespace('write-order');
    const writer = await connect(ns);
    const other = await connect(ns);
    await writer.call('q', { p: '/room', h: '' });
    await other.call('q', { p: '/room', h: '' });
    const r = writer.request('p', { p: '/room/temp', d: 21 });
    await writer.waitFor((m) => m.d['r'] === r, 'ack');
    const pushAt = writer.messages.findIndex(
      (m) => m.d['a'] === 'd' && (m.d['b'] as { d: unknown }).d === 21,
    );
    expect(pushAt).toBeGreaterThan(-1);
    expect(pushAt).toBeLessThan(writer.indexOfReply(r));
    await other.waitFor(
      (m) => m.d['a'] === 'd' && (m.d['b'] as { d: unknown }).d === 21,
      'push to the other client',
    );
  });

  it('handles one connection\u2019s requests strictly in arrival order', async () => {
    const ns = uniqueNamespace('fifo');
    const client = await connect(ns);
    const ids: number[] = [];
    for (let i = 0; i < 50; i += 1) ids.push(client.request('p', { p: '/seq', d: i }));
    const getId = client.request('g', { p: '/seq', q: {} });
    await client.waitFor((m) => m.d['r'] === getId, 'get');
    const order = client.messages.filter((m) => typeof m.d['r'] === 'number').map((m) => m.d['r']);
    expect(order).toEqual([...ids, getId]);
    expect((client.messages[client.indexOfReply(getId)]!.d['b'] as { d: unknown }).d).toBe(49);
  });
});

describe('queries, tags and unlisten', () => {
  it('sends a filtered query only its window, tagged, then only the children that entered, changed or left', async () => {
    const ns = uniqueNamespace('tagged');
    const client = await connect(ns);
    await client.call('p', { p: '/s', d: { a: { v: 1 }, b: { v: 2 }, c: { v: 3 } } });
    const q = { i: 'v', l: 2, vf: 'r' };
    await client.call('q', { p: '/s', q, t: 7, h: '' });
    expect(client.pushes('d').at(-1)!.b).toEqual({ p: 's', d: { b: { v: 2 }, c: { v: 3 } }, t: 7 });
    await client.call('p', { p: '/s/d', d: { v: 4 } });
    // d entered and pushed b out of the limit: one merge, b removed with null.
    expect(client.pushes('m').at(-1)!.b).toEqual({ p: 's', d: { b: null, d: { v: 4 } }, t: 7 });
    await client.call('p', { p: '/s/c/w', d: 'x' });
    // c changed inside the window: an overwrite of c alone.
    expect(client.pushes('d').at(-1)!.b).toEqual({ p: 's/c', d: { v: 3, w: 'x' }, t: 7 });
    const before = client.pushes().length;
    await client.call('p', { p: '/s/a/v', d: 0 });
    // a stays outside the window: nothing to send.
    expect(client.pushes().length).toBe(before);
  });

  it('stops only the unlistened query; other listens at the same path keep receiving', async () => {
    const ns = uniqueNamespace('unlisten');
    const client = await connect(ns);
    const q = { sp: 5, i: 'v', sin: true };
    await client.call('q', { p: '/x', h: '' });
    await client.call('q', { p: '/x', q, t: 3, h: '' });
    expect((await client.call('n', { p: '/x', q, t: 3 })).s).toBe('ok');
    const before = client.pushes().length;
    await client.call('p', { p: '/x/k', d: { v: 9 } });
    const after = client.pushes().slice(before);
    expect(after).toHaveLength(1);
    expect(after[0]!.b['t']).toBeUndefined();
    await client.call('n', { p: '/x' });
    await client.call('p', { p: '/x/k', d: { v: 10 } });
    expect(client.pushes().length).toBe(before + 1);
  });

  it('merges a multi-path update into one push', async () => {
    const ns = uniqueNamespace('merge');
    const client = await connect(ns);
    await client.call('q', { p: '/', h: '' });
    const before = client.pushes().length;
    await client.call('m', { p: '/', d: { 'a/x': 1, 'b/y': { z: 2 } } });
    const pushes = client.pushes().slice(before);
    expect(pushes).toEqual([{ a: 'm', b: { p: '', d: { 'a/x': 1, 'b/y': { z: 2 } } } }]);
  });
});

describe('transactions', () => {
  it('replies datastale after pushing the current value when the hash differs, ok when it matches', async () => {
    const ns = uniqueNamespace('cas');
    const client = await connect(ns);
    await client.call('p', { p: '/n', d: { '.value': 5, '.priority': 1 } });
    const stale = client.request('p', { p: '/n', d: 6, h: 'not-the-hash' });
    await client.waitFor((m) => m.d['r'] === stale, 'stale reply');
    const replyAt = client.indexOfReply(stale);
    expect(client.messages[replyAt]!.d['b']).toMatchObject({ s: 'datastale' });
    expect(client.messages[replyAt - 1]!.d).toEqual({
      a: 'd',
      b: { p: 'n', d: { '.value': 5, '.priority': 1 } },
    });
    const hash = nodeHash(nodeChild(host.database(ns).root(), ['n']));
    expect((await client.call('p', { p: '/n', d: 6, h: hash })).s).toBe('ok');
    expect(host.database(ns).read(['n']).leaf).toBe(6);
  });
});

describe('onDisconnect', () => {
  it('runs registered writes in order when the socket closes, minus cancelled ones', async () => {
    const ns = uniqueNamespace('ondisc');
    const client = await connect(ns);
    expect(
      (await client.call('o', { p: '/presence/me', d: { online: false, at: { '.sv': 'timestamp' } } })).s,
    ).toBe('ok');
    expect(
      (await client.call('om', { p: '/stats', d: { 'left/me': true, visits: { '.sv': { increment: 1 } } } }))
        .s,
    ).toBe('ok');
    expect((await client.call('o', { p: '/cancelled/x', d: 1 })).s).toBe('ok');
    expect((await client.call('oc', { p: '/cancelled' })).s).toBe('ok');
    const db = host.database(ns);
    expect(db.read(['presence']).children).toBeUndefined();
    const closedAt = Date.now();
    client.close();
    const deadline = Date.now() + 5000;
    while (db.read(['stats', 'visits']).leaf !== 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 10));
    expect(db.read(['presence', 'me', 'online']).leaf).toBe(false);
    expect(db.read(['presence', 'me', 'at']).leaf as number).toBeGreaterThanOrEqual(closedAt);
    expect(db.read(['stats', 'left', 'me']).leaf).toBe(true);
    expect(db.read(['cancelled']).children).toBeUndefined();
  });

  it('rejects invalid onDisconnect data at registration', async () => {
    const ns = uniqueNamespace('ondisc-bad');
    const client = await connect(ns);
    expect((await client.call('o', { p: '/a', d: { 'b.c': 1 } })).s).toBe('invalid_data');
    expect((await client.call('o', { p: '/a', d: { '.sv': 'bogus' } })).s).toBe('invalid_data');
    expect((await client.call('o', { p: '/a.b', d: 1 })).s).toBe('invalid_path');
    // A valid registration after the refused ones: onDisconnect writes run in order, so once it has
    // landed, anything the refused ones had registered would have landed too.
    expect((await client.call('o', { p: '/marker', d: 'closed' })).s).toBe('ok');
    const db = host.database(ns);
    client.close();
    await eventually(
      async () => db.read(['marker']).leaf,
      (leaf) => leaf === 'closed',
      { ms: 15_000 },
    );
    expect([...(db.root().children?.keys() ?? [])]).toEqual(['marker']);
  });

  it('a reconnect naming its last session ends that session first', async () => {
    const ns = uniqueNamespace('ls');
    const first = await connect(ns);
    await first.call('o', { p: '/status', d: 'offline' });
    const second = await connect(ns, `&ls=${String(first.hello['s'])}`);
    await first.waitClosed();
    const reply = await second.call('g', { p: '/status', q: {} });
    expect(reply).toEqual({ s: 'ok', d: 'offline' });
  });
});

describe('auth and rules', () => {
  // Reads of /secret are allowed while /locked is not true; admins bypass as with real rules.
  const lockPolicy: AccessPolicy = {
    canRead: (_ctx, root, path) =>
      pathIsAncestorOrSelf(['secret'], path) && root.children?.get('locked')?.leaf === true
        ? { allowed: false, reason: 'locked' }
        : { allowed: true },
    canWrite: (ctx, _db, ops) =>
      ops.some((op) => op.path[0] === 'owned') && ctx.auth?.uid !== 'alice'
        ? { allowed: false, reason: 'not alice' }
        : { allowed: true },
    hasIndex: (_path, index) => index.kind !== 'child',
  };

  it('revokes a listen with a c push when a write makes it unreadable', async () => {
    const ns = uniqueNamespace('revoke');
    host.setPolicy(ns, lockPolicy);
    const client = await connect(ns);
    await client.call('q', { p: '/secret', h: '' });
    const q = { i: 'v', l: 1, vf: 'l' };
    const reply = await client.call('q', { p: '/secret/list', q, t: 4, h: '' });
    expect(reply).toEqual({ s: 'ok', d: { w: ['no_index'] } });
    await client.call('p', { p: '/locked', d: true });
    await client.waitFor(
      (m) => m.d['a'] === 'c' && (m.d['b'] as { q?: unknown }).q !== undefined,
      'query revoked',
    );
    expect(client.pushes('c').map((p) => p.b)).toEqual([{ p: 'secret' }, { p: 'secret/list', q: [q] }]);
    expect((await client.call('q', { p: '/secret', h: '' })).s).toBe('permission_denied');
    expect((await client.call('g', { p: '/secret', q: {} })).s).toBe('permission_denied');
  });

  it('authenticates with owner (admin), unsigned emulator JWTs and unauth; rejects garbage', async () => {
    const ns = uniqueNamespace('auth');
    host.setPolicy(ns, lockPolicy);
    const client = await connect(ns);
    expect((await client.call('p', { p: '/owned/x', d: 1 })).s).toBe('permission_denied');
    const header = Buffer.from(JSON.stringify({ alg: 'none', type: 'JWT' })).toString('base64url');
    const claims = {
      sub: 'alice',
      user_id: 'alice',
      iat: 0,
      exp: 3600,
      firebase: { sign_in_provider: 'custom' },
    };
    const token = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    const auth = await client.call('auth', { cred: token });
    expect(auth.s).toBe('ok');
    expect(auth.d).toMatchObject({ auth: { uid: 'alice', provider: 'custom' } });
    expect((await client.call('p', { p: '/owned/x', d: 1 })).s).toBe('ok');
    expect((await client.call('unauth', {})).s).toBe('ok');
    expect((await client.call('p', { p: '/owned/x', d: 2 })).s).toBe('permission_denied');
    expect((await client.call('gauth', { cred: 'owner' })).s).toBe('ok');
    expect((await client.call('p', { p: '/owned/x', d: 3 })).s).toBe('ok');
    expect((await client.call('gauth', { cred: 'owner', authvar: { uid: 'bob' } })).s).toBe('ok');
    expect((await client.call('p', { p: '/owned/x', d: 4 })).s).toBe('permission_denied');
    expect((await client.call('auth', { cred: 'not.a.jwt' })).s).toBe('invalid_token');
    expect((await client.call('appcheck', { token: 'anything' })).s).toBe('ok');
    expect((await client.call('unappeck', {})).s).toBe('ok');
    expect(host.database(ns).read(['owned', 'x']).leaf).toBe(3);
  });

  it('revokes auth with an ac push when the token expires while connected', async () => {
    const ns = uniqueNamespace('expiry');
    host.setPolicy(ns, lockPolicy);
    const client = await connect(ns);
    const now = Math.floor(Date.now() / 1000);
    const header = Buffer.from(JSON.stringify({ alg: 'none', type: 'JWT' })).toString('base64url');
    const claims = { sub: 'alice', iat: now - 60, exp: now + 1 };
    const token = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    expect((await client.call('auth', { cred: token })).s).toBe('ok');
    expect((await client.call('p', { p: '/owned/y', d: 1 })).s).toBe('ok');
    const revoked = await client.waitFor((m) => m.d['a'] === 'ac', 'auth revoked', 4000);
    expect(revoked.d['b']).toEqual({ s: 'expired_token', d: 'Auth token is expired.' });
    expect((await client.call('p', { p: '/owned/y', d: 2 })).s).toBe('permission_denied');
    expect((await client.call('auth', { cred: token })).s).toBe('invalid_token');
  });
});

describe('upgrade routing', () => {
  async function upgradeStatus(path: string): Promise<number> {
    const { default: WebSocket } = await import('ws');
    const ws = new WebSocket(`ws://127.0.0.1:${host.port}${path}`);
    return new Promise((resolve) => {
      ws.on('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.on('open', () => {
        ws.terminate();
        resolve(101);
      });
      ws.on('error', () => undefined);
    });
  }

  it('refuses upgrades to other paths and invalid namespaces', async () => {
    expect(await upgradeStatus('/other?v=5&ns=abc')).toBe(404);
    expect(await upgradeStatus('/.ws?v=5&ns=bad_name!')).toBe(400);
    expect(await upgradeStatus('/.ws?v=5&ns=fine-name')).toBe(101);
  });
});

describe('dead peers', () => {
  it('ends a session whose peer stops answering WebSocket pings, and runs its onDisconnect writes', async () => {
    const quick = await startBareHost({ heartbeatMs: 100 });
    try {
      const ns = uniqueNamespace('heartbeat');
      const client = await RawClient.connect(quick.port, ns);
      await client.call('o', { p: '/presence', d: 'gone' });
      // The socket stays open at the TCP level but nothing is read any more: no pongs go out.
      (client.ws as unknown as { _socket: { pause(): void } })._socket.pause();
      const db = quick.database(ns);
      const deadline = Date.now() + 5000;
      while (db.read(['presence']).leaf !== 'gone' && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 20));
      expect(db.read(['presence']).leaf).toBe('gone');
      expect(quick.realtime.sessionCount()).toBe(0);
      client.close();
    } finally {
      await quick.close();
    }
  });
});
