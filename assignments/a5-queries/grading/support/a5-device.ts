// What A5's graded files share: a device of the submission that pushes its batch and runs its
// query at boot, the query request it sent, the summary it wrote, and the selection Firebase
// gives for the same query (asked through the kit's REST client, as the admin).
import type { TestContext } from 'vitest';
import type { HttpEvent } from '@iotkit/devices';
import { feedback, submissionDevice, withDevice } from '@iotkit/grader/harness';
import type { GradedAccount, GradedBackend, GradedDevice, GradedSuite } from '@iotkit/grader/harness';
import { createRtdbClient } from '@iotkit/rtdb-client';

/** U+F8FF: the end of a prefix range. */
export const RANGE_END = '\uf8ff';

/** The device's app settings (see the README's settings table). */
export interface A5App {
  readonly orderBy?: string;
  readonly prefix?: string;
  readonly readings?: ReadonlyArray<Record<string, unknown>>;
  readonly limitToFirst?: number;
  readonly limitToLast?: number;
  readonly live?: boolean;
}

/** LCD first rows that end the boot: the query's outcome, or a reason it never ran. */
const OUTCOME = /^(Match \d+\/\d+|No matches|Query failed|Push failed|TODO|Config error|Sign-in failed)/;

/** What the device showed and sent once its boot query was done. */
export interface BootRun {
  readonly lcd: readonly [string, string];
  /** Every database request, in order. */
  readonly requests: readonly HttpEvent[];
}

/**
 * Runs `body` with the submission's device signed in as `account` with `app` as its settings,
 * once the LCD shows the query's outcome. On failure the feedback gets the device's recent
 * timeline and `hint`.
 */
export async function withA5Device(
  suite: GradedSuite,
  context: TestContext,
  account: GradedAccount,
  app: A5App,
  hint: string,
  body: (device: GradedDevice, run: BootRun) => Promise<void>,
): Promise<void> {
  const executable = await submissionDevice('a5');
  await withDevice(
    suite,
    context,
    { executable, account, app: { ...app }, config: { password: account.password }, maxRunMs: 90_000 },
    hint,
    async (device) => {
      try {
        await device.device.waitFor((e) => e.type === 'lcd' && OUTCOME.test(e.lines[0]), 20_000, {
          includePast: true,
        });
      } catch {
        throw new Error(
          `the device never showed the query's outcome after boot; the LCD shows ${showLcd(device.lcd())}`,
        );
      }
      // The summary is written right after the LCD shows the outcome: let it land.
      await device.device
        .waitFor((e) => e.type === 'http' && e.method === 'PUT', 3000, { includePast: true })
        .catch(() => undefined);
      await body(device, { lcd: device.lcd(), requests: device.httpTo(device.backend.rtdbUrl) });
    },
  );
}

/** Presses `key` and waits for the LCD's first row to change (or 3 s). */
export async function pressAndRead(device: GradedDevice, key: string): Promise<readonly [string, string]> {
  const before = device.lcd().join('\n');
  device.device.press(key);
  await device.device
    .waitFor((e) => e.type === 'lcd' && e.lines.join('\n') !== before, 3000)
    .catch(() => undefined);
  return device.lcd();
}

/**
 * The GETs of `/readings` (or another node of the device) that carry an `orderBy`: the queries,
 * and with `live: true` the stream on the query too (an SSE stream opens with a GET).
 */
export function queryRequests(requests: readonly HttpEvent[], node = 'readings'): HttpEvent[] {
  return requests.filter(
    (r) =>
      r.method === 'GET' && new URL(r.url).pathname.endsWith(`/${node}.json`) && r.url.includes('orderBy='),
  );
}

/** A request's query parameters without `ns` and `auth`, decoded. */
export function queryParamsOf(request: HttpEvent): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [key, value] of new URL(request.url).searchParams)
    if (key !== 'ns' && key !== 'auth') params[key] = value;
  return params;
}

/** Parameters as the README gives them: `orderBy="zone"`, `startAt="lab"`, `endAt="lab\uf8ff"`. */
export function expectedParams(orderBy: string, prefix: string): Record<string, string> {
  return {
    orderBy: JSON.stringify(orderBy),
    startAt: JSON.stringify(prefix),
    endAt: JSON.stringify(prefix + RANGE_END),
  };
}

/** `/devices/{uid}/queries/latest` as stored (`keys` absent when empty, shown as []). */
export interface StoredSummary {
  readonly orderBy?: unknown;
  readonly prefix?: unknown;
  readonly count?: unknown;
  readonly keys?: unknown;
}

/** Reads the summary the device wrote. */
export async function storedSummary(backend: GradedBackend, uid: string): Promise<StoredSummary | null> {
  return (await backend.admin('GET', `devices/${uid}/queries/latest`)) as StoredSummary | null;
}

/** The keys in a stored summary (an empty list is stored as nothing). */
export function summaryKeys(summary: StoredSummary | null): unknown {
  if (summary === null) return null;
  return summary.keys ?? [];
}

/**
 * Which keys Firebase selects, in its order, for a prefix query (limits included): of the
 * readings, or of the labels list for `"$value"`.
 */
export async function firebaseSelection(
  backend: GradedBackend,
  uid: string,
  app: { orderBy: string; prefix: string; limitToFirst?: number; limitToLast?: number },
): Promise<string[]> {
  const client = createRtdbClient({
    databaseUrl: backend.rtdbUrl,
    namespace: backend.namespace,
    accessToken: 'owner',
  });
  const base = client.ref(`devices/${uid}/${app.orderBy === '$value' ? 'labels' : 'readings'}`);
  let query =
    app.orderBy === '$key'
      ? base.orderByKey()
      : app.orderBy === '$value'
        ? base.orderByValue()
        : base.orderByChild(app.orderBy);
  query = query.startAt(app.prefix).endAt(app.prefix + RANGE_END);
  if (app.limitToFirst) query = query.limitToFirst(app.limitToFirst);
  if (app.limitToLast) query = query.limitToLast(app.limitToLast);
  return [...(await query.get()).keys];
}

/** Writes readings as the admin (rules bypassed, so old shapes can be seeded); returns their keys in order. */
export async function seedReadings(
  backend: GradedBackend,
  uid: string,
  readings: ReadonlyArray<Record<string, unknown>>,
): Promise<string[]> {
  const keys: string[] = [];
  let ts = 1_767_000_000_000;
  for (const reading of readings) {
    const { name } = (await backend.admin('POST', `devices/${uid}/readings`, {
      ir: 100 + keys.length,
      ts: (ts += 1000),
      ...reading,
    })) as { name: string };
    keys.push(name);
  }
  return keys;
}

/** `"line 1" / "line 2"`, as feedback shows an LCD. */
export function showLcd(lcd: readonly [string, string]): string {
  return `"${lcd[0]}" / "${lcd[1]}"`;
}

/** `GET /devices/u/readings?orderBy=…` lines for feedback (no host, namespace or token). */
export function showRequests(requests: readonly HttpEvent[]): string {
  if (requests.length === 0) return 'no database request';
  return requests
    .map((r) => {
      const url = new URL(r.url);
      const query = Object.entries(queryParamsOf(r));
      return `${r.method} ${decodeURIComponent(url.pathname)}${query.length ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''} -> ${r.status || r.error || 'no answer'}`;
    })
    .join(', ');
}

/** JSON for feedback, cut at 300 characters. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'nothing';
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}

/**
 * Fails the test with expected / actual in the feedback (and `hint`) unless `ok`.
 * @param context - the test context
 * @param ok - the condition
 * @param fb - expected, actual and a hint
 */
export function expectThat(
  context: TestContext,
  ok: boolean,
  fb: { expected: string; actual: string; hint?: string },
): void {
  if (ok) return;
  feedback(context, fb);
  throw new Error(`not as the README describes: expected ${fb.expected}`);
}
