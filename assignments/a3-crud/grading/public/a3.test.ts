// Assignment 3, public graded tests: each operation's effect on the data, two operations for
// full marks and the third as the bonus, and what the device does when the data is missing.
// Each test starts the submission's firmware as a virtual device with a fresh account and data.
import { isDeepStrictEqual } from 'node:util';
import { beforeAll } from 'vitest';
import { graded, partialScore, feedback, submissionDevice, useBackend } from '@iotkit/grader/harness';
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
import type { OperationName } from '../support/a3-device.js';

const suite = useBackend();
// Compile the firmware before the first test so no single test pays for it; a compile error
// still reaches every test through withA3Device, with the compiler's message.
beforeAll(async () => {
  await submissionDevice('a3').catch(() => undefined);
}, 600_000);
const PASSWORD = 'a3-device-pass';
/** Operations whose test below passed (the tally the two last tests score). */
const working = new Set<OperationName>();

graded('read: A shows the latest three readings exactly as stored', 0, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a3-read');
  await seedDevice(backend, account.uid, { readings: [101, 2202, 303, 4040, 5] });
  const hint =
    'look at readLatest(): GET <base>/readings with orderByKey() and limitToLast(3), then the ir values oldest first';
  await withA3Device(suite, context, { account }, hint, async (device) => {
    const before = await subtree(backend, account.uid);
    const run = await runOperation(device, 'read');
    expectThat(context, run.lcd[0] === 'Last 3 readings' && run.lcd[1] === '303 4040 5', {
      expected: 'LCD "Last 3 readings" / "303 4040 5" (the three newest, oldest first)',
      actual: `LCD ${showLcd(run.lcd)} after ${showRequests(run.requests)}`,
      hint,
    });
    const after = await subtree(backend, account.uid);
    expectThat(context, isDeepStrictEqual(after, before), {
      expected: 'reading changes nothing in the database',
      actual: `the data changed to ${show(after)}`,
      hint: 'readLatest() must only GET',
    });
  });
  working.add('read');
});

graded('update: B saves only the typed threshold', 0, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a3-update');
  await seedDevice(backend, account.uid, { readings: [700, 800] });
  const hint = 'look at updateThreshold(): PATCH <base>/config with {"threshold": n} only';
  await withA3Device(suite, context, { account }, hint, async (device) => {
    const before = (await subtree(backend, account.uid)) as Record<string, unknown>;
    const run = await runOperation(device, 'update');
    const after = (await subtree(backend, account.uid)) as Record<string, unknown>;
    const expected = { ...before, config: { ...START_CONFIG, threshold: TYPED_THRESHOLD } };
    expectThat(context, isDeepStrictEqual(after, expected), {
      expected: `/devices/{uid} = ${show(expected)} (threshold changed, intervalMs, label and the readings untouched)`,
      actual: `${show(after)} after ${showRequests(run.requests)}`,
      hint,
    });
    expectThat(context, run.lcd[0] === 'Saved threshold' && run.lcd[1] === String(TYPED_THRESHOLD), {
      expected: `LCD "Saved threshold" / "${TYPED_THRESHOLD}"`,
      actual: `LCD ${showLcd(run.lcd)}`,
      hint: 'updateThreshold() shows the saved value when the PATCH succeeded',
    });
  });
  working.add('update');
});

graded('delete: C removes exactly the oldest reading', 0, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a3-delete');
  const keys = await seedDevice(backend, account.uid, { readings: [910, 920, 930] });
  const hint =
    'look at deleteOldest(): find the oldest key (orderByKey + limitToFirst(1)), then DELETE <base>/readings/<key>';
  await withA3Device(suite, context, { account }, hint, async (device) => {
    const before = (await subtree(backend, account.uid)) as { readings: Record<string, unknown> };
    const run = await runOperation(device, 'delete');
    const after = await subtree(backend, account.uid);
    const { [keys[0] as string]: _gone, ...rest } = before.readings;
    const expected = { ...before, readings: rest };
    expectThat(context, isDeepStrictEqual(after, expected), {
      expected: `only readings/${keys[0]} (ir 910) gone: ${show(expected)}`,
      actual: `${show(after)} after ${showRequests(run.requests)}`,
      hint,
    });
    expectThat(context, run.lcd[0] === 'Deleted oldest' && run.lcd[1] === 'ir 910', {
      expected: 'LCD "Deleted oldest" / "ir 910"',
      actual: `LCD ${showLcd(run.lcd)}`,
      hint: 'deleteOldest() shows the ir of the reading it deleted',
    });
  });
  working.add('delete');
});

graded('operations: two of read, update and delete work', 40, (context) => {
  // 20 points per working operation, at most two: the course asks for two of the three.
  partialScore(context, 20 * Math.min(working.size, 2));
  const missing = OPERATIONS.filter((op) => !working.has(op));
  expectThat(context, working.size >= 2, {
    expected: 'at least two of read, update, delete passing their tests above',
    actual: working.size === 0 ? 'none passes' : `only ${[...working].join(' and ')} passes`,
    hint: `finish ${missing.join(' or ')}: the tests above say what each one got wrong`,
  });
});

graded('missing data: "Not found" on the LCD, and nothing invented', 15, async (context) => {
  const backend = suite.backend();
  const account = await backend.createAccount(PASSWORD, 'a3-missing');
  await seedDevice(backend, account.uid, { config: null });
  const hint =
    'an empty answer (null) is not an error: show "Not found" for read and delete, send no DELETE; PATCH creates only the fields it names';
  await withA3Device(suite, context, { account }, hint, async (device) => {
    const checked: string[] = [];
    for (const op of ['read', 'delete'] as const) {
      const run = await runOperation(device, op);
      if (!run.implemented) continue;
      checked.push(op);
      expectThat(context, /not found/i.test(run.lcd[0]), {
        expected: `${op} with no readings: LCD line 1 says "Not found"`,
        actual: `LCD ${showLcd(run.lcd)} after ${showRequests(run.requests)}`,
        hint,
      });
      expectThat(context, !run.requests.some((r) => r.method !== 'GET'), {
        expected: `${op} with no readings writes nothing`,
        actual: showRequests(run.requests),
        hint,
      });
    }
    expectThat(context, (await subtree(backend, account.uid)) === null, {
      expected: 'read and delete on an empty subtree leave it empty',
      actual: show(await subtree(backend, account.uid)),
      hint,
    });
    const update = await runOperation(device, 'update');
    if (update.implemented) {
      checked.push('update');
      const after = await subtree(backend, account.uid);
      expectThat(context, isDeepStrictEqual(after, { config: { threshold: TYPED_THRESHOLD } }), {
        expected: `with no config, the update creates config = {"threshold":${TYPED_THRESHOLD}} and nothing else`,
        actual: `${show(after)} after ${showRequests(update.requests)}`,
        hint,
      });
    }
    expectThat(context, checked.length > 0, {
      expected: 'at least one operation that sends a request',
      actual: 'A, B and C sent no database request',
      hint: 'write readLatest(), updateThreshold() or deleteOldest() first',
    });
    feedback(context, { notes: [`checked: ${checked.join(', ')}`] });
  });
});

graded('bonus: all three operations work', 20, (context) => {
  const missing = OPERATIONS.filter((op) => !working.has(op));
  expectThat(context, missing.length === 0, {
    expected: 'read, update and delete all passing their tests',
    actual: `${missing.join(' and ')} not passing`,
    hint: `the bonus is the third operation: finish ${missing.join(' and ')}`,
  });
});
