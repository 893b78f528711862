import { describe, expect, it } from 'vitest';
import { increment, serverTimestamp } from '../../src/index.js';
import { testDatabase } from './test-database.js';

describe('reads and writes against the real server', () => {
  it('sets, reads, overwrites and removes a value', async () => {
    const { db } = testDatabase();
    const latest = db.ref('devices/u1/latest');
    expect(await latest.get()).toBeNull();
    await latest.set({ ir: 512, ok: true, label: 'é 温度' });
    expect(await latest.get()).toEqual({ ir: 512, ok: true, label: 'é 温度' });
    await latest.set({ ir: 3 });
    expect(await latest.get()).toEqual({ ir: 3 });
    expect(await db.ref('devices/u1').get()).toEqual({ latest: { ir: 3 } });
    await latest.remove();
    expect(await latest.get()).toBeNull();
    expect(await db.ref('/').get()).toBeNull();
  });

  it('addresses keys with spaces, percent signs and non-ASCII characters', async () => {
    const { db } = testDatabase();
    await db.ref('odd keys/100% sure/ключ').set('yes');
    expect(await db.ref('odd keys').get()).toEqual({ '100% sure': { ключ: 'yes' } });
  });

  it('navigates with child, parent, root and key', async () => {
    const { db } = testDatabase();
    const ref = db.ref('a').child('b/c');
    expect(ref.path).toBe('/a/b/c');
    expect(ref.key).toBe('c');
    expect(ref.parent?.path).toBe('/a/b');
    expect(ref.root.key).toBeNull();
    await ref.set(1);
    expect(await ref.root.get()).toEqual({ a: { b: { c: 1 } } });
  });

  it('pushes children under server-generated keys that sort in insertion order', async () => {
    const { db } = testDatabase();
    const readings = db.ref('devices/u1/readings');
    const keys: string[] = [];
    for (let i = 0; i < 25; i += 1) {
      const { key, ref } = await readings.push({ ir: i });
      expect(ref.path).toBe(`/devices/u1/readings/${key}`);
      keys.push(key);
    }
    expect(keys.every((key) => /^[-0-9A-Za-z_]{20}$/.test(key))).toBe(true);
    expect([...keys].sort()).toEqual(keys);
    const ordered = await readings.orderByKey().get();
    expect(ordered.keys).toEqual(keys);
    expect(ordered.values.map((v) => (v as { ir: number }).ir)).toEqual([...Array(25).keys()]);
  });

  it('updates several paths at once, deleting with null and leaving the rest alone', async () => {
    const { db } = testDatabase();
    await db.ref('dev').set({ latest: { ir: 1, ts: 1 }, servo: { angle: 10 }, keep: 'me' });
    await db.ref('dev').update({
      'latest/ir': 2,
      'servo/angle': 90,
      'servo/source': 'device',
      keep: null,
      'new/deep/leaf': true,
    });
    expect(await db.ref('dev').get()).toEqual({
      latest: { ir: 2, ts: 1 },
      servo: { angle: 90, source: 'device' },
      new: { deep: { leaf: true } },
    });
  });

  it('returns arrays for array-like children and reads shallowly', async () => {
    const { db } = testDatabase();
    await db.ref('list').set(['a', 'b', 'c']);
    expect(await db.ref('list').get()).toEqual(['a', 'b', 'c']);
    await db.ref('tree').set({ x: { deep: 1 }, y: 2 });
    // Firebase truncates every child to true, leaves included.
    expect(await db.ref('tree').get({ shallow: true })).toEqual({ x: true, y: true });
    expect(await db.ref('tree/y').get({ shallow: true })).toBe(2);
  });

  it('resolves serverTimestamp() to the server clock and increment() atomically', async () => {
    const { db } = testDatabase();
    const before = Date.now();
    await db.ref('dev/latest').set({ ir: 7, ts: serverTimestamp() });
    const after = Date.now();
    const stored = await db.ref('dev/latest').get<{ ir: number; ts: number }>();
    expect(stored?.ir).toBe(7);
    expect(stored?.ts).toBeGreaterThanOrEqual(before);
    expect(stored?.ts).toBeLessThanOrEqual(after);

    await Promise.all(Array.from({ length: 20 }, () => db.ref('counter').set(increment(1))));
    expect(await db.ref('counter').get()).toBe(20);
    await db.ref('counter').set(increment(-2.5));
    expect(await db.ref('counter').get()).toBe(17.5);
    await db.ref('stats').update({ hits: increment(3), at: serverTimestamp() });
    const stats = await db.ref('stats').get<{ hits: number; at: number }>();
    expect(stats?.hits).toBe(3);
    expect(typeof stats?.at).toBe('number');
  });

  it('sends print=silent and gets 204 for silent writes, which still take effect', async () => {
    const { db, exchanges } = testDatabase();
    await db.ref('s').set({ a: 1, b: 2 }, { silent: true });
    await db.ref('s').update({ b: 3 }, { silent: true });
    await db.ref('s/a').remove({ silent: true });
    const writes = exchanges.filter((e) => e.method !== 'GET');
    expect(writes.map((e) => [e.method, e.status])).toEqual([
      ['PUT', 204],
      ['PATCH', 204],
      ['DELETE', 204],
    ]);
    expect(writes.every((e) => e.url.includes('print=silent'))).toBe(true);
    expect(await db.ref('s').get()).toEqual({ b: 3 });
    await db.ref('loud').set(1);
    expect(exchanges.at(-1)?.status).toBe(200);
  });

  it('keeps namespaces apart', async () => {
    const first = testDatabase();
    const second = testDatabase();
    await first.db.ref('x').set('first');
    expect(await second.db.ref('x').get()).toBeNull();
    expect(first.exchanges[0]?.url).toContain(`ns=${first.namespace}`);
  });
});
