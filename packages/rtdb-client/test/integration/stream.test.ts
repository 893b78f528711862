import { isDeepStrictEqual } from 'node:util';
import { startRtdbServer, type AccessPolicy } from '@iotkit/rtdb-server';
import { describe, expect, it } from 'vitest';
import {
  createRtdbClient,
  isRtdbClientError,
  type ReconnectInfo,
  type RtdbStreamEvent,
} from '../../src/index.js';
import { startLoopbackRelay } from './loopback-relay.js';
import { freshNamespace, testDatabase } from './test-database.js';

/** Pulls events one at a time, failing the test instead of hanging when one never comes. */
function eventReader<T>(iterator: AsyncIterator<T>): (label: string) => Promise<T> {
  return async (label) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no stream event for: ${label}`)), 10_000);
    });
    try {
      const next = await Promise.race([iterator.next(), timeout]);
      if (next.done) throw new Error(`the stream ended while waiting for: ${label}`);
      return next.value;
    } finally {
      clearTimeout(timer);
    }
  };
}

const quietLog = { log: () => {} };

/** Resolves with `promise`, or fails the test after a generous ceiling naming what never happened. */
async function withCeiling<T>(promise: Promise<T>, what: string, ms = 30_000): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const ceiling = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`not within ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, ceiling]);
  } finally {
    clearTimeout(timer);
  }
}

describe('REST streaming against the real server', () => {
  it('starts with a put of the full value, then follows puts and patches', async () => {
    const { db } = testDatabase();
    await db.ref('dev/latest').set({ ir: 1, ts: 1 });
    const stream = db.ref('dev').stream();
    const next = eventReader<RtdbStreamEvent>(stream);
    expect(await next('first put')).toEqual({ type: 'put', path: '/', data: { latest: { ir: 1, ts: 1 } } });
    await db.ref('dev/servo/angle').set(90);
    expect(await next('put of a child')).toEqual({ type: 'put', path: '/servo/angle', data: 90 });
    await db.ref('dev/latest').update({ ir: 2, ts: 2 });
    expect(await next('patch')).toEqual({ type: 'patch', path: '/latest', data: { ir: 2, ts: 2 } });
    await db.ref('dev/servo').remove();
    expect(await next('delete')).toEqual({ type: 'put', path: '/servo', data: null });
    await stream.return();
  });

  it('streams an absent location as a first put of null', async () => {
    const { db } = testDatabase();
    const stream = db.ref('nothing/here').stream();
    expect(await eventReader<RtdbStreamEvent>(stream)('first put')).toEqual({
      type: 'put',
      path: '/',
      data: null,
    });
    await stream.return();
  });

  it('streamValues keeps a local copy equal to what get() returns after every change', async () => {
    const { db } = testDatabase();
    const ref = db.ref('state');
    const values = ref.streamValues();
    const next = eventReader(values);
    expect(await next('initial')).toBeNull();
    const writes: Array<() => Promise<void>> = [
      () => ref.set({ a: 1, list: ['x', 'y'] }),
      () => ref.child('b/c').set(true),
      () => ref.update({ a: 2, 'b/d': 'deep', list: null }),
      () => ref.child('b').remove(),
    ];
    for (const write of writes) {
      await write();
      const expected = await ref.get();
      // One write may arrive as several events; the copy must converge to the stored value.
      let local = await next('after a write');
      while (!isDeepStrictEqual(local, expected)) local = await next('more events of the same write');
      expect(local).toEqual(expected);
    }
    await values.return();
  });

  it('streams a query: the limited, ordered result follows the writes', async () => {
    const { db } = testDatabase();
    const readings = db.ref('readings');
    await readings.set({ a: { ts: 1 }, b: { ts: 2 }, c: { ts: 3 } });
    const results = readings.orderByChild('ts').limitToLast(2).streamValues();
    const next = eventReader(results);
    expect((await next('initial')).keys).toEqual(['b', 'c']);
    await readings.push({ ts: 4 });
    const after = await next('after push');
    expect(after.values).toEqual([{ ts: 3 }, { ts: 4 }]);
    await results.return();
  });

  it('streams a priority query in priority order', async () => {
    const { db } = testDatabase();
    const queue = db.ref('queue');
    await queue.set({ a: { '.value': 'A', '.priority': 3 }, b: { '.value': 'B', '.priority': 1 } });
    const results = queue.orderByPriority().streamValues();
    const next = eventReader(results);
    const first = await next('initial');
    expect(first.keys).toEqual(['b', 'a']);
    expect(first.values).toEqual(['B', 'A']);
    await queue.child('c').set({ '.value': 'C', '.priority': 2 });
    let after = await next('after a write');
    while (after.keys.length < 3) after = await next('more events of the same write');
    expect(after.keys).toEqual(['b', 'c', 'a']);
    expect(after.entries.map((e) => e.priority)).toEqual([1, 2, 3]);
    await results.return();
  });

  it('ends quietly when the caller aborts', async () => {
    const { db } = testDatabase();
    const controller = new AbortController();
    const seen: RtdbStreamEvent[] = [];
    for await (const event of db.ref('x').stream({ signal: controller.signal })) {
      seen.push(event);
      controller.abort();
    }
    expect(seen).toHaveLength(1);
  });

  it('reconnects with backoff after the server restarts', async () => {
    let server = await startRtdbServer({ port: 0, ...quietLog });
    // The client's URL points at a relay, so the new server can take a fresh free port.
    const relay = await startLoopbackRelay(server.port);
    const namespace = freshNamespace('restart');
    const db = createRtdbClient({
      databaseUrl: `http://127.0.0.1:${relay.port}`,
      namespace,
      accessToken: 'owner',
    });
    const reconnects: ReconnectInfo[] = [];
    let thirdReconnect: () => void = () => {};
    const threeReconnects = new Promise<void>((resolve) => (thirdReconnect = resolve));
    const stream = db.ref('dev').stream({
      backoff: { initialDelayMs: 50, maxDelayMs: 400, jitter: 0 },
      onReconnect: (info) => {
        reconnects.push(info);
        if (reconnects.length === 3) thirdReconnect();
      },
    });
    const next = eventReader<RtdbStreamEvent>(stream);
    try {
      await db.ref('dev').set({ before: 1 });
      // The stream may open before or after the write; either way it ends up seeing it.
      let first = await next('first put');
      if (first.data === null) first = await next('the write');
      expect(first).toMatchObject({ path: '/', data: { before: 1 } });
      relay.forwardTo(undefined);
      await server.close();
      // Keep pulling while the server is down, so the client really meets failed connections.
      const reconnected = next('first put after reconnecting');
      // Awaited below; this only keeps an early failure from being reported as unhandled meanwhile.
      reconnected.catch(() => undefined);
      await withCeiling(threeReconnects, 'three reconnection attempts while the server is down');
      server = await startRtdbServer({ port: 0, ...quietLog }); // in memory: the new server starts empty
      relay.forwardTo(server.port);
      expect(await reconnected).toEqual({ type: 'put', path: '/', data: null });
      await db.ref('dev/after').set(2);
      expect(await next('write after restart')).toEqual({ type: 'put', path: '/after', data: 2 });
      expect(reconnects.length).toBeGreaterThanOrEqual(3);
      expect(reconnects.every((r) => r.reason === 'network' || r.reason === 'closed')).toBe(true);
      expect(reconnects.slice(1).every((r) => r.reason === 'network')).toBe(true);
      expect(reconnects.slice(0, 4).map((r) => r.delayMs)).toEqual(
        [50, 100, 200, 400].slice(0, Math.min(4, reconnects.length)),
      );
      expect(reconnects.at(-1)?.attempt).toBe(reconnects.length - 1);
    } finally {
      await stream.return();
      await relay.close();
      await server.close();
    }
  });

  it('ends with stream-cancelled when the rules stop allowing the read', async () => {
    const server = await startRtdbServer({ port: 0, ...quietLog });
    const namespace = freshNamespace('cancel');
    try {
      const db = createRtdbClient({ databaseUrl: server.url, namespace });
      const stream = db.ref('secret').stream();
      const next = eventReader<RtdbStreamEvent>(stream);
      expect(await next('first put')).toMatchObject({ type: 'put', data: null });
      const denyReads: AccessPolicy = {
        canRead: () => ({ allowed: false, reason: 'test denies reads' }),
        canWrite: () => ({ allowed: true }),
        hasIndex: () => true,
      };
      server.setPolicy(namespace, denyReads);
      const failure = await next('cancel').catch((error: unknown) => error);
      expect(isRtdbClientError(failure, 'rtdb-client/stream-cancelled')).toBe(true);
      expect((failure as { serverMessage?: string }).serverMessage).toBe('Permission denied');
      // A new stream is refused up front with the REST denial code.
      const refused = await eventReader(db.ref('secret').stream())('refusal').catch(
        (error: unknown) => error,
      );
      expect(isRtdbClientError(refused, 'rtdb-client/permission-denied')).toBe(true);
    } finally {
      await server.close();
    }
  });
});
