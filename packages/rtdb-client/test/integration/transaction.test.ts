import { describe, expect, it } from 'vitest';
import { isRtdbClientError } from '../../src/index.js';
import { testDatabase } from './test-database.js';

describe('ETag transactions against the real server', () => {
  it('5 concurrent transactions of 20 increments each end at exactly 100', async () => {
    const { db, exchanges } = testDatabase();
    const counter = db.ref('counter');
    let calls = 0;
    const worker = async (): Promise<void> => {
      for (let i = 0; i < 20; i += 1) {
        const result = await counter.transaction<number>(
          (current) => {
            calls += 1;
            return (current ?? 0) + 1;
          },
          { maxRetries: 200 },
        );
        expect(result.committed).toBe(true);
      }
    };
    await Promise.all(Array.from({ length: 5 }, worker));
    expect(await counter.get()).toBe(100);
    // Contention really happened: some PUTs lost the race (412) and were retried.
    const conflicts = exchanges.filter((e) => e.method === 'PUT' && e.status === 412).length;
    expect(conflicts).toBeGreaterThan(0);
    expect(calls).toBe(100 + conflicts);
  }, 60_000);

  it('passes the current value, writes the result and reports the new ETag', async () => {
    const { db } = testDatabase();
    const ref = db.ref('servo');
    await ref.set({ angle: 10, source: 'device' });
    const result = await ref.transaction<{ angle: number; source: string }>((current) => ({
      angle: (current?.angle ?? 0) + 5,
      source: 'function',
    }));
    expect(result).toMatchObject({ committed: true, value: { angle: 15, source: 'function' }, attempts: 1 });
    const { etag } = await ref.getWithETag();
    expect(result.etag).toBe(etag);
  });

  it('starts from null on an absent location and can delete by returning null', async () => {
    const { db } = testDatabase();
    const ref = db.ref('maybe');
    const created = await ref.transaction<string>((current) => (current === null ? 'created' : 'existed'));
    expect(created.value).toBe('created');
    const removed = await ref.transaction<string>(() => null);
    expect(removed.committed).toBe(true);
    expect(await ref.get()).toBeNull();
  });

  it('aborts without writing when the update returns undefined', async () => {
    const { db, exchanges } = testDatabase();
    const ref = db.ref('locked');
    await ref.set('keep');
    const result = await ref.transaction(() => undefined);
    expect(result).toMatchObject({ committed: false, value: 'keep', attempts: 1 });
    expect(exchanges.filter((e) => e.method === 'PUT')).toHaveLength(1);
    expect(await ref.get()).toBe('keep');
  });

  it('gives up with transaction-max-retries when another writer always wins', async () => {
    const owner = testDatabase();
    await owner.db.ref('hot').set(0);
    let rivalWrites = 0;
    // The transport lets a rival write land (and finish) right before each conditional PUT.
    const racingFetch: typeof fetch = async (input, init) => {
      const headers = (init?.headers ?? {}) as Record<string, string>;
      if (init?.method === 'PUT' && headers['if-match'] !== undefined) {
        rivalWrites += 1;
        await owner.db.ref('hot').set(rivalWrites * 1000);
      }
      return fetch(input, init);
    };
    const { db } = testDatabase({ namespace: owner.namespace, fetch: racingFetch });
    const failure = await db
      .ref('hot')
      .transaction<number>((current) => (current ?? 0) + 1, { maxRetries: 2 })
      .catch((error: unknown) => error);
    expect(isRtdbClientError(failure, 'rtdb-client/transaction-max-retries')).toBe(true);
    expect(failure).toMatchObject({ status: 412 });
    expect(rivalWrites).toBe(3);
    expect(await owner.db.ref('hot').get()).toBe(3000);
  });

  it('conditional set: if-match with a stale ETag fails with the current value, a fresh one succeeds', async () => {
    const { db } = testDatabase();
    const ref = db.ref('doc');
    await ref.set({ v: 1 });
    const stale = await ref.getWithETag();
    await ref.set({ v: 2 });
    const failure = await ref.set({ v: 3 }, { ifMatch: stale.etag }).catch((error: unknown) => error);
    expect(isRtdbClientError(failure, 'rtdb-client/precondition-failed')).toBe(true);
    expect(failure).toMatchObject({ status: 412, currentValue: { v: 2 } });
    const current = await ref.getWithETag();
    expect((failure as { etag?: string }).etag).toBe(current.etag);
    await ref.set({ v: 3 }, { ifMatch: current.etag });
    expect(await ref.get()).toEqual({ v: 3 });
  });

  it('getIfChanged answers from 304 while the value is unchanged', async () => {
    const { db } = testDatabase();
    const ref = db.ref('cfg');
    await ref.set({ mode: 'a' });
    const first = await ref.getWithETag();
    expect(await ref.getIfChanged(first.etag)).toEqual({ changed: false });
    await ref.set({ mode: 'b' });
    expect(await ref.getIfChanged(first.etag)).toMatchObject({ changed: true, value: { mode: 'b' } });
  });
});
