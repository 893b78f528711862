import { describe, expect, it } from 'vitest';
import { Database, isRtdbError, type RequestContext } from '../../src/index.js';
import type { ChangeEvent } from '../../src/core/database.js';
import { changeScopes, parseWatches, writeRecordOf, writerIdentity } from '../../src/feed/write-record.js';

const admin: RequestContext = { admin: true, auth: null, now: 5 };
const user: RequestContext = {
  admin: false,
  auth: { uid: 'u1', provider: 'password', token: { sub: 'u1', role: 'student' } },
  now: 6,
};

async function changeOf(
  db: Database,
  ops: Parameters<Database['write']>[0],
  ctx: RequestContext,
): Promise<ChangeEvent> {
  return (await db.write(ops, ctx)).changes;
}

describe('writerIdentity', () => {
  it('names admin, user (uid, provider, claims), unauthenticated and unknown writers', () => {
    expect(writerIdentity(admin)).toEqual({ type: 'admin' });
    expect(writerIdentity(user)).toEqual({
      type: 'user',
      uid: 'u1',
      provider: 'password',
      token: { sub: 'u1', role: 'student' },
    });
    expect(writerIdentity({ admin: false, auth: null, now: 0 })).toEqual({ type: 'unauthenticated' });
    expect(writerIdentity(undefined)).toEqual({ type: 'unknown' });
  });
});

describe('changeScopes', () => {
  const watch = { path: ['devices'], depth: 4 };
  it('reports a write above the watch at the watch, below it at the write cut to the depth', () => {
    expect(changeScopes(watch, [[]])).toEqual([['devices']]);
    expect(changeScopes(watch, [['devices', 'u1']])).toEqual([['devices', 'u1']]);
    expect(changeScopes(watch, [['devices', 'u1', 'readings', 'r1', 'ir']])).toEqual([
      ['devices', 'u1', 'readings', 'r1'],
    ]);
    expect(changeScopes(watch, [['config']])).toEqual([]);
  });
  it('lets an ancestor absorb its descendants in a multi-location write', () => {
    expect(
      changeScopes({ path: ['a'] }, [
        ['a', 'b', 'c'],
        ['a', 'b'],
        ['a', 'd'],
      ]),
    ).toEqual([
      ['a', 'b'],
      ['a', 'd'],
    ]);
  });
});

describe('writeRecordOf', () => {
  it('carries the writer and the before/after values of each scope', async () => {
    const db = new Database('t');
    await db.write([{ path: ['devices', 'u1', 'latest'], value: { ir: 1 }, kind: 'set' }], admin);
    const change = await changeOf(
      db,
      [{ path: ['devices', 'u1', 'latest', 'ir'], value: 2, kind: 'set' }],
      user,
    );
    expect(writeRecordOf(change, [{ path: ['devices'], depth: 3 }], 99)).toEqual({
      writer: { type: 'user', uid: 'u1', provider: 'password', token: { sub: 'u1', role: 'student' } },
      time: 99,
      changes: [{ watch: 0, path: 'devices/u1/latest', before: { ir: 1 }, after: { ir: 2 } }],
    });
  });
  it('reports nothing for a write that stores the same value again or lies outside every watch', async () => {
    const db = new Database('t');
    await db.write([{ path: ['x'], value: 1, kind: 'set' }], admin);
    const same = await changeOf(db, [{ path: ['x'], value: 1, kind: 'set' }], admin);
    expect(writeRecordOf(same, [{ path: [] }], 1)).toBeUndefined();
    const elsewhere = await changeOf(db, [{ path: ['y'], value: 1, kind: 'set' }], admin);
    expect(writeRecordOf(elsewhere, [{ path: ['x'] }], 1)).toBeUndefined();
  });
});

describe('parseWatches', () => {
  it('reads the JSON list and defaults to the whole database', () => {
    expect(parseWatches(null)).toEqual([{ path: [] }]);
    expect(parseWatches('[{"path":"/devices/","depth":4},{"path":""}]')).toEqual([
      { path: ['devices'], depth: 4 },
      { path: [] },
    ]);
  });
  it.each([
    ['not json', 'JSON array'],
    ['[]', '1 to 64'],
    ['[{"depth":1}]', 'watch[0] needs a string "path"'],
    ['[{"path":"a/b","depth":1}]', 'watch[0].depth'],
    ['[{"path":"a.b"}]', 'forbidden character'],
  ])('refuses %s naming the problem', (text, message) => {
    try {
      parseWatches(text);
      expect.unreachable();
    } catch (error) {
      expect(isRtdbError(error) && error.code).toMatch(/rtdb\/invalid-(query|path)/);
      expect((error as Error).message).toContain(message);
    }
  });
});
