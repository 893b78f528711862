// Assignment 3, hidden graded tests: the HTTP side of each operation, the rules refusing another
// device's subtree, a network failure, and the retry after an expired ID token. Each test checks
// the operations the submission has (the ones that send a request) and needs at least one.
import { isDeepStrictEqual } from 'node:util';
import { beforeAll } from 'vitest';
import type { TestContext } from 'vitest';
import { feedback, graded, submissionDevice, useBackend } from '@iotkit/grader/harness';
import type { GradedDevice } from '@iotkit/grader/harness';
import { seedDevice, show, START_CONFIG, subtree } from '../support/a3-data.js';
import {
  expectThat,
  OPERATIONS,
  runOperation,
  showLcd,
  showRequests,
  TYPED_THRESHOLD,
  withA3Device,
} from '../support/a3-device.js';
import type { OperationName, OperationRun } from '../support/a3-device.js';
import { deadRtdbUrl, startExpiringTokenRelay } from '../support/expiring-token-relay.js';

const suite = useBackend();
// Compile the firmware before the first test so no single test pays for it; a compile error
// still reaches every test through withA3Device, with the compiler's message.
beforeAll(async () => {
  await submissionDevice('a3').catch(() => undefined);
}, 600_000);
const PASSWORD = 'a3-device-pass';

function pathOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/\.json$/, ''));
}

function needOne(context: TestContext, checked: readonly string[]): void {
  expectThat(context, checked.length > 0, {
    expected: 'at least one of A, B, C sending a database request',
    actual: 'none did',
    hint: 'write readLatest(), updateThreshold() or deleteOldest() first',
  });
  feedback(context, { notes: [`checked: ${checked.join(', ')}`] });
}

graded(
  'http: read is a GET with a query, update a PATCH, delete a DELETE of one reading',
  15,
  async (context) => {
    const backend = suite.backend();
    const account = await backend.createAccount(PASSWORD, 'a3-http');
    const keys = await seedDevice(backend, account.uid, { readings: [10, 20, 30, 40] });
    const base = `/devices/${account.uid}`;
    const hint =
      'RtdbClient: get() with an RtdbQuery to read, patch() to change one field, remove() to delete';
    await withA3Device(suite, context, { account }, hint, async (device) => {
      const checked: OperationName[] = [];
      const read = await runOperation(device, 'read');
      if (read.implemented) {
        checked.push('read');
        const query = read.requests.find((r) => {
          const params = new URL(r.url).searchParams;
          return (
            r.method === 'GET' &&
            pathOf(r.url) === `${base}/readings` &&
            params.has('orderBy') &&
            params.get('limitToLast') === '3'
          );
        });
        expectThat(context, query !== undefined && read.requests.every((r) => r.method === 'GET'), {
          expected: `read: only GETs, one of them ${base}/readings?orderBy="$key"&limitToLast=3 (the server picks the three, not the device)`,
          actual: showRequests(read.requests),
          hint: 'readLatest(): RtdbQuery q; q.orderByKey().limitToLast(3); db_->get(path, result, &q)',
        });
      }
      const update = await runOperation(device, 'update');
      if (update.implemented) {
        checked.push('update');
        const writes = update.requests.filter((r) => r.method !== 'GET');
        expectThat(
          context,
          writes.length === 1 && writes[0]?.method === 'PATCH' && pathOf(writes[0].url) === `${base}/config`,
          {
            expected: `update: one PATCH of ${base}/config (a PUT would replace the whole config, a POST would add a child)`,
            actual: showRequests(update.requests),
            hint: 'updateThreshold(): db_->patch(<base>/config, {"threshold": n})',
          },
        );
      }
      const del = await runOperation(device, 'delete');
      if (del.implemented) {
        checked.push('delete');
        const writes = del.requests.filter((r) => r.method !== 'GET');
        expectThat(
          context,
          writes.length === 1 &&
            writes[0]?.method === 'DELETE' &&
            pathOf(writes[0].url) === `${base}/readings/${keys[0]}`,
          {
            expected: `delete: one DELETE of ${base}/readings/${keys[0]} (the oldest reading's own path)`,
            actual: showRequests(del.requests),
            hint: 'deleteOldest(): db_->remove(<base>/readings/<oldest key>); never write the whole readings node',
          },
        );
      }
      needOne(context, checked);
    });
  },
);

graded(
  'rules: another device\'s subtree is refused, both subtrees stay unchanged, the LCD says "Denied"',
  15,
  async (context) => {
    const backend = suite.backend();
    const victim = await backend.createAccount(PASSWORD, 'a3-victim');
    const device = await backend.createAccount(PASSWORD, 'a3-intruder');
    await seedDevice(backend, victim.uid, { readings: [1, 2, 3] });
    await seedDevice(backend, device.uid, { config: { ...START_CONFIG, label: 'mine' }, readings: [4, 5] });
    const victimBefore = await subtree(backend, victim.uid);
    const ownBefore = await subtree(backend, device.uid);
    const hint =
      'a 401 from the RTDB means the rules refused: showFailure() must put "Denied" on the LCD, and nothing may be retried elsewhere';
    await withA3Device(
      suite,
      context,
      { account: device, app: { target: victim.uid } },
      hint,
      async (running) => {
        const checked: OperationName[] = [];
        for (const op of OPERATIONS) {
          const run = await runOperation(running, op);
          if (!run.implemented) continue;
          checked.push(op);
          expectThat(context, /denied/i.test(run.lcd[0]), {
            expected: `${op} on /devices/${victim.uid}: LCD line 1 says "Denied"`,
            actual: `LCD ${showLcd(run.lcd)} after ${showRequests(run.requests)}`,
            hint,
          });
        }
        const victimAfter = await subtree(backend, victim.uid);
        const ownAfter = await subtree(backend, device.uid);
        expectThat(context, isDeepStrictEqual(victimAfter, victimBefore), {
          expected: `the other device's subtree unchanged: ${show(victimBefore)}`,
          actual: show(victimAfter),
          hint,
        });
        expectThat(context, isDeepStrictEqual(ownAfter, ownBefore), {
          expected: `the device's own subtree unchanged (the target was the other one): ${show(ownBefore)}`,
          actual: show(ownAfter),
          hint: 'every operation works on /devices/<target>, never falls back to the own uid',
        });
        needOne(context, checked);
      },
    );
  },
);

graded('network: no answer shows "Network error" and the device keeps running', 10, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a3-network');
  const rtdbUrl = await deadRtdbUrl();
  const hint =
    'a request that gets no answer (status 0, RtdbStatus::TransportFailed) must show "Network error", never crash or hang';
  await withA3Device(suite, context, { account, rtdbUrl }, hint, async (device) => {
    const checked: OperationName[] = [];
    for (const op of OPERATIONS) {
      const run: OperationRun = await runOperation(device, op, rtdbUrl);
      if (!run.implemented) continue;
      checked.push(op);
      expectThat(context, /network/i.test(run.lcd[0]), {
        expected: `${op} with the database unreachable: LCD line 1 says "Network error"`,
        actual: `LCD ${showLcd(run.lcd)} after ${showRequests(run.requests)}`,
        hint,
      });
    }
    needOne(context, checked);
    device.device.press('D');
    await device.device.waitFor((e) => e.type === 'lcd' && e.lines[0].startsWith('A:Read'), 5000);
  });
});

/** How each operation is seen to have worked through the relay. */
async function worked(
  device: GradedDevice,
  uid: string,
  op: OperationName,
  run: OperationRun,
): Promise<boolean> {
  if (op === 'read') return run.lcd[0] === 'Last 2 readings';
  if (op === 'update') {
    const config = (await device.backend.admin('GET', `devices/${uid}/config`)) as {
      threshold?: number;
    } | null;
    return config?.threshold === TYPED_THRESHOLD;
  }
  const readings = (await device.backend.admin('GET', `devices/${uid}/readings`)) as Record<
    string,
    unknown
  > | null;
  return readings !== null && Object.keys(readings).length === 1;
}

graded(
  'token: after "Auth token is expired" the device refreshes and repeats the request once',
  5,
  async (context) => {
    const backend = suite.backend();
    const account = await backend.createAccount(PASSWORD, 'a3-token');
    await seedDevice(backend, account.uid, { readings: [61, 62] });
    const relay = await startExpiringTokenRelay(backend.rtdbUrl);
    const hint =
      'send(): when the answer is 401 with "expired" in the error, call auth_->refresh() and send the same request once more (only once)';
    try {
      await withA3Device(suite, context, { account, rtdbUrl: relay.url }, hint, async (device) => {
        let checked: OperationName | undefined;
        for (const op of ['update', 'delete', 'read'] as const) {
          const refreshesBefore = device.authRequests().filter((r) => /\/token\b/.test(r.url)).length;
          const seenBefore = relay.requests().length;
          relay.arm(1);
          const run = await runOperation(device, op, relay.url);
          relay.arm(0);
          if (!run.implemented) continue;
          checked = op;
          const seen = relay.requests().slice(seenBefore);
          const refreshes =
            device.authRequests().filter((r) => /\/token\b/.test(r.url)).length - refreshesBefore;
          const first = seen[0];
          const repeat = seen.find((r, i) => i > 0 && r.method === first?.method && r.path === first?.path);
          // (The emulator's refreshed token can equal the old one within the same second, so the
          // token itself is not compared: the refresh request and the repeat are what count.)
          expectThat(context, refreshes === 1 && repeat !== undefined && first?.expired === true, {
            expected: `${op}: one token refresh after the 401, then ${first?.method ?? 'the request'} ${first?.path ?? ''} again`,
            actual: `${refreshes} refresh request(s); relayed: ${seen.map((r) => `${r.method} ${r.path} -> ${r.status}${r.expired ? ' (expired)' : ''}`).join(', ') || 'nothing'}`,
            hint,
          });
          expectThat(context, await worked(device, account.uid, op, run), {
            expected: `${op} succeeds on the repeat`,
            actual: `LCD ${showLcd(run.lcd)}; the data: ${show(await subtree(backend, account.uid))}`,
            hint,
          });
          // Expired twice in a row: one repeat, then the failure is shown (no endless retrying).
          const againBefore = relay.requests().length;
          relay.arm(5);
          const again = await runOperation(device, op, relay.url);
          relay.arm(0);
          const attempts = relay
            .requests()
            .slice(againBefore)
            .filter((r) => r.expired).length;
          expectThat(context, attempts === 2, {
            expected: `${op} with a token that stays expired: the request sent twice (first try + one repeat), then the LCD shows the failure`,
            actual: `${attempts} expired answers; LCD ${showLcd(again.lcd)}`,
            hint,
          });
          break;
        }
        needOne(context, checked ? [checked] : []);
      });
    } finally {
      await relay.stop();
    }
  },
);
