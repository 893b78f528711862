import { createContext, runInContext, type Context } from 'node:vm';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeWebSafeBase64 } from '../../src/realtime/long-poll/long-poll-request.js';
import { nodeToJson } from '../../src/core/node-json.js';
import { startRtdbServer, type RunningRtdbServer } from '../../src/server/rtdb-server.js';
import { startBareHost } from './support/bare-host.js';
import { uniqueNamespace, waitFor } from './support/sdk-clients.js';

// The `/.lp` endpoint spoken by hand over real HTTP, running the server's scripts in a VM context
// shaped like the SDK's iframe (callbacks on `parent.window`).

let server: RunningRtdbServer;

beforeAll(async () => {
  server = await startRtdbServer({ port: 0, log: () => undefined });
});
afterAll(async () => {
  await server.close();
});

type Message = { t: string; d: Record<string, unknown> };

class RawLongPoll {
  readonly commands: unknown[][] = [];
  readonly messages: Message[] = [];
  private readonly responses = new Map<number, Message[]>();
  private nextResponse = 0;
  private readonly context: Context;
  private segment = 0;
  private serial = 100;
  id = '';
  pw = '';

  private constructor(
    readonly ns: string,
    readonly base: string,
  ) {
    const window = {
      pLPCommand1: (...args: unknown[]) => this.commands.push(args.filter((a) => a !== undefined)),
      pRTLPCB1: (seq: number, data: Message[]) => {
        // Process in sequence order, as the SDK's PacketReceiver does.
        this.responses.set(seq, data);
        while (this.responses.has(this.nextResponse)) {
          this.messages.push(...this.responses.get(this.nextResponse)!);
          this.responses.delete(this.nextResponse);
          this.nextResponse += 1;
        }
      },
    };
    this.context = createContext({ parent: { window } });
  }

  static async start(ns: string, base = server.url): Promise<RawLongPoll> {
    const client = new RawLongPoll(ns, base);
    const response = await fetch(`${base}/.lp?start=t&ser=1&cb=1&v=5&ns=${ns}`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('javascript');
    runInContext(await response.text(), client.context);
    const start = client.commands.find((c) => c[0] === 'start')!;
    client.id = String(start[1]);
    client.pw = String(start[2]);
    return client;
  }

  get hello(): Record<string, unknown> {
    return this.messages.find((m) => m.t === 'c' && m.d['t'] === 'h')!.d['d'] as Record<string, unknown>;
  }

  /** Segments of messages as the SDK cuts them (`size` base64 characters each). */
  segments(messages: unknown[], size = 1840): { seg: number; ts: number; d: string }[] {
    const out: { seg: number; ts: number; d: string }[] = [];
    for (const message of messages) {
      const parts = encodeWebSafeBase64(JSON.stringify(message)).match(new RegExp(`.{1,${size}}`, 'g'))!;
      for (const part of parts) out.push({ seg: this.segment++, ts: parts.length, d: part });
    }
    return out;
  }

  /** One poll carrying `segments`; resolves with the response after running it. */
  async poll(
    segments: { seg: number; ts: number; d: string }[] = [],
  ): Promise<{ status: number; body: string }> {
    this.serial += 1;
    const data = segments.map((s, i) => `&seg${i}=${s.seg}&ts${i}=${s.ts}&d${i}=${s.d}`).join('');
    const response = await fetch(
      `${this.base}/.lp?id=${this.id}&pw=${this.pw}&ser=${this.serial}&ns=${this.ns}${data}`,
    );
    const body = await response.text();
    if (response.status === 200) runInContext(body, this.context);
    return { status: response.status, body };
  }

  send(messages: unknown[]): Promise<{ status: number; body: string }> {
    return this.poll(this.segments(messages));
  }

  reply(id: number): Record<string, unknown> | undefined {
    return this.messages.find((m) => m.t === 'd' && m.d['r'] === id)?.d['b'] as
      Record<string, unknown> | undefined;
  }
}

const request = (r: number, a: string, b: Record<string, unknown>) => ({ t: 'd', d: { r, a, b } });

async function restGet(ns: string, path: string): Promise<unknown> {
  return (await fetch(`${server.url}/${path}.json?ns=${ns}`)).json();
}

describe('the /.lp endpoint', () => {
  it('starts with the callbacks, credentials and the hello as response 0', async () => {
    const client = await RawLongPoll.start(uniqueNamespace('lp-start'));
    expect(client.id).toMatch(/^[a-f0-9]+$/);
    expect(client.pw).toMatch(/^[a-f0-9]+$/);
    expect(client.hello).toMatchObject({ v: '5', h: `127.0.0.1:${server.port}` });
    expect(String(client.hello['s']).length).toBeGreaterThan(0);
  });

  it('carries requests in segments and answers in numbered responses, in order', async () => {
    const ns = uniqueNamespace('lp-write');
    const client = await RawLongPoll.start(ns);
    await client.send([
      request(1, 's', { c: { 'sdk.js.12-0-0': 1 } }),
      request(2, 'p', { p: '/devices/d1', d: { ir: 7 } }),
    ]);
    await waitFor(() => client.reply(2) !== undefined, 'the put ack');
    expect(client.reply(1)).toEqual({ s: 'ok', d: '' });
    expect(client.reply(2)).toEqual({ s: 'ok', d: '' });
    expect(await restGet(ns, 'devices/d1')).toEqual({ ir: 7 });

    // A large write cut into small segments that arrive out of order over two requests.
    const big = { p: '/blob', d: 'é'.repeat(3000) };
    const segments = client.segments([request(3, 'p', big)], 500);
    expect(segments.length).toBeGreaterThan(3);
    const first = client.poll(segments.slice(1));
    await client.poll(segments.slice(0, 1));
    await first;
    await waitFor(() => client.reply(3) !== undefined, 'the big put ack');
    expect(client.reply(3)).toEqual({ s: 'ok', d: '' });
    expect(await restGet(ns, 'blob')).toBe(big.d);
  });

  it('holds a poll open and answers it when a REST write reaches a listen', async () => {
    const ns = uniqueNamespace('lp-listen');
    const client = await RawLongPoll.start(ns);
    await client.send([request(1, 'q', { p: '/servo', h: '' })]);
    await waitFor(() => client.reply(1) !== undefined, 'the listen ok');
    const held = client.poll();
    await new Promise((resolve) => setTimeout(resolve, 100));
    const put = await fetch(`${server.url}/servo.json?ns=${ns}`, {
      method: 'PUT',
      body: JSON.stringify({ angle: 30 }),
    });
    expect(put.status).toBe(200);
    const { body } = await held;
    expect(body).toContain('"angle":30');
    expect(
      client.messages.some((m) => m.t === 'd' && m.d['a'] === 'd' && (m.d['b'] as { d: unknown }).d !== null),
    ).toBe(true);
  });

  it('runs onDisconnect writes when the disconnect frame reports the browser leaving', async () => {
    const ns = uniqueNamespace('lp-disconn');
    const client = await RawLongPoll.start(ns);
    const frame = await fetch(`${server.url}/.lp?dframe=t&id=${client.id}&pw=${client.pw}&ns=${ns}`);
    expect(frame.headers.get('content-type')).toContain('text/html');
    expect(await frame.text()).toContain(`/.lp?disconn=t&id=${client.id}&pw=${client.pw}&ns=${ns}`);
    await client.send([request(1, 'o', { p: '/presence/d1', d: 'offline' })]);
    await waitFor(() => client.reply(1) !== undefined, 'the onDisconnect ok');
    expect(await restGet(ns, 'presence/d1')).toBeNull();
    const leave = await fetch(`${server.url}/.lp?disconn=t&id=${client.id}&pw=${client.pw}&ns=${ns}`, {
      method: 'POST',
    });
    expect(leave.status).toBe(200);
    const deadline = Date.now() + 5000;
    while ((await restGet(ns, 'presence/d1')) !== 'offline') {
      if (Date.now() > deadline) throw new Error('onDisconnect did not run');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    // A late poll of the ended connection is told to close, so the SDK reconnects.
    const late = await client.poll();
    expect(late.body).toContain("pLPCommand('close'");
  });

  it('answers bad requests with 400 (or 404 for unknown connections) and keeps serving everyone else', async () => {
    const ns = uniqueNamespace('lp-bad');
    const bystander = await RawLongPoll.start(ns);
    const status = async (query: string, init?: RequestInit) => {
      const response = await fetch(`${server.url}/.lp${query}`, init);
      return { status: response.status, text: await response.text() };
    };
    expect(await status('')).toMatchObject({ status: 400, text: expect.stringMatching(/start=t/) });
    expect(await status('?start=t&cb=1);alert(1')).toMatchObject({
      status: 400,
      text: expect.stringMatching(/cb/),
    });
    expect(await status('?start=t&cb=1&v=4')).toMatchObject({
      status: 400,
      text: expect.stringMatching(/version/),
    });
    expect(await status('?start=t&cb=1&ns=bad.name')).toMatchObject({ status: 400 });
    expect(await status('?id=nosuch&pw=x&ser=1')).toMatchObject({
      status: 404,
      text: expect.stringMatching(/start=t/),
    });
    expect(await status(`?id=${bystander.id}&pw=wrong&ser=1`)).toMatchObject({ status: 404 });
    expect(await status(`?id=${bystander.id}&pw=${bystander.pw}&ser=1&seg0=0&ts0=1&d0=%25%25`)).toMatchObject(
      { status: 400 },
    );
    expect(await status('?start=t&cb=1', { method: 'PUT', body: 'x' })).toMatchObject({ status: 405 });
    // A refused request changes nothing: the connection it named carries on.
    await bystander.send([request(1, 'p', { p: '/bystander', d: 1 })]);
    await waitFor(() => bystander.reply(1) !== undefined, 'the bystander still served');

    // Segments that contradict each other break the stream: that connection ends, and only that one.
    const seg = bystander.segments([{ t: 'd', d: { r: 2, a: 'p', b: { p: '/x', d: 'a'.repeat(100) } } }], 20);
    const partial = bystander.poll([seg[1]!]);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect((await bystander.poll([{ ...seg[1]!, d: 'AAAA' }])).status).toBe(400);
    // The poll that was held open learns of the end, as does any later one.
    expect((await partial).body).toContain("pLPCommand('close'");
    expect((await bystander.poll()).body).toContain("pLPCommand('close'");
    const other = await RawLongPoll.start(ns);
    // A segment stream that decodes to garbage closes with an error message, not a crash.
    const garbage = await other.poll([{ seg: 0, ts: 1, d: encodeWebSafeBase64('not json') }]);
    expect(garbage.body).toContain('"t":"e"');
    expect(garbage.body).toContain("pLPCommand('close'");

    const fresh = await RawLongPoll.start(ns);
    await fresh.send([request(1, 'p', { p: '/still', d: 'fine' })]);
    await waitFor(() => fresh.reply(1) !== undefined, 'a write after the bad requests');
    expect(await restGet(ns, 'still')).toBe('fine');
  });
});

describe('the /.lp endpoint under junk', () => {
  it('answers 300 malformed requests with client errors and stays up', async () => {
    const ns = uniqueNamespace('lp-junk');
    const victim = await RawLongPoll.start(ns);
    const pieces = [
      'start=t',
      'start=f',
      'cb=1',
      'cb=%00',
      'v=5',
      'v=x',
      'ser=1',
      'ser=-5',
      `id=${victim.id}`,
      'id=zz',
      'pw=%ZZ',
      'dframe=f',
      'seg0=0',
      'seg0=1e9',
      'ts0=1',
      'ts0=0',
      'd0=YQ..',
      'd0=%E2%82',
      'd1=x',
      'ns=a..b',
      'ls=%3Cx%3E',
      '&&',
      '=',
      'seg99=1',
    ];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
    const statuses = new Set<number>();
    for (let i = 0; i < 300; i += 1) {
      const query = Array.from({ length: 1 + (next() % 6) }, () => pieces[next() % pieces.length]).join('&');
      const response = await fetch(`${server.url}/.lp?${query}`, { signal: AbortSignal.timeout(5000) });
      const body = await response.text();
      statuses.add(response.status);
      // Only a well-formed start may succeed, and then it is a script.
      if (response.status === 200)
        expect(query.includes('start=t') && body.startsWith('function pLPCommand')).toBe(true);
      else expect([400, 404]).toContain(response.status);
    }
    expect(statuses.has(400)).toBe(true);
    // The connection the junk named was not one of them: it never got its password.
    await victim.send([request(1, 'p', { p: '/ok', d: true })]);
    await waitFor(() => victim.reply(1) !== undefined, 'the victim still served');
    expect(await restGet(ns, 'ok')).toBe(true);
  });
});

describe('upgrading a long-poll session to a WebSocket', () => {
  async function upgradeSocket(
    sessionId: string,
    ns: string,
  ): Promise<{ ws: WebSocket; received: Message[] }> {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/.ws?v=5&ns=${ns}&s=${sessionId}`);
    const received: Message[] = [];
    ws.on('message', (data) => received.push(JSON.parse(String(data)) as Message));
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return { ws, received };
  }
  const control = (received: Message[], t: string) =>
    received.filter((m) => m.t === 'c' && m.d['t'] === t).length;

  it('pings until healthy, switches on end of transmission, keeps request order, ends with the socket', async () => {
    const ns = uniqueNamespace('lp-upgrade-raw');
    const client = await RawLongPoll.start(ns);
    await client.send([request(1, 'o', { p: '/presence', d: 'gone' })]);
    await waitFor(() => client.reply(1) !== undefined, 'onDisconnect registered');

    const { ws, received } = await upgradeSocket(String(client.hello['s']), ns);
    await waitFor(() => control(received, 'a') === 1, "the server's switch ack");
    ws.send(JSON.stringify({ t: 'c', d: { t: 'p', d: {} } }));
    ws.send(JSON.stringify({ t: 'c', d: { t: 'p', d: {} } }));
    await waitFor(() => control(received, 'o') === 2, 'two pongs on the new socket');
    ws.send(JSON.stringify({ t: 'c', d: { t: 'a', d: {} } }));
    // Sent on the socket after the client's last long-poll message, but may arrive first.
    ws.send(JSON.stringify(request(3, 'p', { p: '/order', d: 'second' })));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(received.some((m) => m.t === 'd')).toBe(false);

    const last = await client.send([
      request(2, 'p', { p: '/order', d: 'first' }),
      { t: 'c', d: { t: 'n', d: {} } },
    ]);
    expect(last.body).toContain('"t":"n"');
    expect(last.body).toContain("pLPCommand('close',");
    // Everything after the switch leaves on the socket, replies in request order.
    await waitFor(
      () => received.some((m) => m.t === 'd' && m.d['r'] === 3),
      'the socket request answered on the socket',
    );
    expect(received.filter((m) => m.t === 'd').map((m) => m.d['r'])).toEqual([2, 3]);
    expect(await restGet(ns, 'order')).toBe('second');

    // The session lives on the socket now: closing it runs the onDisconnect registered over long-polling.
    expect(await restGet(ns, 'presence')).toBeNull();
    ws.close();
    const deadline = Date.now() + 5000;
    while ((await restGet(ns, 'presence')) !== 'gone') {
      if (Date.now() > deadline) throw new Error('onDisconnect did not run after the upgraded socket closed');
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  });

  it('resets a socket naming no long-poll session, which leaves the client on long-polling', async () => {
    const { ws, received } = await upgradeSocket('nosuchsession', uniqueNamespace('lp-reset'));
    const closed = await new Promise<number>((resolve) => ws.once('close', (code) => resolve(code)));
    expect(closed).toBe(1008);
    expect(received).toEqual([{ t: 'c', d: { t: 'r', d: `127.0.0.1:${server.port}` } }]);
  });
});

describe('long-poll timing and bounds', () => {
  it('answers a quiet poll empty after the hold time, and ends a connection that stops polling', async () => {
    const host = await startBareHost({ longPoll: { holdMs: 150, idleMs: 600 } });
    try {
      const ns = uniqueNamespace('lp-idle');
      const client = await RawLongPoll.start(ns, `http://127.0.0.1:${host.port}`);
      await client.send([request(1, 'o', { p: '/presence', d: 'gone' })]);
      await waitFor(() => client.reply(1) !== undefined, 'onDisconnect registered');
      const started = Date.now();
      const quiet = await client.poll();
      expect(quiet).toEqual({ status: 200, body: '' });
      expect(Date.now() - started).toBeGreaterThanOrEqual(100);
      expect(host.realtime.sessionCount()).toBe(1);
      // No poll for longer than the idle time: the session ends and its onDisconnect runs.
      await waitFor(() => host.realtime.sessionCount() === 0, 'the idle session to end', 5000);
      await waitFor(
        () => nodeToJson(host.database(ns).read(['presence'])) === 'gone',
        'the onDisconnect write',
        5000,
      );
      expect((await client.poll()).body).toContain("pLPCommand('close'");
    } finally {
      await host.close();
    }
  });

  it('disconnects a client that leaves too much unfetched, without disturbing others', async () => {
    const host = await startBareHost({ longPoll: { maxBufferedChars: 5000 } });
    try {
      const ns = uniqueNamespace('lp-slow');
      const base = `http://127.0.0.1:${host.port}`;
      const slow = await RawLongPoll.start(ns, base);
      const healthy = await RawLongPoll.start(ns, base);
      await slow.send([request(1, 'q', { p: '/feed', h: '' })]);
      await waitFor(() => slow.reply(1) !== undefined, 'the listen ok');
      expect(host.realtime.sessionCount()).toBe(2);
      // The slow client has no poll open while the data piles up.
      await host.database(ns).write([{ path: ['feed'], value: 'y'.repeat(6000), kind: 'set' }], {
        admin: true,
        auth: null,
        now: Date.now(),
      });
      await waitFor(() => host.realtime.sessionCount() === 1, 'the slow client disconnected', 5000);
      expect((await slow.poll()).body).toContain("pLPCommand('close'");
      await healthy.send([request(1, 'g', { p: '/feed' })]);
      await waitFor(() => healthy.reply(1) !== undefined, 'the healthy client served');
      expect(healthy.reply(1)).toMatchObject({ s: 'ok', d: 'y'.repeat(6000) });
    } finally {
      await host.close();
    }
  });

  it('ends long-poll sessions when the server closes, running their onDisconnect writes', async () => {
    const host = await startBareHost();
    const ns = uniqueNamespace('lp-shutdown');
    const client = await RawLongPoll.start(ns, `http://127.0.0.1:${host.port}`);
    await client.send([request(1, 'o', { p: '/state', d: 'down' })]);
    await waitFor(() => client.reply(1) !== undefined, 'onDisconnect registered');
    const held = client.poll();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await host.close();
    expect((await held).body).toContain("pLPCommand('close'");
    expect(nodeToJson(host.database(ns).read(['state']))).toBe('down');
  });
});
