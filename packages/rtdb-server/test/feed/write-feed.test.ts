import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdbServer, type RunningRtdbServer } from '../../src/index.js';

// The write feed over a real socket: records arrive in commit order with each writer's identity,
// and only the owner may read them.
let server: RunningRtdbServer;
beforeAll(async () => {
  server = await startRtdbServer({ port: 0, log: () => undefined });
});
afterAll(async () => {
  await server.close();
});

function userToken(uid: string, claims: Record<string, unknown> = {}): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: uid, user_id: uid, iat: 0, ...claims })}.`;
}

interface Feed {
  events: Array<{ event: string; data: unknown }>;
  ready: Promise<void>;
  close(): void;
}

async function openFeed(query: string): Promise<Feed> {
  const abort = new AbortController();
  const res = await fetch(`${server.url}/.events/writes.json?${query}`, { signal: abort.signal });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const events: Feed['events'] = [];
  let text = '';
  let markReady!: () => void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  void (async () => {
    try {
      for await (const chunk of res.body!) {
        text += Buffer.from(chunk).toString('utf8');
        let end: number;
        while ((end = text.indexOf('\n\n')) >= 0) {
          const block = text.slice(0, end);
          text = text.slice(end + 2);
          const event = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (event === 'ready') markReady();
          if (event && data) events.push({ event, data: JSON.parse(data) });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  await ready;
  return { events, ready, close: () => abort.abort() };
}

async function until(check: () => boolean): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out waiting for feed records');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('GET /.events/writes.json', () => {
  it('reports each write with its writer: admin, user with claims, unauthenticated', async () => {
    const watch = encodeURIComponent(JSON.stringify([{ path: 'devices', depth: 4 }]));
    const feed = await openFeed(`ns=feed-a&auth=owner&watch=${watch}`);
    const put = (path: string, auth: string | undefined, value: unknown): Promise<Response> =>
      fetch(`${server.url}/${path}.json?ns=feed-a${auth ? `&auth=${auth}` : ''}`, {
        method: 'PUT',
        body: JSON.stringify(value),
      });
    expect((await put('devices/u1/readings/r1', 'owner', { ir: 1 })).status).toBe(200);
    expect((await put('devices/u1/readings/r2/ir', userToken('u1', { role: 'student' }), 2)).status).toBe(
      200,
    );
    expect((await put('devices/u2/latest', undefined, { ir: 3 })).status).toBe(200);
    expect((await put('elsewhere', 'owner', 1)).status).toBe(200);
    await until(() => feed.events.filter((e) => e.event === 'write').length >= 3);
    const writes = feed.events.filter((e) => e.event === 'write').map((e) => e.data);
    expect(writes).toEqual([
      {
        writer: { type: 'admin' },
        time: expect.any(Number),
        changes: [{ watch: 0, path: 'devices/u1/readings/r1', before: null, after: { ir: 1 } }],
      },
      {
        writer: {
          type: 'user',
          uid: 'u1',
          provider: 'custom',
          token: expect.objectContaining({ sub: 'u1', role: 'student' }),
        },
        time: expect.any(Number),
        changes: [{ watch: 0, path: 'devices/u1/readings/r2', before: null, after: { ir: 2 } }],
      },
      {
        writer: { type: 'unauthenticated' },
        time: expect.any(Number),
        changes: [{ watch: 0, path: 'devices/u2/latest', before: null, after: { ir: 3 } }],
      },
    ]);
    feed.close();
  });

  it('keeps namespaces apart, and without a depth reports a write where it was made', async () => {
    const feed = await openFeed('ns=feed-b&auth=owner');
    await fetch(`${server.url}/x.json?ns=feed-other&auth=owner`, { method: 'PUT', body: '1' });
    await fetch(`${server.url}/y.json?ns=feed-b&auth=owner`, { method: 'PUT', body: '2' });
    await until(() => feed.events.some((e) => e.event === 'write'));
    expect(
      feed.events.filter((e) => e.event === 'write').map((e) => (e.data as { changes: unknown }).changes),
    ).toEqual([[{ watch: 0, path: 'y', before: null, after: 2 }]]);
    feed.close();
  });

  it('stops listening when the reader goes away', async () => {
    const feed = await openFeed('ns=feed-gone&auth=owner');
    expect(server.database('feed-gone').listenerCount()).toBe(1);
    feed.close();
    await until(() => server.database('feed-gone').listenerCount() === 0);
    expect(server.database('feed-gone').listenerCount()).toBe(0);
  });

  it('answers only the owner credential, on loopback too', async () => {
    for (const auth of ['', `&auth=${userToken('u1')}`]) {
      const res = await fetch(`${server.url}/.events/writes.json?ns=feed-c${auth}`);
      expect(res.status).toBe(401);
      expect(((await res.json()) as { error: string }).error).toContain('owner credential');
    }
  });

  it('refuses a malformed watch list with a 400 naming the problem', async () => {
    const res = await fetch(`${server.url}/.events/writes.json?ns=feed-c&auth=owner&watch=%5B%7B%7D%5D`);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: string }).error).toContain('watch[0] needs a string "path"');
  });
});
