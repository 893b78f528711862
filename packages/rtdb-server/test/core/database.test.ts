import { describe, expect, it, vi } from 'vitest';
import type { AccessPolicy } from '../../src/core/access-policy.js';
import {
  Database,
  type ChangeEvent,
  type JournalEntry,
  type WriteJournal,
  type WriteOp,
} from '../../src/core/database.js';
import { EMPTY_NODE } from '../../src/core/data-node.js';
import { createLogger } from '../../src/core/logger.js';
import { nodeHash } from '../../src/core/node-hash.js';
import { nodeFromJson, nodeToJson } from '../../src/core/node-json.js';
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

/** A journal whose appends resolve or fail when the test says so. */
class ManualJournal implements WriteJournal {
  readonly entries: JournalEntry[] = [];
  private readonly settle: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  flushed = 0;

  append(entry: JournalEntry): Promise<void> {
    this.entries.push(entry);
    return new Promise((resolve, reject) => this.settle.push({ resolve, reject }));
  }

  resolve(index: number): void {
    this.settle[index]!.resolve();
  }

  reject(index: number, error: unknown): void {
    this.settle[index]!.reject(error);
  }

  flush(): Promise<void> {
    this.flushed += 1;
    return Promise.resolve();
  }
}

function set(path: string[], value: unknown): WriteOp {
  return { path, value, kind: 'set' };
}

function logSink(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return {
    lines,
    logger: createLogger('rtdb:database', { level: 'debug', sink: (line) => lines.push(line) }),
  };
}

describe('Database basics', () => {
  it('starts empty, or from the tree it is given', () => {
    expect(new Database('t').root()).toBe(EMPTY_NODE);
    const initial = nodeFromJson({ a: { b: 1 } });
    const db = new Database('ns1', { initial });
    expect(db.namespace).toBe('ns1');
    expect(db.root()).toBe(initial);
    expect(db.latestRoot()).toBe(initial);
    expect(nodeToJson(db.read(['a', 'b']))).toBe(1);
    expect(nodeToJson(db.read(['a', 'x']))).toBeNull();
  });

  it('reads through a query', () => {
    const db = new Database('t', { initial: nodeFromJson({ l: { a: 3, b: 1, c: 2 } }) });
    const top = db.read(['l'], { index: { kind: 'value' }, limit: { count: 2, from: 'last' } });
    expect(nodeToJson(top)).toEqual({ a: 3, c: 2 });
  });

  it('reports what a write changed: trees before and after, locations, resolved values and writer', async () => {
    const db = new Database('t', {
      initial: nodeFromJson({ a: { '.value': 1, '.priority': 1 } }),
      clock: () => 5,
    });
    const before = db.root();
    const writer = { ...user, now: 0 };
    const { changes } = await db.write(
      [
        { path: ['a', '.priority'], value: 'p', kind: 'merge-child' },
        { path: ['b'], value: { t: { '.sv': 'timestamp' } }, kind: 'merge-child' },
      ],
      writer,
    );
    expect(changes.before).toBe(before);
    expect(changes.after).toBe(db.root());
    expect(changes.paths).toEqual([['a'], ['b']]);
    expect(changes.ops).toEqual([
      { path: ['a', '.priority'], value: 'p', kind: 'merge-child' },
      { path: ['b'], value: { t: 5 }, kind: 'merge-child' },
    ]);
    expect(changes.writer).toBe(writer);
    expect(nodeToJson(db.root(), { export: true })).toEqual({
      a: { '.value': 1, '.priority': 'p' },
      b: { t: 5 },
    });
    // A priority deeper down is reported at its own node.
    const deeper = await db.write([{ path: ['b', 't', '.priority'], value: 1, kind: 'set' }], admin);
    expect(deeper.changes.paths).toEqual([['b', 't']]);
  });

  it("stamps server timestamps with the request's time when it has one, else the clock", async () => {
    const db = new Database('t', { clock: () => 111 });
    await db.write([set(['a'], { '.sv': 'timestamp' })], { ...admin, now: 222 });
    await db.write([set(['b'], { '.sv': 'timestamp' })], { ...admin, now: 0 });
    expect(nodeToJson(db.root())).toEqual({ a: 222, b: 111 });
  });

  it('uses the system clock by default', async () => {
    const db = new Database('t');
    const low = Date.now();
    await db.write([set(['t'], { '.sv': 'timestamp' })], { ...admin, now: 0 });
    const stamped = nodeToJson(db.read(['t'])) as number;
    expect(stamped).toBeGreaterThanOrEqual(low);
    expect(stamped).toBeLessThanOrEqual(Date.now());
  });

  it('each location of one write sees the ones before it', async () => {
    const db = new Database('t');
    await db.write(
      [set(['n'], 1), set(['n'], { '.sv': { increment: 2 } }), set(['n', '.priority'], 4)],
      admin,
    );
    expect(nodeToJson(db.root(), { export: true })).toEqual({ n: { '.value': 3, '.priority': 4 } });
  });

  it('treats a missing value as null, which deletes', async () => {
    const db = new Database('t', { initial: nodeFromJson({ a: 1, b: { '.value': 2, '.priority': 3 } }) });
    await db.write([set(['a'], undefined), set(['b', '.priority'], undefined)], admin);
    expect(nodeToJson(db.root(), { export: true })).toEqual({ b: 2 });
  });

  it.each([[true], [{ x: 1 }], [[1]]])('refuses the priority %j', async (priority) => {
    const db = new Database('t', { initial: nodeFromJson({ a: 1 }) });
    const error = await db.write([set(['a', '.priority'], priority)], admin).catch((e: unknown) => e);
    expect(isRtdbError(error, 'rtdb/invalid-data')).toBe(true);
    expect((error as Error).message).toMatch(/priority must be a number, a string or null/);
  });

  it('accepts string, number and null priorities, and a server timestamp as one', async () => {
    const db = new Database('t', {
      initial: nodeFromJson({ a: 1, b: 2, c: { '.value': 3, '.priority': 1 } }),
    });
    await db.write(
      [
        set(['a', '.priority'], 'p'),
        set(['b', '.priority'], { '.sv': 'timestamp' }),
        set(['c', '.priority'], null),
      ],
      { ...admin, now: 50 },
    );
    expect(nodeToJson(db.root(), { export: true })).toEqual({
      a: { '.value': 1, '.priority': 'p' },
      b: { '.value': 2, '.priority': 50 },
      c: 3,
    });
  });

  it('counts nesting depth from the root, not from the written location', async () => {
    const deep = Array.from({ length: 31 }, (_, i) => `k${i}`);
    const db = new Database('t');
    await db.write([set(deep, { a: 1 })], admin);
    expect(nodeToJson(db.read([...deep, 'a']))).toBe(1);
    const error = await db.write([set([...deep, 'x'], { a: 1 })], admin).catch((e: unknown) => e);
    expect(isRtdbError(error, 'rtdb/invalid-data')).toBe(true);
    expect((error as Error).message).toMatch(/nested deeper than 32 levels/);
  });

  it('refuses for the rules before comparing hashes, and compares against the latest tree', async () => {
    const deny: AccessPolicy = {
      canRead: () => ({ allowed: true }),
      canWrite: () => ({ allowed: false, reason: 'no' }),
      hasIndex: () => true,
    };
    const db = new Database('t', { initial: nodeFromJson({ x: 1 }) });
    const stale = db.write([set(['x'], 2)], user, { policy: deny, expectHash: { path: ['x'], hash: 'old' } });
    expect(await rejection(stale)).toBe('rtdb/permission-denied');
    const mismatch = await db
      .write([set(['x'], 2)], admin, { expectHash: { path: ['x'], hash: 'old' } })
      .catch((e: unknown) => e);
    expect((mismatch as Error).message).toMatch(/changed since it was read \(hash mismatch\)/);
    // The hash of absent data is the empty string.
    await db.write([set(['y'], 5)], admin, { expectHash: { path: ['y'], hash: '' } });
    expect(nodeToJson(db.read(['y']))).toBe(5);
  });

  it('shows the new tree and resolved ops to beforeCommit, whose throw refuses the write', async () => {
    const db = new Database('t', { clock: () => 9 });
    const seen: unknown[] = [];
    await db.write([set(['a'], { '.sv': 'timestamp' })], admin, {
      beforeCommit: (root, ops) => seen.push(nodeToJson(root), ops),
    });
    expect(seen).toEqual([{ a: 9 }, [{ path: ['a'], value: 9, kind: 'set' }]]);
    const refused = db.write([set(['b'], 1)], admin, {
      beforeCommit: () => {
        throw new Error('too big');
      },
    });
    await expect(refused).rejects.toThrow('too big');
    expect(nodeToJson(db.root())).toEqual({ a: 9 });
  });

  it('a failing listener is logged and does not stop the others or the write', async () => {
    const { lines, logger } = logSink();
    const db = new Database('ns', { logger });
    const calls: string[] = [];
    db.listen(['a'], () => {
      throw new Error('boom');
    });
    db.listen(['a'], () => calls.push('second'));
    await db.write([set(['a'], 1)], admin);
    expect(calls).toEqual(['second']);
    expect(lines).toEqual(['rtdb:database ERROR a change listener failed in namespace ns: Error: boom']);
    expect(nodeToJson(db.root())).toEqual({ a: 1 });
  });

  it('logs to standard error under rtdb:database by default', async () => {
    const write = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    try {
      const db = new Database('ns');
      db.listen([], () => {
        throw new Error('x');
      });
      await db.write([set(['a'], 1)], admin);
      expect(write).toHaveBeenCalledWith(
        'rtdb:database ERROR a change listener failed in namespace ns: Error: x\n',
      );
    } finally {
      write.mockRestore();
    }
  });
});

describe('Database with a journal', () => {
  it('journals the resolved locations and commits only once the entry is durable', async () => {
    const journal = new ManualJournal();
    const db = new Database('t', { journal, clock: () => 3 });
    const events: string[] = [];
    db.listen([], () => events.push('listener'));
    const done = db.write(
      [
        { path: ['a'], value: { '.sv': 'timestamp' }, kind: 'merge-child' },
        { path: ['b', '.priority'], value: 2, kind: 'merge-child' },
      ],
      admin,
    );
    void done.then(() => events.push('acknowledged'));
    expect(journal.entries).toEqual([
      {
        ops: [
          { path: ['a'], value: 3 },
          { path: ['b', '.priority'], value: 2 },
        ],
      },
    ]);
    // Not yet durable: readers see the old tree, the next write builds on the new one.
    expect(db.root()).toBe(EMPTY_NODE);
    expect(nodeToJson(db.latestRoot())).toEqual({ a: 3 });
    await Promise.resolve();
    expect(events).toEqual([]);
    journal.resolve(0);
    const { changes } = await done;
    expect(nodeToJson(db.root())).toEqual({ a: 3 });
    expect(changes.after).toBe(db.root());
    expect(events).toEqual(['listener', 'acknowledged']);
  });

  it('commits in write order even when the journal finishes out of order', async () => {
    const journal = new ManualJournal();
    const db = new Database('t', { journal });
    const seen: unknown[] = [];
    db.listen([], (change) => seen.push(nodeToJson(change.after)));
    const first = db.write([set(['n'], 1)], admin);
    const second = db.write(
      [set(['m'], { '.sv': { increment: 1 } }), set(['n'], { '.sv': { increment: 1 } })],
      admin,
    );
    expect(journal.entries[1]).toEqual({
      ops: [
        { path: ['m'], value: 1 },
        { path: ['n'], value: 2 },
      ],
    });
    journal.resolve(1);
    await Promise.resolve();
    await Promise.resolve();
    expect(seen).toEqual([]);
    journal.resolve(0);
    await Promise.all([first, second]);
    expect(seen).toEqual([{ n: 1 }, { m: 1, n: 2 }]);
  });

  it('a failed journal write refuses that write and every later one, and is logged', async () => {
    const journal = new ManualJournal();
    const { lines, logger } = logSink();
    const db = new Database('ns', { journal, logger, initial: nodeFromJson({ keep: 1 }) });
    const committed = db.root();
    const failing = db.write([set(['a'], 1)], admin);
    journal.reject(0, new Error('disk full'));
    const error = await failing.catch((e: unknown) => e);
    expect(isRtdbError(error, 'rtdb/unavailable')).toBe(true);
    expect((error as Error).message).toBe('Database is unavailable: the write-ahead log failed');
    await db.flush();
    expect(lines).toEqual(['rtdb:database ERROR journal write failed for namespace ns: Error: disk full']);
    expect(db.root()).toBe(committed);
    expect(db.latestRoot()).toBe(committed);
    const later = await db.write([set(['b'], 2)], admin).catch((e: unknown) => e);
    expect(isRtdbError(later, 'rtdb/unavailable')).toBe(true);
    expect((later as Error).message).toMatch(/write-ahead log failed/);
    expect(journal.entries).toHaveLength(1);
  });

  it('stays unavailable after a journal failure that carries no error object', async () => {
    const journal = new ManualJournal();
    const { lines, logger } = logSink();
    const db = new Database('ns', { journal, logger });
    const failing = db.write([set(['a'], 1)], admin);
    journal.reject(0, undefined);
    expect(await rejection(failing)).toBe('rtdb/unavailable');
    await db.flush();
    expect(lines).toEqual(['rtdb:database ERROR journal write failed for namespace ns: undefined']);
    expect(await rejection(db.write([set(['b'], 2)], admin))).toBe('rtdb/unavailable');
    expect(journal.entries).toHaveLength(1);
  });

  it('writes queued behind a failed one fail too, and nothing of them is committed', async () => {
    const journal = new ManualJournal();
    const db = new Database('ns', { journal, logger: logSink().logger });
    const first = db.write([set(['a'], 1)], admin);
    const second = db.write([set(['b'], 2)], admin);
    journal.resolve(1);
    journal.reject(0, new Error('io'));
    expect(await rejection(first)).toBe('rtdb/unavailable');
    expect(await rejection(second)).toBe('rtdb/unavailable');
    expect(db.root()).toBe(EMPTY_NODE);
  });

  it('flush waits for pending commits and the journal background work', async () => {
    const journal = new ManualJournal();
    const db = new Database('t', { journal });
    void db.write([set(['a'], 1)], admin);
    let flushed = false;
    const flushing = db.flush().then(() => {
      flushed = true;
    });
    await Promise.resolve();
    await Promise.resolve();
    expect(flushed).toBe(false);
    journal.resolve(0);
    await flushing;
    expect(journal.flushed).toBe(1);
    expect(nodeToJson(db.root())).toEqual({ a: 1 });
  });

  it('flush works without a journal, or with one that has no background work', async () => {
    await new Database('t').flush();
    const plain: WriteJournal = { append: () => Promise.resolve() };
    const db = new Database('t', { journal: plain });
    await db.write([set(['a'], 1)], admin);
    await db.flush();
    expect(nodeToJson(db.root())).toEqual({ a: 1 });
  });
});
