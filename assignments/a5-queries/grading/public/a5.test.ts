// Assignment 5, public graded tests: the batch the device pushes, the query it sends, the LCD
// paging through the matches, the summary in Firebase's order, and the limit and key bonus
// variants (a5-bonus.test.ts has the other two).
// Each test starts the submission's firmware as a virtual device with a fresh account.
import { isDeepStrictEqual } from 'node:util';
import { beforeAll } from 'vitest';
import { graded, submissionDevice, useBackend } from '@iotkit/grader/harness';
import {
  expectedParams,
  expectThat,
  firebaseSelection,
  pressAndRead,
  queryParamsOf,
  queryRequests,
  seedReadings,
  show,
  showLcd,
  showRequests,
  storedSummary,
  summaryKeys,
  withA5Device,
} from '../support/a5-device.js';

const suite = useBackend();
// Compile the firmware before the first test so no single test pays for it; a compile error
// still reaches every test through withA5Device, with the compiler's message.
beforeAll(async () => {
  await submissionDevice('a5').catch(() => undefined);
}, 600_000);
const PASSWORD = 'a5-device-pass';

const BATCH = [
  { sensor: 'ir-desk', zone: 'lab-2', label: 'morning' },
  { sensor: 'ir-door', zone: 'hall', label: 'morning' },
  { sensor: 'ir-window', zone: 'lab-1', label: 'noon' },
];

graded('push: the batch lands under /devices/{uid}/readings with ir and a server ts', 15, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a5-push');
  const hint =
    'look at pushBatch(): POST each settings_.readings entry to <base>/readings with its children, "ir" from the sensor and "ts" as {".sv":"timestamp"}';
  const started = Date.now();
  await withA5Device(suite, context, account, { readings: BATCH }, hint, async (_device, run) => {
    const stored = ((await backend.admin('GET', `devices/${account.uid}/readings`)) ?? {}) as Record<
      string,
      Record<string, unknown>
    >;
    const readings = Object.keys(stored)
      .sort()
      .map((k) => stored[k] as Record<string, unknown>);
    const tags = readings.map(({ sensor, zone, label }) => ({ sensor, zone, label }));
    expectThat(context, isDeepStrictEqual(tags, BATCH), {
      expected: `three readings with the children of app.readings, in order: ${show(BATCH)}`,
      actual: `${show(readings)} after ${showRequests(run.requests)}`,
      hint,
    });
    const bad = readings.filter(
      (r) =>
        typeof r['ir'] !== 'number' || typeof r['ts'] !== 'number' || (r['ts'] as number) < started - 60_000,
    );
    expectThat(context, bad.length === 0, {
      expected: 'every reading has a number "ir" and the server\'s time as "ts"',
      actual: show(bad),
      hint,
    });
  });
});

graded('query: orderBy, startAt and endAt exactly as the README gives them', 20, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a5-query');
  await seedReadings(backend, account.uid, BATCH);
  const hint =
    'look at buildQuery(): orderByChild(settings_.orderBy), then startsWith(settings_.prefix) (startAt "lab", endAt "lab\\uf8ff")';
  await withA5Device(
    suite,
    context,
    account,
    { orderBy: 'zone', prefix: 'lab' },
    hint,
    async (_device, run) => {
      const queries = queryRequests(run.requests);
      const expected = expectedParams('zone', 'lab');
      const got = queries[0] ? queryParamsOf(queries[0]) : null;
      expectThat(context, got !== null && isDeepStrictEqual(got, expected), {
        expected: `GET <base>/readings?orderBy="zone"&startAt="lab"&endAt="lab\\uf8ff" (nothing else)`,
        actual: got === null ? `no query: ${showRequests(run.requests)}` : show(got),
        hint,
      });
      const raw = queries[0]?.url ?? '';
      expectThat(context, raw.includes('endAt=%22lab%EF%A3%BF%22'), {
        expected: 'U+F8FF percent-encoded as its UTF-8 bytes: endAt=%22lab%EF%A3%BF%22',
        actual: raw.replace(/auth=[^&]*/, 'auth=…'),
        hint,
      });
    },
  );
});

graded('lcd: the count and each match, paged with # and *', 20, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a5-lcd');
  await seedReadings(backend, account.uid, [
    { zone: 'lab-3' },
    { zone: 'hall' },
    { zone: 'lab-1' },
    { zone: 'lab-2' },
  ]);
  const hint =
    'look at showPage() and the keys: "Match <n>/<count>" on row 1, the matched value on row 2; # shows the next match, * the previous';
  await withA5Device(
    suite,
    context,
    account,
    { orderBy: 'zone', prefix: 'lab' },
    hint,
    async (device, run) => {
      const seen = [run.lcd];
      seen.push(await pressAndRead(device, '#'));
      seen.push(await pressAndRead(device, '#'));
      seen.push(await pressAndRead(device, '#'));
      seen.push(await pressAndRead(device, '*'));
      const expected = [
        ['Match 1/3', 'lab-1'],
        ['Match 2/3', 'lab-2'],
        ['Match 3/3', 'lab-3'],
        ['Match 3/3', 'lab-3'],
        ['Match 2/3', 'lab-2'],
      ];
      expectThat(context, isDeepStrictEqual(seen, expected), {
        expected: `after boot, #, #, # (already the last), *: ${expected.map((l) => showLcd(l as [string, string])).join(', ')}`,
        actual: seen.map(showLcd).join(', '),
        hint,
      });
    },
  );
});

graded(
  "summary: queries/latest holds orderBy, prefix, count and the keys in Firebase's order",
  15,
  async (context) => {
    const backend = suite.backend();
    const account = await backend.createAccount(PASSWORD, 'a5-summary');
    // Pushed in an order unlike the labels' order, so key order is not the answer.
    await seedReadings(backend, account.uid, [
      { label: 'room-c' },
      { label: 'room-a' },
      { label: 'hall' },
      { label: 'room-b' },
      { label: 'room-a' },
    ]);
    const app = { orderBy: 'label', prefix: 'room' };
    const hint =
      'look at collectMatches() (sort with matchBefore()), matchBefore() (by the value, equal values by key) and writeSummary() (PUT <base>/queries/latest)';
    await withA5Device(suite, context, account, app, hint, async () => {
      const want = await firebaseSelection(backend, account.uid, app);
      const summary = await storedSummary(backend, account.uid);
      const expected = { orderBy: 'label', prefix: 'room', count: 4, keys: want };
      const got = summary && { ...summary, keys: summaryKeys(summary) };
      expectThat(context, isDeepStrictEqual(got, expected), {
        expected: `/devices/{uid}/queries/latest = ${show(expected)}`,
        actual: show(summary),
        hint,
      });
    });
  },
);

graded('bonus: limitToFirst and limitToLast keep the first or the last matches', 5, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a5-limits');
  await seedReadings(backend, account.uid, [
    { sensor: 'ir-4' },
    { sensor: 'ir-1' },
    { sensor: 'door' },
    { sensor: 'ir-3' },
    { sensor: 'ir-2' },
  ]);
  const hint = 'look at buildQuery(): add limitToFirst(n) or limitToLast(n) when the settings name one';
  for (const limit of [{ limitToFirst: 2 }, { limitToLast: 2 }] as const) {
    const app = { orderBy: 'sensor', prefix: 'ir-', ...limit };
    await withA5Device(suite, context, account, app, hint, async (_device, run) => {
      const want = await firebaseSelection(backend, account.uid, app);
      const summary = await storedSummary(backend, account.uid);
      const params = queryRequests(run.requests).map(queryParamsOf)[0] ?? {};
      const [name, count] = Object.entries(limit)[0] as [string, number];
      expectThat(context, params[name] === String(count) && isDeepStrictEqual(summaryKeys(summary), want), {
        expected: `${name}=${count} in the query and keys ${show(want)}`,
        actual: `query ${show(params)}, keys ${show(summaryKeys(summary))}`,
        hint,
      });
    });
  }
});

graded('bonus: orderBy "$key" selects readings by the prefix of their key', 5, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a5-bykey');
  for (const key of ['lab-b', 'hall-1', 'lab-a', 'lab-c', 'yard'])
    await backend.admin('PUT', `devices/${account.uid}/readings/${key}`, {
      ir: 5,
      ts: 1_767_000_000_000,
      zone: 'x',
    });
  const app = { orderBy: '$key', prefix: 'lab-' };
  const hint = 'look at buildQuery() (orderByKey() for "$key") and matchOf() (the key is the value)';
  await withA5Device(suite, context, account, app, hint, async (_device, run) => {
    const want = await firebaseSelection(backend, account.uid, app);
    const params = queryRequests(run.requests).map(queryParamsOf)[0] ?? {};
    const summary = await storedSummary(backend, account.uid);
    expectThat(
      context,
      params['orderBy'] === '"$key"' &&
        isDeepStrictEqual(want, ['lab-a', 'lab-b', 'lab-c']) &&
        isDeepStrictEqual(summaryKeys(summary), want) &&
        run.lcd[0] === 'Match 1/3' &&
        run.lcd[1] === 'lab-a',
      {
        expected:
          'orderBy="$key"&startAt="lab-"&endAt="lab-\\uf8ff", keys ["lab-a","lab-b","lab-c"], LCD "Match 1/3" / "lab-a"',
        actual: `query ${show(params)}, keys ${show(summaryKeys(summary))}, LCD ${showLcd(run.lcd)}`,
        hint,
      },
    );
  });
});
