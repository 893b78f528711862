import type { AccessPolicy } from './access-policy.js';
import { requireWrite } from './access-check.js';
import type { DataNode } from './data-node.js';
import { EMPTY_NODE, nodeChild, nodeUpdateChild } from './data-node.js';
import { ListenerIndex } from './listener-index.js';
import { createLogger, type Logger } from './logger.js';
import { nodeHash } from './node-hash.js';
import { nodeFromJson } from './node-json.js';
import type { Path } from './path.js';
import { applyQuery, type QuerySpec } from './query-spec.js';
import type { RequestContext } from './request-context.js';
import { RtdbError } from './rtdb-error.js';
import { resolveServerValues } from './server-values.js';
import type { WriteOp } from './write-op.js';

export type { WriteOp } from './write-op.js';

/** What one committed write changed. */
export interface ChangeEvent {
  /** The whole tree before the write. */
  before: DataNode;
  /** The whole tree after the write. */
  after: DataNode;
  /** Written locations (a `.priority` write is reported at its node). */
  paths: Path[];
  /** The write's locations with server values resolved (JSON as the client sent it otherwise). */
  ops: readonly WriteOp[];
  /** Who made the write (the write feed tells Cloud Functions triggers). */
  writer?: RequestContext;
}

/** Result of {@link Database.write}. */
export interface WriteResult {
  /** What was applied. */
  changes: ChangeEvent;
}

/** Extra conditions of a write. */
export interface WriteOptions {
  /** Compare-and-set: refuse with `rtdb/precondition-failed` unless the hash at `path` is `hash`. */
  expectHash?: { path: Path; hash: string };
  /** Rules to check (skipped for admin contexts); a denial is `rtdb/permission-denied`. */
  policy?: AccessPolicy;
  /** Last look at the new tree before commit; throw to refuse the write. */
  beforeCommit?: (newRoot: DataNode, ops: readonly WriteOp[]) => void;
}

/** A write as the journal stores it: locations and their values with server values resolved. */
export interface JournalEntry {
  /** Locations and their resolved values. */
  ops: { path: string[]; value: unknown }[];
}

/** Durability seam: `append` resolves once the entry is on stable storage. */
export interface WriteJournal {
  /** Persists the entry; the promise resolves only when it would survive a crash. */
  append(entry: JournalEntry): Promise<void>;
  /** Waits for background work the journal started (snapshots, compaction), if it does any. */
  flush?(): Promise<void>;
}

/** Receives the changes of committed writes that touch the listened location. */
export type ChangeListener = (change: ChangeEvent) => void;

/** Construction options of {@link Database}. */
export interface DatabaseOptions {
  /** Server clock in ms (timestamps). */
  clock?: () => number;
  /** Where writes go before they are acknowledged; absent = in-memory only. */
  journal?: WriteJournal;
  /** Tree to start from (recovered state). */
  initial?: DataNode;
  /** Where journal and listener failures are reported (default: a `rtdb:database` logger on standard error). */
  logger?: Logger;
}

/** One namespace's data: reads, atomic durable writes, and change listeners. */
export class Database {
  /** The namespace (database name). */
  readonly namespace: string;
  private committed: DataNode;
  private pending: DataNode;
  private readonly listeners = new ListenerIndex<ChangeListener>();
  private readonly clock: () => number;
  private readonly journal: WriteJournal | undefined;
  private readonly logger: Logger;
  private commitQueue: Promise<void> = Promise.resolve();
  private broken: Error | undefined;

  constructor(namespace: string, options: DatabaseOptions = {}) {
    this.namespace = namespace;
    this.committed = options.initial ?? EMPTY_NODE;
    this.pending = this.committed;
    this.clock = options.clock ?? Date.now;
    this.journal = options.journal;
    this.logger = options.logger ?? createLogger('rtdb:database');
  }

  /** The committed tree. */
  root(): DataNode {
    return this.committed;
  }

  /** The tree including writes still waiting for the disk (what the next write builds on). */
  latestRoot(): DataNode {
    return this.pending;
  }

  /** The committed node at `path`, filtered by `query` when given. */
  read(path: Path, query?: QuerySpec): DataNode {
    return applyQuery(nodeChild(this.committed, path), query);
  }

  /** Number of active listeners. */
  listenerCount(): number {
    return this.listeners.size;
  }

  /**
   * Applies all `ops` atomically (in order, each seeing the previous), after resolving server
   * values, validating data, checking `options`, and writing the journal. Listeners run before
   * the promise resolves, so change pushes precede acknowledgements.
   */
  write(ops: readonly WriteOp[], ctx: RequestContext, options: WriteOptions = {}): Promise<WriteResult> {
    if (this.broken)
      return Promise.reject(
        new RtdbError('rtdb/unavailable', 'Database is unavailable: the write-ahead log failed'),
      );
    let change: ChangeEvent;
    try {
      change = this.prepare(ops, ctx, options);
    } catch (error) {
      return Promise.reject(error);
    }
    this.pending = change.after;
    if (!this.journal) {
      this.commit(change);
      return Promise.resolve({ changes: change });
    }
    const entry: JournalEntry = { ops: change.ops.map((op) => ({ path: [...op.path], value: op.value })) };
    const durable = this.journal.append(entry);
    const done = this.commitQueue
      .then(() => durable)
      .then(() => {
        // A write queued behind a failed one was built on data that never reached the disk.
        if (this.broken) throw this.broken;
        this.commit(change);
      });
    this.commitQueue = done.catch((error: unknown) => {
      this.broken ??= error instanceof Error ? error : new Error(String(error));
      this.pending = this.committed;
      this.logger.error(`journal write failed for namespace ${this.namespace}: ${String(error)}`);
    });
    return done.then(
      () => ({ changes: change }),
      () => {
        throw new RtdbError('rtdb/unavailable', 'Database is unavailable: the write-ahead log failed');
      },
    );
  }

  /**
   * Resolves once every write accepted so far is committed (or failed) and the journal's
   * background work (a snapshot it started) is over, so the data directory is quiet.
   */
  async flush(): Promise<void> {
    await this.commitQueue;
    await this.journal?.flush?.();
  }

  /** Calls `listener` for every committed write at, above or below `path`. */
  listen(path: Path, listener: ChangeListener): () => void {
    return this.listeners.add(path, listener);
  }

  private prepare(ops: readonly WriteOp[], ctx: RequestContext, options: WriteOptions): ChangeEvent {
    const before = this.pending;
    let root = before;
    const resolved: WriteOp[] = [];
    const paths: Path[] = [];
    const now = ctx.now || this.clock();
    for (const op of ops) {
      const isPriority = op.path[op.path.length - 1] === '.priority';
      const nodePath = isPriority ? op.path.slice(0, -1) : op.path;
      const existing = nodeChild(root, isPriority ? nodePath : op.path);
      let node: DataNode;
      if (isPriority) {
        const value = resolveServerValues(op.value ?? null, existing, now);
        if (value !== null && typeof value !== 'number' && typeof value !== 'string') {
          throw new RtdbError(
            'rtdb/invalid-data',
            'Invalid data; a priority must be a number, a string or null',
          );
        }
        node = value === null ? EMPTY_NODE : nodeFromJson(value);
        resolved.push({ path: op.path, value, kind: op.kind });
      } else {
        const value = resolveServerValues(op.value ?? null, existing, now);
        node = nodeFromJson(value, { baseDepth: op.path.length });
        // The client's JSON with placeholders replaced: replaying it rebuilds the same node, and
        // it costs no copy when there were no placeholders.
        resolved.push({ path: op.path, value, kind: op.kind });
      }
      root = nodeUpdateChild(root, op.path, node);
      paths.push(nodePath);
    }
    if (options.policy) requireWrite(options.policy, ctx, before, resolved, root);
    // After the rules: a client the rules refuse must hear so, not that its data is stale (it
    // would retry a transaction forever with a hash it can never get right).
    if (options.expectHash) {
      const current = nodeHash(nodeChild(before, options.expectHash.path));
      if (current !== options.expectHash.hash) {
        throw new RtdbError(
          'rtdb/precondition-failed',
          'The data has changed since it was read (hash mismatch)',
        );
      }
    }
    options.beforeCommit?.(root, resolved);
    return { before, after: root, paths, ops: resolved, writer: ctx };
  }

  private commit(change: ChangeEvent): void {
    this.committed = change.after;
    for (const listener of this.listeners.affected(change.paths)) {
      try {
        listener(change);
      } catch (error) {
        this.logger.error(`a change listener failed in namespace ${this.namespace}: ${String(error)}`);
      }
    }
  }
}
