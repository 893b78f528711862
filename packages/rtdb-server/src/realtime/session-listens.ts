import { readVerdict, refuseUnless } from '../core/access-check.js';
import type { AccessPolicy, ReadVerdict } from '../core/access-policy.js';
import { nodeChild, type DataNode } from '../core/data-node.js';
import type { ChangeEvent, Database } from '../core/database.js';
import { pathToString, type Path } from '../core/path.js';
import { applyQuery, queryIsDefault, type QuerySpec } from '../core/query-spec.js';
import type { RequestContext } from '../core/request-context.js';
import { queryWindowDelta } from '../core/query-window-delta.js';
import { defaultListenPushes, sameResult, type DataPush } from './change-pushes.js';
import { queryObjectKey } from './query-object.js';
import { dataPushText, pushText, wirePath } from './server-message.js';

/** What the listens of one connection need from their connection. */
export interface ListenOwner {
  /** The namespace's data. */
  readonly db: Database;
  /** The rules currently in force for the namespace. */
  policy(): AccessPolicy;
  /** Who the connection is authenticated as. */
  context(): RequestContext;
  /** Sends one complete message text to the client. */
  send(text: string): void;
}

interface Listen {
  readonly key: string;
  readonly path: Path;
  /** The location as text, the key of the pushes shared by default listens. */
  readonly pathKey: string;
  /** The query object exactly as the client sent it (echoed in a revocation). */
  readonly queryObject: unknown;
  /** `undefined` for an unfiltered listen. */
  readonly spec: QuerySpec | undefined;
  readonly tag: number | undefined;
  last: DataNode;
  active: boolean;
  unsubscribe: () => void;
  /** The last read decision (an allowed one) and the policy that made it. */
  verdict: ReadVerdict;
  verdictPolicy: AccessPolicy;
}

/** Outcome of adding a listen: the reply payload for the `ok`. */
export interface ListenAdded {
  /** `{}` or `{ w: ['no_index'] }`. */
  reply: Record<string, unknown>;
}

/**
 * The listens of one connection: initial data, change pushes (tagged and filtered for queries,
 * raw for default listens), unlisten, and revocation when the rules stop allowing a read.
 */
export class SessionListens {
  private readonly listens = new Map<string, Listen>();

  /** @param owner - the connection the listens belong to */
  constructor(private readonly owner: ListenOwner) {}

  /** Number of active listens. */
  get size(): number {
    return this.listens.size;
  }

  /**
   * Starts a listen: checks read access, sends the current data, then subscribes. The caller
   * replies `ok` afterwards, so the data always precedes the `ok` (the SDK relies on it).
   *
   * @param path - listen location
   * @param queryObject - the wire query object (absent for default listens)
   * @param spec - its parsed form
   * @param tag - the SDK's query tag (present for filtered queries)
   * @returns the reply payload
   * @throws RtdbError `rtdb/permission-denied` when rules refuse the read
   */
  add(path: Path, queryObject: unknown, spec: QuerySpec, tag: number | undefined): ListenAdded {
    const filtered = !queryIsDefault(spec);
    const key = listenKey(path, filtered ? queryObject : undefined, tag);
    this.remove(key);
    const ctx = this.owner.context();
    const policy = this.owner.policy();
    const verdict = readVerdict(policy, ctx, this.owner.db.root(), path, filtered ? spec : undefined);
    refuseUnless(verdict.decision);
    const listen: Listen = {
      key,
      path,
      pathKey: pathToString(path),
      queryObject,
      spec: filtered ? spec : undefined,
      tag: filtered ? tag : undefined,
      last: this.owner.db.read(path, filtered ? spec : undefined),
      active: true,
      unsubscribe: () => undefined,
      verdict,
      verdictPolicy: policy,
    };
    this.owner.send(dataPushText({ action: 'd', path, node: listen.last }, listen.tag));
    listen.unsubscribe = this.owner.db.listen(path, (change) => this.onChange(listen, change));
    this.listens.set(key, listen);
    const warnings = spec.index.kind === 'child' && !policy.hasIndex(path, spec.index) ? ['no_index'] : [];
    return { reply: warnings.length > 0 ? { w: warnings } : {} };
  }

  /**
   * Stops the listen matching an unlisten request; unknown listens are ignored.
   *
   * @param path - listen location
   * @param queryObject - the wire query object of the unlisten
   * @param spec - its parsed form
   * @param tag - the query tag
   */
  removeMatching(path: Path, queryObject: unknown, spec: QuerySpec, tag: number | undefined): void {
    this.remove(listenKey(path, queryIsDefault(spec) ? undefined : queryObject, tag));
  }

  /**
   * Re-evaluates every listen against the rules (after a write, an auth change or new rules) and
   * revokes the ones no longer readable with a `c` push, as Firebase does. A listen whose last
   * decision provably still holds (same policy, rules and `auth`, none of the data its read rule
   * looked at rewritten) keeps it without running the rules again.
   *
   * @param fresh - decide every listen again (the rules changed)
   */
  recheck(fresh = false): void {
    const ctx = this.owner.context();
    if (ctx.admin || this.listens.size === 0) return;
    const policy = this.owner.policy();
    const root = this.owner.db.root();
    for (const listen of [...this.listens.values()]) {
      if (!fresh && listen.verdictPolicy === policy && listen.verdict.holds(ctx, root)) continue;
      const verdict = readVerdict(policy, ctx, root, listen.path, listen.spec);
      if (verdict.decision.allowed) {
        listen.verdict = verdict;
        listen.verdictPolicy = policy;
        continue;
      }
      this.remove(listen.key);
      const body: Record<string, unknown> = { p: wirePath(listen.path) };
      if (listen.spec) body['q'] = [listen.queryObject];
      this.owner.send(pushText('c', body));
    }
  }

  /** Stops every listen (the connection closed). */
  clear(): void {
    for (const key of [...this.listens.keys()]) this.remove(key);
  }

  private remove(key: string): void {
    const listen = this.listens.get(key);
    if (!listen) return;
    listen.active = false;
    listen.unsubscribe();
    this.listens.delete(key);
  }

  private onChange(listen: Listen, change: ChangeEvent): void {
    if (!listen.active) return;
    // Every listen of one (location, query, tag) gets the same push for a write: it is computed
    // and serialised once per write and the same text goes to every socket.
    const shared = sharedPushes(change);
    if (listen.spec === undefined) {
      let text = shared.get(listen.pathKey);
      if (text === undefined) {
        text = defaultListenPushes(listen.path, change).map((push) => dataPushText(push, undefined));
        shared.set(listen.pathKey, text);
      }
      for (const message of text as string[]) this.owner.send(message);
      return;
    }
    let entry = shared.get(listen.key) as FilteredPush | undefined;
    if (entry === undefined) {
      const result = applyQuery(nodeChild(change.after, listen.path), listen.spec);
      entry = { result, from: undefined, text: undefined };
      shared.set(listen.key, entry);
    }
    if (sameResult(listen.last, entry.result)) return;
    // Only the children that entered, changed or left the window (a null overwrite) go out; the
    // text is shared by the listens that had the same window before this write.
    const from = listen.last;
    listen.last = entry.result;
    if (entry.from === from && entry.text !== undefined) {
      this.owner.send(entry.text);
      return;
    }
    const push = windowPush(listen.path, from, entry.result);
    if (push === undefined) return;
    const text = dataPushText(push, listen.tag);
    entry.from = from;
    entry.text = text;
    this.owner.send(text);
  }
}

/** A filtered listen's result for one write, and its message from the window it was computed for. */
interface FilteredPush {
  result: DataNode;
  /** The window the message's change was computed from. */
  from: DataNode | undefined;
  text: string | undefined;
}

/**
 * The push that takes a query listener from window `last` to `next`: an overwrite of the one child
 * that entered, changed or left (empty = removed), a merge of several, or the whole window when
 * the results are not maps of children. `undefined` when nothing changed.
 */
function windowPush(path: Path, last: DataNode, next: DataNode): DataPush | undefined {
  const delta = queryWindowDelta(last, next);
  if (delta === undefined) return { action: 'd', path, node: next };
  if (delta.length === 0) return undefined;
  if (delta.length === 1) return { action: 'd', path: [...path, delta[0]!.key], node: delta[0]!.node };
  return { action: 'm', path, children: delta.map((change) => [[change.key], change.node] as const) };
}

// Pushes already computed for a write, by listen key; dropped with the change event.
const pushesByChange = new WeakMap<ChangeEvent, Map<string, string[] | FilteredPush>>();

function sharedPushes(change: ChangeEvent): Map<string, string[] | FilteredPush> {
  let shared = pushesByChange.get(change);
  if (!shared) pushesByChange.set(change, (shared = new Map()));
  return shared;
}

// Identity of a listen: location plus query. The tag alone is not enough (clients other than the
// JS SDK may omit it), the query object alone neither (two views may share one).
function listenKey(path: Path, queryObject: unknown, tag: number | undefined): string {
  return `${pathToString(path)}|${queryObjectKey(queryObject)}|${tag ?? ''}`;
}
