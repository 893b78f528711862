import { describe, expect, it } from 'vitest';
import type { AccessPolicy } from '../../src/core/access-policy.js';
import { Database, type ChangeEvent } from '../../src/core/database.js';
import { nodeHash } from '../../src/core/node-hash.js';
import { nodeToJson } from '../../src/core/node-json.js';
import type { RequestContext } from '../../src/core/request-context.js';
import { isRtdbError } from '../../src/core/rtdb-error.js';

const admin: RequestContext = { admin: true, auth: null, now: 0 };
const user: RequestContext = { admin: false, auth: { uid: 'u', provider: 'custom', token: {} }, now: 0 };

async function rejection(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    return isRtdbError(error) ? error.code : String(error);
  }
  return 'resolved';
}

describe('Database', () => {
  it('applies multi-location writes atomically and resolves server values', async () => {
    const db = new Database('t', { clock: () => 42 });
    await db.write([{ path: ['a'], value: { n: 1 }, kind: 'set' }], admin);
    await db.write(
      [
        { path: ['a', 'n'], value: { '.sv': { increment: 1 } }, kind: 'merge-child' },
        { path: ['b'], value: { '.sv': 'timestamp' }, kind: 'merge-child' },
      ],
      admin,
    );
    expect(nodeToJson(db.root())).toEqual({ a: { n: 2 }, b: 42 });
    const failed = db.write(
      [
        { path: ['c'], value: 1, kind: 'merge-child' },
        { path: ['d'], value: { '.sv': 'bogus' }, kind: 'merge-child' },
      ],
      admin,
    );
    expect(await rejection(failed)).toBe('rtdb/invalid-server-value');
    expect(nodeToJson(db.root())).toEqual({ a: { n: 2 }, b: 42 });
  });

  it('checks the expected hash (compare-and-set)', async () => {
    const db = new Database('t');
    await db.write([{ path: ['x'], value: 1, kind: 'set' }], admin);
    const hash = nodeHash(db.read(['x']));
    expect(
      await rejection(
        db.write([{ path: ['x'], value: 2, kind: 'set' }], admin, {
          expectHash: { path: ['x'], hash: 'nope' },
        }),
      ),
    ).toBe('rtdb/precondition-failed');
    await db.write([{ path: ['x'], value: 3, kind: 'set' }], admin, { expectHash: { path: ['x'], hash } });
    expect(nodeToJson(db.read(['x']))).toBe(3);
  });

  it('asks the policy with the resolved new tree, except for admins', async () => {
    const seen: unknown[] = [];
    const policy: AccessPolicy = {
      canRead: () => ({ allowed: true }),
      canWrite: (_ctx, _db, ops, newRoot) => {
        seen.push(
          nodeToJson(newRoot),
          ops.map((op) => op.value),
        );
        return { allowed: false, reason: 'no' };
      },
      hasIndex: () => true,
    };
    const db = new Database('t', { clock: () => 7 });
    expect(
      await rejection(
        db.write(
          [{ path: ['a'], value: { '.sv': 'timestamp' }, kind: 'set' }],
          { ...user, now: 7 },
          { policy },
        ),
      ),
    ).toBe('rtdb/permission-denied');
    expect(seen).toEqual([{ a: 7 }, [7]]);
    expect(nodeToJson(db.root())).toBeNull();
    await db.write([{ path: ['a'], value: 1, kind: 'set' }], admin, { policy });
    expect(nodeToJson(db.root())).toEqual({ a: 1 });
  });

  it('notifies listeners at, above and below a write, and no others', async () => {
    const db = new Database('t');
    const calls: string[] = [];
    const record = (name: string) => (change: ChangeEvent) =>
      calls.push(`${name}:${change.paths.map((p) => p.join('/')).join(',')}`);
    db.listen([], record('root'));
    db.listen(['a'], record('a'));
    db.listen(['a', 'b', 'c'], record('abc'));
    const stop = db.listen(['x'], record('x'));
    await db.write([{ path: ['a', 'b'], value: { c: 1 }, kind: 'set' }], admin);
    expect(calls.sort()).toEqual(['a:a/b', 'abc:a/b', 'root:a/b']);
    stop();
    calls.length = 0;
    await db.write([{ path: ['x'], value: 1, kind: 'set' }], admin);
    expect(calls).toEqual(['root:x']);
    expect(db.listenerCount()).toBe(3);
  });

  it('sets and clears priorities through .priority paths', async () => {
    const db = new Database('t');
    await db.write([{ path: ['a'], value: 'v', kind: 'set' }], admin);
    await db.write([{ path: ['a', '.priority'], value: 5, kind: 'set' }], admin);
    expect(nodeToJson(db.root(), { export: true })).toEqual({ a: { '.value': 'v', '.priority': 5 } });
    expect(await rejection(db.write([{ path: ['a', '.priority'], value: true, kind: 'set' }], admin))).toBe(
      'rtdb/invalid-data',
    );
    await db.write([{ path: ['missing', '.priority'], value: 5, kind: 'set' }], admin);
    expect(nodeToJson(db.read(['missing']), { export: true })).toBeNull();
  });
});
