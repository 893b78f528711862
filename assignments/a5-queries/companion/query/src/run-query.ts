import { deleteApp, initializeApp } from 'firebase/app';
import {
  connectDatabaseEmulator,
  endAt,
  get,
  getDatabase,
  orderByChild,
  orderByKey,
  query,
  ref,
  startAt,
} from 'firebase/database';
import { createRtdbClient } from '@iotkit/rtdb-client';

/** U+F8FF: sorts after almost every character, so `prefix + U+F8FF` ends a "starts with" range. */
export const PREFIX_RANGE_END = '\uf8ff';

/** Where the readings are and which selection to make. */
export interface PrefixQueryOptions {
  /** RTDB base URL of the local backend, e.g. `http://127.0.0.1:9000`. */
  readonly rtdbUrl: string;
  /** Database namespace (`?ns=`). */
  readonly namespace: string;
  /** Whose readings: `/devices/{uid}/readings`. */
  readonly uid: string;
  /** The child to order by, or `$key`. */
  readonly orderBy: string;
  /** Values starting with this match. */
  readonly prefix: string;
  /** The device account's ID token for the kit's client; without it the client reads as the admin. */
  readonly idToken?: string;
}

/** One selected reading. */
export interface SelectedReading {
  readonly key: string;
  /** The value it was ordered by (the key itself for `$key`). */
  readonly value: unknown;
}

/** The same selection, made twice. */
export interface PrefixQueryResult {
  /** Through `@iotkit/rtdb-client` (REST, as the device asks). */
  readonly restClient: readonly SelectedReading[];
  /** Through the official `firebase` web SDK (`query(ref, orderByChild, startAt, endAt)`). */
  readonly firebaseSdk: readonly SelectedReading[];
}

function orderedValue(value: unknown, key: string, orderBy: string): unknown {
  if (orderBy === '$key') return key;
  return typeof value === 'object' && value !== null
    ? ((value as Record<string, unknown>)[orderBy] ?? null)
    : null;
}

/**
 * Runs the prefix query on `/devices/{uid}/readings` through the kit's REST client and through
 * the official SDK (emulator mode, reading as the device's uid), each in Firebase's order.
 * @param options - see {@link PrefixQueryOptions}
 */
export async function runPrefixQuery(options: PrefixQueryOptions): Promise<PrefixQueryResult> {
  const path = `devices/${options.uid}/readings`;
  const end = options.prefix + PREFIX_RANGE_END;
  const client = createRtdbClient({
    databaseUrl: options.rtdbUrl,
    namespace: options.namespace,
    ...(options.idToken !== undefined
      ? { tokenSource: { getToken: () => Promise.resolve(options.idToken as string) } }
      : { accessToken: 'owner' }),
  });
  const base = client.ref(path);
  const ordered = options.orderBy === '$key' ? base.orderByKey() : base.orderByChild(options.orderBy);
  const rest = await ordered.startAt(options.prefix).endAt(end).get();
  const restClient = rest.entries.map((e) => ({
    key: e.key,
    value: orderedValue(e.value, e.key, options.orderBy),
  }));

  const url = new URL(options.rtdbUrl);
  const app = initializeApp(
    { projectId: 'demo-iotkit', databaseURL: `${url.origin}/?ns=${options.namespace}` },
    `a5-query-${Date.now()}-${Math.random()}`,
  );
  try {
    const db = getDatabase(app);
    // Emulator mode: an unsigned token whose uid the rules see as auth.uid (the device's).
    connectDatabaseEmulator(db, url.hostname, Number(url.port), {
      mockUserToken: { sub: options.uid, user_id: options.uid },
    });
    const order = options.orderBy === '$key' ? orderByKey() : orderByChild(options.orderBy);
    const snapshot = await get(query(ref(db, path), order, startAt(options.prefix), endAt(end)));
    const firebaseSdk: SelectedReading[] = [];
    snapshot.forEach((child) => {
      firebaseSdk.push({
        key: child.key as string,
        value: orderedValue(child.val(), child.key as string, options.orderBy),
      });
    });
    return { restClient, firebaseSdk };
  } finally {
    await deleteApp(app);
  }
}

/** Lines to print: both selections side by side and whether they agree. */
export function formatPrefixQuery(options: PrefixQueryOptions, result: PrefixQueryResult): string[] {
  const list = (rows: readonly SelectedReading[]): string[] =>
    rows.length === 0
      ? ['  (no match)']
      : rows.map((r, i) => `  ${i + 1}. ${JSON.stringify(r.value)}  ${r.key}`);
  const same = JSON.stringify(result.restClient) === JSON.stringify(result.firebaseSdk);
  return [
    `query /devices/${options.uid}/readings orderBy=${JSON.stringify(options.orderBy)} startAt=${JSON.stringify(options.prefix)} endAt=${JSON.stringify(options.prefix)}+"\\uf8ff"`,
    `@iotkit/rtdb-client (REST): ${result.restClient.length} match(es)`,
    ...list(result.restClient),
    `firebase SDK (query(ref, orderByChild, startAt, endAt)): ${result.firebaseSdk.length} match(es)`,
    ...list(result.firebaseSdk),
    same ? 'both give the same selection in the same order' : 'the two selections DIFFER',
  ];
}
