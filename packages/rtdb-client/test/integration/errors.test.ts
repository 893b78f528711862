import { startRtdbServer } from '@iotkit/rtdb-server';
import { describe, expect, it } from 'vitest';
import { createRtdbClient, isRtdbClientError, type RtdbClientErrorCode } from '../../src/index.js';
import { testDatabase } from './test-database.js';

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

function expectCode(error: unknown, code: RtdbClientErrorCode): void {
  expect(isRtdbClientError(error, code), `got ${String(error)}`).toBe(true);
}

describe('errors mapped to stable codes', () => {
  it('a 400 from the server is invalid-request with its message, and nothing is stored', async () => {
    const { db, exchanges } = testDatabase();
    await db.ref('dev').set({ ir: 1 });
    const unknownServerValue = await failure(() => db.ref('dev').set({ ir: { '.sv': 'no-such-thing' } }));
    expectCode(unknownServerValue, 'rtdb-client/invalid-request');
    expect(unknownServerValue).toMatchObject({ status: 400 });
    expect((unknownServerValue as { serverMessage: string }).serverMessage.length).toBeGreaterThan(0);
    expect(exchanges.at(-1)?.status).toBe(400);
    const badIncrement = await failure(() => db.ref('dev').update({ ir: { '.sv': { increment: 'one' } } }));
    expectCode(badIncrement, 'rtdb-client/invalid-request');
    expect(await db.ref('dev').get()).toEqual({ ir: 1 });
  });

  it('bad paths, keys, values and queries are refused before anything is sent', async () => {
    const { db, exchanges } = testDatabase();
    const refusals: Array<() => unknown> = [
      () => db.ref('a.b'),
      () => db.ref('a').child('b[0]'),
      () => db.ref('x').set({ bad$key: 1 }),
      () => db.ref('x').set(undefined),
      () => db.ref('x').set({ n: Number.NaN }),
      () => db.ref('x').update({ '': 1 }),
      () => db.ref('x').orderByKey().startAt(1),
      () => db.ref('x').orderByChild('a').orderByValue(),
      () => db.ref('x').limitToFirst(0),
    ];
    for (const refusal of refusals) {
      const error = await failure(async () => refusal());
      expectCode(error, 'rtdb-client/invalid-argument');
    }
    expect(exchanges).toHaveLength(0);
  });

  it('a refused connection is network, for requests and for a stream out of retries', async () => {
    const server = await startRtdbServer({ port: 0, log: () => {} });
    const url = server.url;
    await server.close();
    const db = createRtdbClient({ databaseUrl: url, namespace: 'gone' });
    const error = await failure(() => db.ref('x').get());
    expectCode(error, 'rtdb-client/network');
    expect((error as Error).message).toContain('GET /x');
    const streamError = await failure(async () => {
      for await (const _ of db
        .ref('x')
        .stream({ maxRetries: 2, backoff: { initialDelayMs: 10, jitter: 0 } })) {
        // never reached
      }
    });
    expectCode(streamError, 'rtdb-client/stream-retries-exhausted');
    expect(isRtdbClientError((streamError as Error).cause, 'rtdb-client/network')).toBe(true);
  });
});
