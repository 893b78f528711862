import {
  endAt,
  endBefore,
  equalTo,
  get,
  limitToFirst,
  limitToLast,
  onChildAdded,
  onChildChanged,
  onChildMoved,
  onChildRemoved,
  onValue,
  orderByChild,
  orderByKey,
  orderByPriority,
  orderByValue,
  push,
  query,
  ref,
  remove,
  serverTimestamp,
  set,
  setWithPriority,
  startAfter,
  startAt,
  update,
  type DataSnapshot,
  type Query,
  type QueryConstraint,
} from 'firebase/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
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

/** A writer and a separate reader, so every event the reader sees came from the server. */
function pair(prefix: string): { writer: WebClient; reader: WebClient } {
  const ns = uniqueNamespace(prefix);
  const writer = webClient(host.port, ns);
  const reader = webClient(host.port, ns);
  clients.push(writer, reader);
  return { writer, reader };
}

function keysOf(snapshot: DataSnapshot): string[] {
  const keys: string[] = [];
  snapshot.forEach((child) => {
    keys.push(child.key!);
  });
  return keys;
}

/** Collects the keys of every value event of `q`; `latest()` is the last one. */
function watchKeys(q: Query): { events: string[][]; latest: () => string[] | undefined } {
  const events: string[][] = [];
  onValue(q, (snapshot) => events.push(keysOf(snapshot)));
  return { events, latest: () => events.at(-1) };
}

const same = (a: string[] | undefined, b: string[]) => JSON.stringify(a) === JSON.stringify(b);

describe('value and child events from another client', () => {
  it('onValue sees the initial null, then each write and the removal', async () => {
    const { writer, reader } = pair('value');
    const seen: unknown[] = [];
    onValue(ref(reader.db, 'device/latest'), (s) => seen.push(s.val()));
    await waitFor(() => seen.length === 1, 'initial value');
    expect(seen).toEqual([null]);
    await set(ref(writer.db, 'device/latest'), { ir: 512 });
    await waitFor(() => seen.length === 2, 'first write');
    await set(ref(writer.db, 'device'), { latest: { ir: 600 }, other: true });
    await waitFor(() => seen.length === 3, 'parent overwrite');
    await remove(ref(writer.db, 'device/latest'));
    await waitFor(() => seen.length === 4, 'removal');
    expect(seen).toEqual([null, { ir: 512 }, { ir: 600 }, null]);
  });

  it('child events arrive in the SDK order: removed, added, moved, changed, then value', async () => {
    const { writer, reader } = pair('children');
    const log: string[] = [];
    const q = query(ref(reader.db, 'list'), orderByChild('score'));
    onChildAdded(q, (s, prev) => log.push(`added ${s.key} after ${prev}`));
    onChildChanged(q, (s) => log.push(`changed ${s.key}=${s.val().score}`));
    onChildRemoved(q, (s) => log.push(`removed ${s.key}`));
    onChildMoved(q, (s, prev) => log.push(`moved ${s.key} after ${prev}`));
    onValue(q, (s) => log.push(`value ${keysOf(s).join(',')}`));
    await set(ref(writer.db, 'list'), { a: { score: 1 }, b: { score: 2 }, c: { score: 3 } });
    await waitFor(() => log.includes('value a,b,c'), 'initial children');
    log.length = 0;
    await update(ref(writer.db, 'list'), { 'a/score': 4 });
    await waitFor(() => log.includes('value b,c,a'), 'the move');
    expect(log).toEqual(['moved a after c', 'changed a=4', 'value b,c,a']);
    log.length = 0;
    await update(ref(writer.db, 'list'), { b: null, d: { score: 0 } });
    await waitFor(() => log.includes('value d,c,a'), 'remove and add in one update');
    expect(log).toEqual(['removed b', 'added d after null', 'value d,c,a']);
  });
});

describe('queries answered by the server', () => {
  const players = { p1: { score: 10 }, p2: { score: 20 }, p3: { score: 30 }, p4: { score: 40 } };
  const cases: [string, QueryConstraint[], string[]][] = [
    ['orderByChild', [orderByChild('score')], ['p1', 'p2', 'p3', 'p4']],
    ['startAt/endAt', [orderByChild('score'), startAt(20), endAt(30)], ['p2', 'p3']],
    ['startAfter', [orderByChild('score'), startAfter(20)], ['p3', 'p4']],
    ['endBefore', [orderByChild('score'), endBefore(30)], ['p1', 'p2']],
    ['equalTo', [orderByChild('score'), equalTo(30)], ['p3']],
    ['limitToFirst', [orderByChild('score'), limitToFirst(2)], ['p1', 'p2']],
    ['limitToLast', [orderByChild('score'), limitToLast(2)], ['p3', 'p4']],
    ['range and limit', [orderByChild('score'), startAt(15), limitToFirst(2)], ['p2', 'p3']],
    ['orderByKey range', [orderByKey(), startAt('p2'), endAt('p3')], ['p2', 'p3']],
    ['orderByKey startAfter + limit', [orderByKey(), startAfter('p1'), limitToFirst(1)], ['p2']],
    ['orderByKey endBefore + limitToLast', [orderByKey(), endBefore('p4'), limitToLast(2)], ['p2', 'p3']],
  ];

  it.each(cases)(
    '%s: get() and onValue agree with the expected children',
    async (_label, constraints, expected) => {
      const { writer, reader } = pair('query');
      await set(ref(writer.db, 'players'), players);
      const fetched = await get(query(ref(reader.db, 'players'), ...constraints));
      expect(keysOf(fetched)).toEqual(expected);
      const watcher = watchKeys(query(ref(reader.db, 'players'), ...constraints));
      await waitFor(() => same(watcher.latest(), expected), `onValue ${expected.join(',')}`);
    },
  );

  it('orderByValue and orderByPriority sort by the stored value and priority', async () => {
    const { writer, reader } = pair('value-order');
    await set(ref(writer.db, 'vals'), { a: 3, b: 'text', c: 1, d: true });
    await setWithPriority(ref(writer.db, 'prio/x'), 'x', 3);
    await setWithPriority(ref(writer.db, 'prio/y'), 'y', 1);
    await setWithPriority(ref(writer.db, 'prio/z'), 'z', 2);
    expect(keysOf(await get(query(ref(reader.db, 'vals'), orderByValue())))).toEqual(['d', 'c', 'a', 'b']);
    expect(
      keysOf(await get(query(ref(reader.db, 'vals'), orderByValue(), startAt(2), limitToFirst(1)))),
    ).toEqual(['a']);
    expect(keysOf(await get(query(ref(reader.db, 'prio'), orderByPriority())))).toEqual(['y', 'z', 'x']);
    expect(keysOf(await get(query(ref(reader.db, 'prio'), orderByPriority(), startAt(2))))).toEqual([
      'z',
      'x',
    ]);
  });

  it('a limit window follows the data: children enter and leave as scores change', async () => {
    const { writer, reader } = pair('window');
    const q = query(ref(reader.db, 'board'), orderByChild('score'), limitToLast(2));
    const watcher = watchKeys(q);
    const left: string[] = [];
    const entered: string[] = [];
    onChildRemoved(q, (s) => left.push(s.key!));
    onChildAdded(q, (s) => entered.push(s.key!));
    await set(ref(writer.db, 'board'), {
      p1: { score: 10 },
      p2: { score: 20 },
      p3: { score: 30 },
      p4: { score: 40 },
    });
    await waitFor(() => same(watcher.latest(), ['p3', 'p4']), 'first window');
    await set(ref(writer.db, 'board/p5'), { score: 50 });
    await waitFor(() => same(watcher.latest(), ['p4', 'p5']), 'p5 pushes p3 out');
    expect(left).toEqual(['p3']);
    await set(ref(writer.db, 'board/p4/score'), 5);
    await waitFor(() => same(watcher.latest(), ['p3', 'p5']), 'p4 drops, p3 comes back');
    expect(left).toEqual(['p3', 'p4']);
    await remove(ref(writer.db, 'board/p5'));
    await waitFor(() => same(watcher.latest(), ['p2', 'p3']), 'removal pulls p2 in');
    expect(entered).toEqual(['p3', 'p4', 'p5', 'p3', 'p2']);
  });

  it('a range window admits and drops children whose value crosses its bounds', async () => {
    const { writer, reader } = pair('range');
    const watcher = watchKeys(query(ref(reader.db, 'r'), orderByChild('v'), startAt(10), endAt(20)));
    await set(ref(writer.db, 'r'), { a: { v: 5 }, b: { v: 15 }, c: { v: 25 } });
    await waitFor(() => same(watcher.latest(), ['b']), 'initial range');
    await set(ref(writer.db, 'r/a/v'), 12);
    await waitFor(() => same(watcher.latest(), ['a', 'b']), 'a enters');
    await set(ref(writer.db, 'r/b/v'), 21);
    await waitFor(() => same(watcher.latest(), ['a']), 'b leaves');
  });
});

describe('paging through ties with a key cursor', () => {
  it('startAfter(value, key) and endBefore(value, key) break ties by key on the server', async () => {
    const { writer, reader } = pair('paging');
    await set(ref(writer.db, 't'), { a: { s: 1 }, b: { s: 2 }, c: { s: 2 }, d: { s: 2 }, e: { s: 3 } });
    const page = async (...constraints: QueryConstraint[]) =>
      keysOf(await get(query(ref(reader.db, 't'), orderByChild('s'), ...constraints)));
    expect(await page(startAfter(2, 'b'), limitToFirst(2))).toEqual(['c', 'd']);
    expect(await page(startAt(2, 'c'), limitToFirst(10))).toEqual(['c', 'd', 'e']);
    expect(await page(endBefore(2, 'd'), limitToLast(2))).toEqual(['b', 'c']);
    expect(await page(equalTo(2, 'c'))).toEqual(['c']);
    expect(await page(endAt(2, 'b'))).toEqual(['a', 'b']);
  });
});

describe('the course pattern: push() readings, show the latest ones', () => {
  it('limitToLast(5) by key tracks the newest pushes, for the writer and for another client', async () => {
    const { writer, reader } = pair('readings');
    const own = watchKeys(query(ref(writer.db, 'devices/u1/readings'), orderByKey(), limitToLast(5)));
    const other = watchKeys(query(ref(reader.db, 'devices/u1/readings'), orderByChild('ts'), limitToLast(5)));
    const keys: string[] = [];
    for (let i = 0; i < 12; i += 1) {
      const reading = push(ref(writer.db, 'devices/u1/readings'));
      keys.push(reading.key!);
      await set(reading, { ir: i, ts: serverTimestamp() });
    }
    const newest = keys.slice(-5);
    await waitFor(() => same(own.latest(), newest), 'writer view');
    await waitFor(() => same(other.latest(), newest), 'reader view');
    const stored = await get(query(ref(reader.db, 'devices/u1/readings'), orderByKey(), limitToFirst(2)));
    expect(keysOf(stored)).toEqual(keys.slice(0, 2));
  });
});

describe('get()', () => {
  it('reads from the server without a listener, including nested data and absent paths', async () => {
    const { writer, reader } = pair('get');
    await set(ref(writer.db, 'cfg'), { name: 'lab', limits: { min: 1, max: 9 }, list: ['x', 'y'] });
    expect((await get(ref(reader.db, 'cfg'))).val()).toEqual({
      name: 'lab',
      limits: { min: 1, max: 9 },
      list: ['x', 'y'],
    });
    expect((await get(ref(reader.db, 'cfg/limits/max'))).val()).toBe(9);
    const missing = await get(ref(reader.db, 'nothing/here'));
    expect(missing.exists()).toBe(false);
  });
});
