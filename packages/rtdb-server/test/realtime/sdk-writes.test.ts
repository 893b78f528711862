import {
  get,
  increment,
  onValue,
  ref,
  runTransaction,
  serverTimestamp,
  set,
  setWithPriority,
  update,
} from 'firebase/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodeHash } from '../../src/core/node-hash.js';
import { startBareHost, type BareHost } from './support/bare-host.js';
import { uniqueNamespace, waitFor, webClient, type WebClient } from './support/sdk-clients.js';

let host: BareHost;
const clients: WebClient[] = [];

beforeAll(async () => {
  host = await startBareHost();
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await host.close();
});

function open(ns: string): WebClient {
  const client = webClient(host.port, ns);
  clients.push(client);
  return client;
}

describe('server values', () => {
  it('serverTimestamp() is resolved by the server and seen the same by every client', async () => {
    const ns = uniqueNamespace('ts');
    const writer = open(ns);
    const reader = open(ns);
    const before = Date.now();
    await set(ref(writer.db, 'latest'), { ir: 7, ts: serverTimestamp() });
    const stored = (await get(ref(reader.db, 'latest'))).val() as { ir: number; ts: number };
    expect(stored.ir).toBe(7);
    expect(stored.ts).toBeGreaterThanOrEqual(before);
    expect(stored.ts).toBeLessThanOrEqual(Date.now());
    // The server's copy is authoritative: the writer's own view converges to the same number.
    expect(host.database(ns).read(['latest', 'ts']).leaf).toBe(stored.ts);
  });

  it('increment() adds on the server, starting from absent and from non-numbers', async () => {
    const ns = uniqueNamespace('inc');
    const a = open(ns);
    const b = open(ns);
    await Promise.all([
      ...Array.from({ length: 20 }, () => update(ref(a.db), { counter: increment(1) })),
      ...Array.from({ length: 20 }, () => set(ref(b.db, 'counter'), increment(2))),
    ]);
    expect(host.database(ns).read(['counter']).leaf).toBe(60);
    await set(ref(a.db, 'word'), 'text');
    await set(ref(a.db, 'word'), increment(5));
    expect((await get(ref(b.db, 'word'))).val()).toBe(5);
  });
});

describe('multi-path update', () => {
  it('is seen by another client as one change, never half applied', async () => {
    const ns = uniqueNamespace('atomic');
    const writer = open(ns);
    const reader = open(ns);
    await set(ref(writer.db, 'devices'), { d1: { angle: 0 }, d2: { angle: 0 } });
    const seen: { d1: number; d2: number }[] = [];
    onValue(ref(reader.db, 'devices'), (s) => {
      const v = s.val() as { d1: { angle: number }; d2: { angle: number } } | null;
      if (v) seen.push({ d1: v.d1.angle, d2: v.d2.angle });
    });
    await waitFor(() => seen.length === 1, 'initial value');
    for (let i = 1; i <= 10; i += 1) {
      await update(ref(writer.db), { 'devices/d1/angle': i, 'devices/d2/angle': i });
    }
    await waitFor(() => seen.at(-1)?.d1 === 10, 'all updates');
    for (const snapshot of seen) expect(snapshot.d1).toBe(snapshot.d2);
    expect(seen).toHaveLength(11);
  });
});

describe('transactions', () => {
  it('10 clients x 50 concurrent increments end at exactly 500', async () => {
    const ns = uniqueNamespace('txn');
    const group = Array.from({ length: 10 }, () => open(ns));
    const results = await Promise.all(
      group.flatMap((client) =>
        Array.from({ length: 50 }, () =>
          runTransaction(ref(client.db, 'counter'), (value: number | null) => (value ?? 0) + 1),
        ),
      ),
    );
    expect(results.every((r) => r.committed)).toBe(true);
    expect(host.database(ns).read(['counter']).leaf).toBe(500);
    const check = open(ns);
    expect((await get(ref(check.db, 'counter'))).val()).toBe(500);
  }, 60_000);

  it('converges on a node with priorities and int-like keys (the hash matches the SDK)', async () => {
    const ns = uniqueNamespace('txn-hash');
    const a = open(ns);
    const b = open(ns);
    await set(ref(a.db, 'node'), {
      '1': { '.value': 'one', '.priority': 2 },
      '10': { n: 1, '.priority': 'b' },
      '2': true,
      '-3': 1.5,
      '007': 'padded',
      key: { deep: { '.value': 4, '.priority': 1.25 } },
      '.priority': 7,
    });
    let runs = 0;
    const [ra, rb] = await Promise.all([
      runTransaction(ref(a.db, 'node'), (node: Record<string, unknown> | null) => {
        runs += 1;
        return node === null ? node : { ...node, a: ((node['a'] as number | undefined) ?? 0) + 1 };
      }),
      runTransaction(ref(b.db, 'node'), (node: Record<string, unknown> | null) => {
        runs += 1;
        return node === null ? node : { ...node, b: ((node['b'] as number | undefined) ?? 0) + 1 };
      }),
    ]);
    expect(ra.committed && rb.committed).toBe(true);
    const stored = host.database(ns).read(['node']);
    expect(stored.children?.get('a')?.leaf).toBe(1);
    expect(stored.children?.get('b')?.leaf).toBe(1);
    // Each transaction may run against a stale null once; a hash disagreement would retry 25 times and abort.
    expect(runs).toBeLessThan(10);
    expect(nodeHash(stored)).not.toBe('');
  });

  it('a transaction on data with a priority keeps the priority', async () => {
    const ns = uniqueNamespace('txn-prio');
    const a = open(ns);
    await setWithPriority(ref(a.db, 'score'), 10, 5);
    const result = await runTransaction(ref(a.db, 'score'), (v: number | null) => (v ?? 0) + 1);
    expect(result.committed).toBe(true);
    expect(host.database(ns).read(['score']).leaf).toBe(11);
  });
});
