import type { WriteOp } from '../core/database.js';
import { pathIsAncestorOrSelf, type Path } from '../core/path.js';
import type { RequestContext } from '../core/request-context.js';

/** One registered onDisconnect write: an atomic set (`o`) or multi-path update (`om`). */
export interface QueuedWrite {
  /** The locations, values still holding their `.sv` placeholders (resolved when they run). */
  ops: WriteOp[];
  /** Who registered it; the write runs with this identity. */
  ctx: RequestContext;
}

/**
 * The onDisconnect writes of one connection, kept in registration order. They run when the
 * connection closes, each as one atomic write, so a later registration wins over an earlier one
 * at the same location, as with the SDK's own bookkeeping.
 */
export class OnDisconnectQueue {
  private writes: QueuedWrite[] = [];

  /** Number of registered writes. */
  get size(): number {
    return this.writes.length;
  }

  /**
   * Registers a write to run at disconnect.
   *
   * @param write - the locations and identity
   */
  add(write: QueuedWrite): void {
    if (write.ops.length > 0) this.writes.push(write);
  }

  /**
   * Cancels every registered location at or below `path` (the SDK forgets the same subtree).
   *
   * @param path - the cancelled location
   */
  cancel(path: Path): void {
    this.writes = this.writes
      .map((write) => ({ ...write, ops: write.ops.filter((op) => !pathIsAncestorOrSelf(path, op.path)) }))
      .filter((write) => write.ops.length > 0);
  }

  /**
   * Removes and returns everything registered, in order (the connection is closing).
   *
   * @returns the writes to run
   */
  drain(): QueuedWrite[] {
    const writes = this.writes;
    this.writes = [];
    return writes;
  }
}
