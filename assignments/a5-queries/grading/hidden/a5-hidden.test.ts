// Assignment 5, hidden graded tests: prefixes that are easy to get wrong (empty, spaces,
// Unicode, characters URLs care about), data the query must leave out (readings without the
// child, numbers beside strings), a prefix matching nothing, and the device's manners: no
// "Index not defined", nothing outside its own subtree.
import { isDeepStrictEqual } from 'node:util';
import { beforeAll } from 'vitest';
import type { TestContext } from 'vitest';
import { graded, submissionDevice, useBackend } from '@iotkit/grader/harness';
import type { GradedAccount } from '@iotkit/grader/harness';
import {
  expectedParams,
  expectThat,
  firebaseSelection,
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
beforeAll(async () => {
  await submissionDevice('a5').catch(() => undefined);
}, 600_000);
const PASSWORD = 'a5-device-pass';

/** Labels every edge-case device starts from. */
const LABELS = [
  'lab 2 north',
  'lab 2',
  'lab-2',
  'Zürich lab',
  'Zürich',
  'Zug',
  'a&b=c?#%+',
  'a&b',
  '',
  'hall',
];

/**
 * Boots a device with `prefix` on `account` and checks the query's parameters and the stored
 * keys against `wanted` (the labels that must match, in Firebase's order).
 */
async function checkPrefix(
  context: TestContext,
  account: GradedAccount,
  keyOf: Map<string, string>,
  prefix: string,
  wanted: readonly string[],
  hint: string,
): Promise<void> {
  const backend = suite.backend();
  const app = { orderBy: 'label', prefix };
  await withA5Device(suite, context, account, app, hint, async (_device, run) => {
    const params = queryRequests(run.requests).map(queryParamsOf)[0] ?? null;
    expectThat(context, params !== null && isDeepStrictEqual(params, expectedParams('label', prefix)), {
      expected: `prefix ${JSON.stringify(prefix)}: ${show(expectedParams('label', prefix))}`,
      actual: params === null ? showRequests(run.requests) : show(params),
      hint,
    });
    const want = wanted.map((label) => keyOf.get(label));
    const firebase = await firebaseSelection(backend, account.uid, app);
    const got = summaryKeys(await storedSummary(backend, account.uid));
    expectThat(context, isDeepStrictEqual(firebase, want) && isDeepStrictEqual(got, want), {
      expected: `prefix ${JSON.stringify(prefix)} selects ${show(wanted)} (keys ${show(want)})`,
      actual: `keys ${show(got)}, LCD ${showLcd(run.lcd)}`,
      hint,
    });
  });
}

graded('edge cases: an empty prefix, spaces, Unicode and characters URLs care about', 10, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a5-prefixes');
  const keys = await seedReadings(
    backend,
    account.uid,
    LABELS.map((label) => ({ label })),
  );
  const keyOf = new Map(LABELS.map((label, i) => [label, keys[i] as string]));
  const hint =
    'the prefix goes into the query as it is (startsWith): no trimming, no special case for "", the library encodes it';
  // Strings sort by code unit; "" is the smallest string, so an empty prefix selects every string.
  const everyString = [...LABELS].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  await checkPrefix(context, account, keyOf, '', everyString, hint);
  await checkPrefix(context, account, keyOf, 'lab 2', ['lab 2', 'lab 2 north'], hint);
  await checkPrefix(context, account, keyOf, 'Zü', ['Zürich', 'Zürich lab'], hint);
  await checkPrefix(context, account, keyOf, 'a&b', ['a&b', 'a&b=c?#%+'], hint);
});

graded(
  'edge cases: readings without the child, numbers beside strings, a prefix matching nothing',
  10,
  async (context) => {
    const backend = suite.backend();
    const account = await backend.createAccount(PASSWORD, 'a5-mixed');
    const keys = await seedReadings(backend, account.uid, [
      { zone: '12' },
      { zone: 12 },
      { sensor: 'no zone here' },
      { zone: '1b' },
      { zone: 100 },
      { zone: '10' },
    ]);
    const hint =
      'numbers sort before every string, so a string range never selects one; readings without the child are left out; with no match show "No matches" and still write the summary (count 0)';
    await withA5Device(
      suite,
      context,
      account,
      { orderBy: 'zone', prefix: '1' },
      hint,
      async (_device, run) => {
        // "10" < "12" < "1b": strings compare character by character, not as numbers.
        const want = [keys[5], keys[0], keys[3]];
        const got = summaryKeys(await storedSummary(backend, account.uid));
        expectThat(
          context,
          isDeepStrictEqual(got, want) && run.lcd[0] === 'Match 1/3' && run.lcd[1] === '10',
          {
            expected: `keys ${show(want)} (zones "10", "12", "1b"; not 12 or 100, not the reading without a zone), LCD "Match 1/3" / "10"`,
            actual: `keys ${show(got)}, LCD ${showLcd(run.lcd)}`,
            hint,
          },
        );
      },
    );
    await withA5Device(
      suite,
      context,
      account,
      { orderBy: 'zone', prefix: 'attic' },
      hint,
      async (_device, run) => {
        const summary = await storedSummary(backend, account.uid);
        const expected = { orderBy: 'zone', prefix: 'attic', count: 0, keys: [] };
        const got = summary && { ...summary, keys: summaryKeys(summary) };
        expectThat(context, run.lcd[0] === 'No matches' && isDeepStrictEqual(got, expected), {
          expected: `LCD "No matches" and queries/latest = ${show(expected)}`,
          actual: `LCD ${showLcd(run.lcd)}, queries/latest = ${show(summary)}`,
          hint,
        });
      },
    );
  },
);

graded(
  'manners: no "Index not defined", and nothing read or written outside /devices/{uid}',
  10,
  async (context) => {
    const backend = suite.backend();
    const account = await backend.createAccount(PASSWORD, 'a5-manners');
    const other = await backend.createAccount(PASSWORD, 'a5-other');
    await seedReadings(backend, other.uid, [{ sensor: 'ir-other' }]);
    const before = await backend.admin('GET', `devices/${other.uid}`);
    const hint =
      'every request goes to <base> = /devices/<your uid>; order only by a child the rules index (.indexOn), so no 400';
    const app = {
      orderBy: 'sensor',
      prefix: 'ir-',
      readings: [{ sensor: 'ir-mine', zone: 'lab-1', label: 'x' }],
    };
    await withA5Device(suite, context, account, app, hint, async (_device, run) => {
      const outside = run.requests.filter(
        (r) => !decodeURIComponent(new URL(r.url).pathname).startsWith(`/devices/${account.uid}/`),
      );
      const refused = run.requests.filter((r) => r.status >= 400 || r.status === 0);
      expectThat(context, outside.length === 0 && refused.length === 0, {
        expected:
          'every request inside /devices/{uid}/ and answered 2xx (no 400 "Index not defined", no 401)',
        actual: showRequests([...outside, ...refused]),
        hint,
      });
      const want = await firebaseSelection(backend, account.uid, app);
      const got = summaryKeys(await storedSummary(backend, account.uid));
      const after = await backend.admin('GET', `devices/${other.uid}`);
      expectThat(
        context,
        want.length === 1 && isDeepStrictEqual(got, want) && isDeepStrictEqual(after, before),
        {
          expected: `only its own reading selected (${show(want)}), the other device's data untouched`,
          actual: `keys ${show(got)}, other device ${show(after)}`,
          hint,
        },
      );
    });
  },
);
