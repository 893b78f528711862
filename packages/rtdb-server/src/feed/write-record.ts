import { nodeChild } from '../core/data-node.js';
import type { ChangeEvent } from '../core/database.js';
import { nodeToJson } from '../core/node-json.js';
import { MAX_DEPTH, parsePath, pathIsAncestorOrSelf, type Path } from '../core/path.js';
import type { RequestContext } from '../core/request-context.js';
import { RtdbError } from '../core/rtdb-error.js';

/** A subtree a write-feed subscriber cares about. */
export interface WriteWatch {
  /** The location; every write at, above or below it is reported. */
  readonly path: Path;
  /**
   * Deepest location (segments from the root) a change is reported at: a write below it is
   * reported as the change of its ancestor at this depth, whole values before and after. Absent:
   * a write is reported at its own location.
   */
  readonly depth?: number;
}

/** Who made a write, as Cloud Functions triggers are told. */
export type WriterIdentity =
  | {
      /** The owner credential (admin SDK, `auth=owner`): rules did not apply. */
      readonly type: 'admin';
    }
  | {
      /** A signed-in user (ID token or `auth_variable_override`). */
      readonly type: 'user';
      /** The user's uid. */
      readonly uid: string;
      /** Sign-in provider (`password`, `custom`, `anonymous`…). */
      readonly provider: string;
      /** Every claim of the user's token. */
      readonly token: Record<string, unknown>;
    }
  | {
      /** No credential. */
      readonly type: 'unauthenticated';
    }
  | {
      /** The write carried no request context (written by the server itself). */
      readonly type: 'unknown';
    };

/** The value change of one location, reported to one watch. */
export interface ScopedChange {
  /** Index of the watch (in the subscription's list) this change is for. */
  readonly watch: number;
  /** The location, without leading slash (`''` is the root). */
  readonly path: string;
  /** Its value before the write (`null`: absent). */
  readonly before: unknown;
  /** Its value after the write (`null`: absent). */
  readonly after: unknown;
}

/** One committed write as the write feed reports it. */
export interface WriteRecord {
  /** Who wrote. */
  readonly writer: WriterIdentity;
  /** Server time of the write, ms since the epoch. */
  readonly time: number;
  /** What changed, per watch; never empty in a sent record. */
  readonly changes: readonly ScopedChange[];
}

/** Most watches one subscription may hold. */
export const MAX_WATCHES = 64;

/** The writer identity of a request context. */
export function writerIdentity(ctx: RequestContext | undefined): WriterIdentity {
  if (!ctx) return { type: 'unknown' };
  if (ctx.admin) return { type: 'admin' };
  if (ctx.auth === null) return { type: 'unauthenticated' };
  return { type: 'user', uid: ctx.auth.uid, provider: ctx.auth.provider, token: ctx.auth.token };
}

/**
 * Parses the `watch` query parameter: a JSON array of `{"path": "devices", "depth": 4}`.
 *
 * @throws {@link RtdbError} `rtdb/invalid-query` naming what is wrong
 */
export function parseWatches(text: string | null): WriteWatch[] {
  if (text === null) return [{ path: [] }];
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RtdbError(
      'rtdb/invalid-query',
      'watch must be a JSON array like [{"path":"devices","depth":4}]',
    );
  }
  if (!Array.isArray(value) || value.length === 0 || value.length > MAX_WATCHES)
    throw new RtdbError(
      'rtdb/invalid-query',
      `watch must be a JSON array of 1 to ${MAX_WATCHES} {"path", "depth"} objects`,
    );
  return value.map((entry: unknown, index) => {
    const item = entry as { path?: unknown; depth?: unknown } | null;
    if (item === null || typeof item !== 'object' || typeof item.path !== 'string')
      throw new RtdbError('rtdb/invalid-query', `watch[${index}] needs a string "path"`);
    const path = parsePath(item.path);
    if (item.depth === undefined) return { path };
    if (
      typeof item.depth !== 'number' ||
      !Number.isInteger(item.depth) ||
      item.depth < path.length ||
      item.depth > MAX_DEPTH
    )
      throw new RtdbError(
        'rtdb/invalid-query',
        `watch[${index}].depth must be an integer from ${path.length} (the path's own depth) to ${MAX_DEPTH}`,
      );
    return { path, depth: item.depth };
  });
}

/**
 * Where a write changed things for one watch: the watch's own location when the write was at or
 * above it, else each written location below it (cut to the watch's depth), ancestors absorbing
 * their descendants.
 */
export function changeScopes(watch: WriteWatch, written: readonly Path[]): Path[] {
  const scopes: Path[] = [];
  for (const path of written) {
    let scope: Path;
    if (pathIsAncestorOrSelf(path, watch.path)) scope = watch.path;
    else if (pathIsAncestorOrSelf(watch.path, path))
      scope = watch.depth !== undefined && path.length > watch.depth ? path.slice(0, watch.depth) : path;
    else continue;
    if (scopes.some((s) => pathIsAncestorOrSelf(s, scope))) continue;
    for (let i = scopes.length - 1; i >= 0; i--)
      if (pathIsAncestorOrSelf(scope, scopes[i]!)) scopes.splice(i, 1);
    scopes.push(scope);
  }
  return scopes;
}

/** The record of one committed write for a set of watches; `undefined` when none is concerned. */
export function writeRecordOf(
  change: ChangeEvent,
  watches: readonly WriteWatch[],
  time: number,
): WriteRecord | undefined {
  const changes: ScopedChange[] = [];
  watches.forEach((watch, index) => {
    for (const scope of changeScopes(watch, change.paths)) {
      const before = nodeToJson(nodeChild(change.before, scope));
      const after = nodeToJson(nodeChild(change.after, scope));
      // A write that stored the same value again changed nothing a trigger would see.
      if (JSON.stringify(before) === JSON.stringify(after)) continue;
      changes.push({ watch: index, path: scope.join('/'), before, after });
    }
  });
  if (changes.length === 0) return undefined;
  return { writer: writerIdentity(change.writer), time, changes };
}
