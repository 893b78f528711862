// Assignment 5, public graded tests of the last two bonus variants: the same prefix query over a
// list of plain values (orderBy "$value" on /labels), and the query kept open as an SSE stream
// that shows a new matching reading on the LCD. Each test starts the submission's firmware as a
// virtual device with a fresh account.
import { isDeepStrictEqual } from 'node:util';
import { beforeAll } from 'vitest';
import { eventually, graded, submissionDevice, useBackend } from '@iotkit/grader/harness';
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

graded('bonus: orderBy "$value" selects the plain strings of /labels by prefix', 5, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a5-byvalue');
  // Keys out of the values' order, two equal values (ties go by key) and a number (never selected).
  await backend.admin('PUT', `devices/${account.uid}/labels`, {
    c: 'lab-1',
    a: 'lab-2',
    d: 'hall',
    b: 'lab-1',
    e: 7,
  });
  const app = { orderBy: '$value', prefix: 'lab' };
  const hint =
    'look at buildQuery() (orderByValue() for "$value") and matchOf() (for "$value" the child itself is the string)';
  await withA5Device(suite, context, account, app, hint, async (_device, run) => {
    const want = await firebaseSelection(backend, account.uid, app);
    const params = queryRequests(run.requests, 'labels').map(queryParamsOf)[0] ?? null;
    const summary = await storedSummary(backend, account.uid);
    expectThat(
      context,
      params !== null &&
        isDeepStrictEqual(params, expectedParams('$value', 'lab')) &&
        isDeepStrictEqual(want, ['b', 'c', 'a']) &&
        isDeepStrictEqual(summaryKeys(summary), want) &&
        run.lcd[0] === 'Match 1/3' &&
        run.lcd[1] === 'lab-1',
      {
        expected:
          'GET <base>/labels?orderBy="$value"&startAt="lab"&endAt="lab\\uf8ff", keys ["b","c","a"] (by value, then key), LCD "Match 1/3" / "lab-1"',
        actual: `${params === null ? `no query of /labels: ${showRequests(run.requests)}` : `query ${show(params)}`}, keys ${show(summaryKeys(summary))}, LCD ${showLcd(run.lcd)}`,
        hint,
      },
    );
  });
});

graded(
  'bonus: live: a stream on the query shows a new matching reading, and nothing for one that does not match',
  5,
  async (context) => {
    const backend = suite.backend();
    const account = await backend.createAccount(PASSWORD, 'a5-live');
    await seedReadings(backend, account.uid, [{ zone: 'lab-2' }, { zone: 'hall' }]);
    const app = { orderBy: 'zone', prefix: 'lab', live: true };
    const hint =
      'look at startLive() (stream_->begin(queryNode(), query, *this): the same query on the stream) and onChange() (a put of "/<key>" is a reading that entered: insert it where matchBefore() puts it, show it, write the summary)';
    await withA5Device(suite, context, account, app, hint, async (device, run) => {
      // No first answer, no stream: say so at once instead of waiting for one.
      expectThat(context, queryRequests(run.requests).length > 0, {
        expected: 'the query of row 2 first, then the same query as a stream',
        actual: `no query: ${showRequests(run.requests)}, LCD ${showLcd(run.lcd)}`,
        hint: 'the live query starts once the first answer is shown: write buildQuery(), collectMatches() and showPage() first, then startLive()',
      });
      // The stream opens with a GET of the same query; its event comes once the server answered.
      const requests = await eventually(
        'a second GET of the query: the stream',
        async () => queryRequests(device.httpTo(backend.rtdbUrl)),
        (found) => found.length >= 2,
        10_000,
      ).catch(() => queryRequests(device.httpTo(backend.rtdbUrl)));
      const stream = requests[1];
      const streamParams = stream ? queryParamsOf(stream) : null;
      expectThat(
        context,
        stream !== undefined &&
          stream.status === 200 &&
          isDeepStrictEqual(streamParams, expectedParams('zone', 'lab')),
        {
          expected:
            'after the query, a stream (GET, Accept: text/event-stream) on <base>/readings?orderBy="zone"&startAt="lab"&endAt="lab\\uf8ff", answered 200',
          actual: stream ? `stream ${show(streamParams)} -> ${stream.status}` : showRequests(run.requests),
          hint,
        },
      );
      const seenBefore = device.lcdHistory().length;
      // First a reading outside the window (the server sends the stream nothing), then one inside.
      await seedReadings(backend, account.uid, [{ zone: 'hall-2' }]);
      const [entered] = await seedReadings(backend, account.uid, [{ zone: 'lab-1' }]);
      const shown = await device.device
        .waitFor((e) => e.type === 'lcd' && e.lines[0] === 'Match 1/2' && e.lines[1] === 'lab-1', 10_000, {
          includePast: true,
        })
        .then(() => true)
        .catch(() => false);
      const since = device.lcdHistory().slice(seenBefore);
      const wrong = since.filter((lcd) => lcd[1] === 'hall-2' || /\/3$/.test(lcd[0]));
      expectThat(context, shown && wrong.length === 0, {
        expected:
          'no change for the reading in "hall-2"; the one in "lab-1" shown as "Match 1/2" / "lab-1" (it sorts before "lab-2")',
        actual: `the LCD showed ${since.length > 0 ? since.map(showLcd).join(', ') : `only ${showLcd(device.lcd())}`}`,
        hint,
      });
      const want = await firebaseSelection(backend, account.uid, app);
      const summary = await eventually(
        'queries/latest to list the reading that entered',
        () => storedSummary(backend, account.uid),
        (value) => value?.count === want.length && isDeepStrictEqual(summaryKeys(value), want),
        5000,
      ).catch(() => null);
      expectThat(context, summary !== null && want[0] === entered, {
        expected: `queries/latest written again after the change: count 2, keys ${show(want)}`,
        actual: show(await storedSummary(backend, account.uid)),
        hint,
      });
    });
  },
);
