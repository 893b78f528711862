import { beforeAll, describe, expect, it } from 'vitest';
import type { RtdbClient } from '../../src/index.js';
import { testDatabase } from './test-database.js';

// Children written in an order unrelated to any index, so that a correct result can only come
// from the server's filtering plus the client's ordering.
const READINGS = {
  r5: { ir: 500, ts: 50, kind: 'servo' },
  r1: { ir: 100, ts: 10, kind: 'ir' },
  r4: { ir: 400, ts: 40, kind: 'ir' },
  r2: { ir: 200, ts: 20, kind: 'servo' },
  r3: { ir: 300, ts: 30, kind: 'ir' },
  r0: { ir: 0, kind: 'ir' },
  rb: { ir: 200, ts: 20, kind: 'ir' },
};

let db: RtdbClient;

beforeAll(async () => {
  db = testDatabase().db;
  await db.ref().set({
    readings: READINGS,
    devices: { 'dev-b': 1, 'dev-a': 2, 'dev-a2': 3, dex: 4, dev: 5, '10': 6, '9': 7 },
    mixed: { s: 'str', n: 4, t: true, f: false, o: { a: 1 }, m: -2, s2: 'Str' },
    prio: {
      a: { '.value': 'A', '.priority': 'z' },
      b: { '.value': 'B', '.priority': 5 },
      c: { '.value': 'C', '.priority': 1 },
      d: 'D',
      e: { name: 'E', '.priority': 5 },
    },
  });
});

const readings = () => db.ref('readings');

describe('queries against the real server, ordered client-side', () => {
  it('orderByChild alone returns every child in index order (missing first, ties by key)', async () => {
    expect((await readings().orderByChild('ts').get()).keys).toEqual([
      'r0',
      'r1',
      'r2',
      'rb',
      'r3',
      'r4',
      'r5',
    ]);
  });

  it('startAt / endAt are inclusive', async () => {
    expect((await readings().orderByChild('ts').startAt(20).endAt(40).get()).keys).toEqual([
      'r2',
      'rb',
      'r3',
      'r4',
    ]);
  });

  it('startAfter / endBefore are exclusive', async () => {
    expect((await readings().orderByChild('ts').startAfter(20).endBefore(50).get()).keys).toEqual([
      'r3',
      'r4',
    ]);
  });

  it('equalTo keeps matching children only, for numbers and strings', async () => {
    expect((await readings().orderByChild('ts').equalTo(20).get()).keys).toEqual(['r2', 'rb']);
    expect((await readings().orderByChild('kind').equalTo('servo').get()).keys).toEqual(['r2', 'r5']);
  });

  it('a key narrows the bounds among equal values', async () => {
    expect((await readings().orderByChild('ts').startAt(20, 'r3').get()).keys).toEqual([
      'rb',
      'r3',
      'r4',
      'r5',
    ]);
    expect((await readings().orderByChild('ts').endAt(20, 'r2').get()).keys).toEqual(['r0', 'r1', 'r2']);
    expect((await readings().orderByChild('ts').startAfter(20, 'r2').limitToFirst(2).get()).keys).toEqual([
      'rb',
      'r3',
    ]);
    expect((await readings().orderByChild('ts').equalTo(20, 'rb').get()).keys).toEqual(['rb']);
  });

  it('limitToFirst / limitToLast take from the right end and still come back ascending', async () => {
    const last = await readings().orderByChild('ts').limitToLast(3).get();
    expect(last.keys).toEqual(['r3', 'r4', 'r5']);
    expect(last.values).toEqual([READINGS.r3, READINGS.r4, READINGS.r5]);
    expect((await readings().orderByChild('ir').limitToFirst(2).get()).keys).toEqual(['r0', 'r1']);
    expect((await readings().orderByChild('ts').startAt(15).limitToFirst(2).get()).keys).toEqual([
      'r2',
      'rb',
    ]);
  });

  it('orderByKey ranges, including a \\uf8ff prefix search', async () => {
    const devices = db.ref('devices');
    expect((await devices.orderByKey().get()).keys).toEqual([
      '9',
      '10',
      'dev',
      'dev-a',
      'dev-a2',
      'dev-b',
      'dex',
    ]);
    expect((await devices.orderByKey().startAt('dev-').endAt('dev-\uf8ff').get()).keys).toEqual([
      'dev-a',
      'dev-a2',
      'dev-b',
    ]);
    expect((await devices.orderByKey().startAfter('dev-a').limitToFirst(2).get()).keys).toEqual([
      'dev-a2',
      'dev-b',
    ]);
    expect((await devices.orderByKey().equalTo('dex').get()).values).toEqual([4]);
    expect((await devices.orderByKey().limitToLast(2).get()).keys).toEqual(['dev-b', 'dex']);
  });

  it('orderByValue orders mixed types the Firebase way and filters by value', async () => {
    const mixed = db.ref('mixed');
    expect((await mixed.orderByValue().get()).keys).toEqual(['f', 't', 'm', 'n', 's2', 's', 'o']);
    expect((await mixed.orderByValue().startAt(true).endAt('zzz').get()).keys).toEqual([
      't',
      'm',
      'n',
      's2',
      's',
    ]);
    expect((await mixed.orderByValue().startAt('a').get()).keys).toEqual(['s', 'o']);
    expect((await db.ref('devices').orderByValue().limitToLast(2).get()).values).toEqual([6, 7]);
  });

  it('orderByPriority reads priorities through format=export and strips the wrappers', async () => {
    const result = await db.ref('prio').orderByPriority().get();
    expect(result.keys).toEqual(['d', 'c', 'b', 'e', 'a']);
    expect(result.values).toEqual(['D', 'C', 'B', { name: 'E' }, 'A']);
    expect(result.entries.map((e) => e.priority)).toEqual([null, 1, 5, 5, 'z']);
    expect((await db.ref('prio').orderByPriority().startAt(2).endAt(5).get()).keys).toEqual(['b', 'e']);
    expect((await db.ref('prio').startAt('a').get()).keys).toEqual(['a']);
  });

  it('query values with spaces, &, =, +, quotes and non-ASCII text survive the URL', async () => {
    const ref = db.ref('labels');
    const tricky = 'a b&c=d+e "q" é/温度';
    await ref.set({ x: { label: tricky }, y: { label: 'a b' }, z: { label: 'a+b' } });
    expect((await ref.orderByChild('label').equalTo(tricky).get()).keys).toEqual(['x']);
    expect((await ref.orderByChild('label').equalTo('a+b').get()).keys).toEqual(['z']);
    expect((await ref.orderByChild('label').startAt('a b').endAt('a b\uf8ff').get()).keys).toEqual([
      'y',
      'x',
    ]);
  });

  it('a query on an absent or primitive location matches nothing', async () => {
    expect((await db.ref('nothing').orderByKey().get()).entries).toEqual([]);
    expect((await db.ref('devices/dev').orderByValue().get()).entries).toEqual([]);
  });

  it('a child path with several segments orders by the nested value', async () => {
    const ref = db.ref('nested');
    await ref.set({ a: { m: { t: 3 } }, b: { m: { t: 1 } }, c: { m: { t: 2 } } });
    expect((await ref.orderByChild('m/t').startAt(2).get()).keys).toEqual(['c', 'a']);
  });
});
