import { afterEach, describe, expect, it } from 'vitest';
import type { AccessPolicy } from '../../src/index.js';
import { useServer } from '../rest/rest-harness.js';
import { SseClient } from './sse-reader.js';

let denyReads = false;
const policy: AccessPolicy = {
  canRead: () => (denyReads ? { allowed: false, reason: 'test' } : { allowed: true }),
  canWrite: () => ({ allowed: true }),
  hasIndex: () => true,
};
const { call, server } = useServer({ keepAliveMs: 100, policyFor: () => policy });
const NS = '?ns=sse';
const open: SseClient[] = [];

async function stream(path: string, headers: Record<string, string> = {}): Promise<SseClient> {
  const client = await SseClient.open(`${server().url}${path}`, headers);
  open.push(client);
  return client;
}

afterEach(() => {
  denyReads = false;
  for (const client of open.splice(0)) client.close();
});

describe('REST event streams', () => {
  it('starts with a put of / carrying the full value, then puts and patches relative to the location', async () => {
    await call('PUT', `/s/a.json${NS}`, { body: { x: 1, y: { z: 2 } } });
    const client = await stream(`/s/a.json${NS}`);
    expect(client.response.statusCode).toBe(200);
    expect(client.response.headers['content-type']).toContain('text/event-stream');
    await client.waitFor(1);
    expect(client.events[0]).toEqual({ event: 'put', data: { path: '/', data: { x: 1, y: { z: 2 } } } });
    await call('PUT', `/s/a/y/z.json${NS}`, { body: 3 });
    await call('PATCH', `/s/a.json${NS}`, { body: { x: 5, w: 'new' } });
    await call('PUT', `/s.json${NS}`, { body: { a: 'replaced' } });
    await call('PUT', `/s/other.json${NS}`, { body: 'unrelated' });
    await call('DELETE', `/s/a.json${NS}`);
    const events = await client.waitForData(5);
    expect(events.slice(1, 5)).toEqual([
      { event: 'put', data: { path: '/y/z', data: 3 } },
      { event: 'patch', data: { path: '/', data: { x: 5, w: 'new' } } },
      { event: 'put', data: { path: '/', data: 'replaced' } },
      { event: 'put', data: { path: '/', data: null } },
    ]);
  });

  it('sends resolved server values', async () => {
    const client = await stream(`/s/t.json${NS}`);
    await client.waitFor(1);
    await call('PUT', `/s/t/at.json${NS}`, { body: { '.sv': 'timestamp' } });
    const events = await client.waitForData(2);
    const put = events[1]!.data as { path: string; data: unknown };
    expect(put.path).toBe('/at');
    expect(typeof put.data).toBe('number');
  });

  it('sends keep-alive events on the configured interval', async () => {
    const client = await stream(`/s/k.json${NS}`);
    await client.waitFor(3);
    expect(client.events.slice(1).some((e) => e.event === 'keep-alive' && e.data === null)).toBe(true);
  });

  it('streams query results: after the first put, only the child that entered, changed or left', async () => {
    await call('PUT', `/s/q.json${NS}`, { body: { a: { n: 1 }, b: { n: 5 }, c: { n: 9 } } });
    const client = await stream(`/s/q.json${NS}&orderBy="n"&startAt=4`);
    await client.waitFor(1);
    expect(client.events[0]!.data).toEqual({ path: '/', data: { b: { n: 5 }, c: { n: 9 } } });
    await call('PUT', `/s/q/a/n.json${NS}`, { body: 2 }); // still outside: nothing
    await call('PUT', `/s/q/a/n.json${NS}`, { body: 7 }); // enters
    await call('PUT', `/s/q/b/n.json${NS}`, { body: 6 }); // changes inside
    await call('PUT', `/s/q/c/n.json${NS}`, { body: 0 }); // leaves the range
    await call('PATCH', `/s/q.json${NS}`, { body: { a: null, d: { n: 8 } } }); // one leaves, one enters
    const events = await client.waitForData(5);
    expect(events.slice(1)).toEqual([
      { event: 'put', data: { path: '/a', data: { n: 7 } } },
      { event: 'put', data: { path: '/b', data: { n: 6 } } },
      { event: 'put', data: { path: '/c', data: null } },
      { event: 'patch', data: { path: '/', data: { a: null, d: { n: 8 } } } },
    ]);
  });

  it('streams a limited query: a child pushed out by the limit is sent as null beside the one that entered', async () => {
    await call('PUT', `/s/l.json${NS}`, { body: { a: { n: 1 }, b: { n: 2 }, c: { n: 3 } } });
    const client = await stream(`/s/l.json${NS}&orderBy="n"&limitToLast=2`);
    await client.waitFor(1);
    expect(client.events[0]!.data).toEqual({ path: '/', data: { b: { n: 2 }, c: { n: 3 } } });
    await call('PUT', `/s/l/a/x.json${NS}`, { body: 'outside the window' });
    await call('PUT', `/s/l/d.json${NS}`, { body: { n: 4 } });
    const events = await client.waitForData(2);
    expect(events.slice(1)).toEqual([
      { event: 'patch', data: { path: '/', data: { b: null, d: { n: 4 } } } },
    ]);
  });

  it('cancels a stream when the rules stop allowing the read', async () => {
    const client = await stream(`/s/c.json${NS}`);
    await client.waitFor(1);
    denyReads = true;
    server().onPolicyChange('sse');
    await client.waitEnd();
    expect(client.events.at(-1)).toEqual({ event: 'cancel', data: 'Permission denied' });
  });

  it('refuses to open a stream the rules deny, with 401 JSON', async () => {
    denyReads = true;
    const reply = await call('GET', `/s/c.json${NS}`, { headers: { Accept: 'text/event-stream' } });
    expect(reply.status).toBe(401);
    expect(reply.json).toEqual({ error: 'Permission denied' });
  });

  it('revokes the stream when the ID token expires', async () => {
    const now = Math.floor(Date.now() / 1000);
    const claims = { sub: 'u1', iat: now - 10, exp: now + 1 };
    const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
    const client = await stream(`/s/r.json${NS}&auth=${token}`);
    await client.waitEnd(4000);
    expect(client.events.at(-1)).toEqual({ event: 'auth_revoked', data: 'credential is no longer valid' });
  });

  it('keeps hundreds of streams cheap and notifies only the affected ones', async () => {
    const clients = await Promise.all(
      Array.from({ length: 200 }, (_, i) => stream(`/s/many/${i}.json${NS}`)),
    );
    await Promise.all(clients.map((c) => c.waitFor(1)));
    const listeners = server().database('sse').listenerCount();
    expect(listeners).toBeGreaterThanOrEqual(200);
    await call('PUT', `/s/many/7.json${NS}`, { body: 'hit' });
    await clients[7]!.waitForData(2);
    const changed = clients.filter((c) =>
      c.events.some((e) => e.event === 'put' && (e.data as { data: unknown }).data === 'hit'),
    );
    expect(changed).toEqual([clients[7]]);
  });
});
