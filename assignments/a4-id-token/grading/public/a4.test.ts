// Assignment 4, public graded tests: the device runs on an ID token it was handed and renews it
// itself. Each test starts the submission's firmware as a virtual device with a persistent store
// file, next to a relay that makes ID tokens live seconds instead of an hour (see
// grading/support/short-token-relay.ts).
import { expect } from 'vitest';
import { eventually, feedback, graded } from '@iotkit/grader/harness';
import {
  allHttp,
  forbiddenSignIns,
  tokenRequests,
  useA4Suite,
  waitForRefreshes,
  withA4Run,
} from '../support/a4-run.js';
import { readingsOf, storedSeqRuns, tokenLeaks } from '../support/a4-checks.js';

const suite = useA4Suite();
// Generous: a loaded grading machine is slow, and each test still bounds its own waits.
const LIMIT = { timeout: 150_000 };

graded(
  'hand-over: waits for provisioning, then runs on the handed ID token without signing in itself',
  15,
  async (context) => {
    await withA4Run(
      suite,
      context,
      { lifetimeS: 600 },
      'look at setup() and adoptHandoff(): read the hand-over from the store, then auth_->useIdToken(); never signInWithPassword/signUp/signInWithCustomToken',
      async (run) => {
        const device = await run.boot();
        const prompt = await device.device.waitFor(
          (e) => e.type === 'lcd' && /provision/i.test(e.lines.join(' ')),
          10_000,
          { includePast: true },
        );
        // A second of the device's own time after its prompt, judged on its own timeline.
        const until = await device.runFor(1000);
        expect(
          device
            .http()
            .filter((e) => e.t <= until)
            .map((e) => `${e.method} ${e.url} at ${e.t - prompt.t} ms`),
          'an unprovisioned device has no token: it must not send requests',
        ).toEqual([]);
        run.provision();
        await eventually(
          'a reading under /devices/{uid}/readings after the hand-over',
          () => run.read('readings'),
          (v) => readingsOf(v).length > 0,
          10_000,
        );
        const http = allHttp(run);
        expect(
          forbiddenSignIns(http).map((e) => e.url),
          'sign-in requests',
        ).toEqual([]);
        const firstDb = http.findIndex((e) => e.url.startsWith(suite.backend().rtdbUrl));
        const firstRefresh = http.findIndex((e) => tokenRequests([e]).length > 0);
        if (firstRefresh !== -1 && firstRefresh < firstDb) {
          feedback(context, {
            expected: 'the first database request uses the handed ID token (it is valid for 10 minutes)',
            actual: 'the device asked the Secure Token API for a new token before using the one it was given',
          });
        }
        expect(firstRefresh === -1 || firstRefresh > firstDb).toBe(true);
      },
    );
  },
  LIMIT,
);

graded(
  'readings: each one pushed with ir and seq, and latest follows',
  10,
  async (context) => {
    await withA4Run(
      suite,
      context,
      { lifetimeS: 600 },
      'look at sendPending(): POST {ir, seq, ts} to /devices/{uid}/readings, then PUT {ir, ts} to /devices/{uid}/latest',
      async (run) => {
        const device = await run.boot();
        run.provision();
        device.device.setIr(1234);
        await eventually(
          'three readings of 1234 with seq numbers',
          () => run.read('readings'),
          (v) => readingsOf(v).filter((r) => r.ir === 1234).length >= 3,
          15_000,
        );
        const latest = (await eventually(
          '/devices/{uid}/latest to be {ir: 1234, ts}',
          () => run.read('latest'),
          (v) => (v as { ir?: unknown } | null)?.ir === 1234,
          5000,
        )) as { ir: number; ts: unknown };
        expect(typeof latest.ts).toBe('number');
        const readings = readingsOf(await run.read('readings'));
        expect(readings.every((r) => typeof r.ts === 'number')).toBe(true);
        expect(storedSeqRuns(readings), 'seq numbers 1, 2, 3 … without a gap').toEqual([readings.length]);
      },
    );
  },
  LIMIT,
);

graded(
  'refresh: the ID token is renewed through the Secure Token API before it expires',
  20,
  async (context) => {
    await withA4Run(
      suite,
      context,
      { lifetimeS: 6 },
      'look at keepTokenFresh(): refresh when less than the margin is left (at most half the lifetime), not after a 401',
      async (run) => {
        const device = await run.boot();
        run.provision();
        await waitForRefreshes(run, 2, 30_000, 'while running');
        await device.runFor(1000); // requests made with the renewed token are judged too
        const refreshes = run.relay.refreshes();
        const late = refreshes.filter((r) => (r.secondsLeft ?? 1) <= 0);
        if (late.length > 0)
          feedback(context, {
            expected: 'each refresh while the old ID token is still valid',
            actual: `${late.length} refresh(es) only after the token had expired`,
          });
        expect(late).toEqual([]);
        const db = device.rtdbHttp();
        const refused = db.filter((e) => e.status === 401);
        expect(
          refused.map((e) => `${e.method} ${e.url}`),
          'database requests refused with 401',
        ).toEqual([]);
        const withoutToken = db.filter((e) => !/[?&]auth=/.test(e.url));
        expect(
          withoutToken.map((e) => `${e.method} ${e.url}`),
          'database requests without auth=',
        ).toEqual([]);
        expect(tokenRequests(device.http()).every((e) => e.method === 'POST')).toBe(true);
      },
    );
  },
  LIMIT,
);

graded(
  'tokens: neither token appears in the device log or on the LCD',
  10,
  async (context) => {
    await withA4Run(
      suite,
      context,
      { lifetimeS: 4 },
      'never log or show an ID token or refresh token: log what happened ("ID token renewed"), not the token',
      async (run) => {
        const device = await run.boot();
        run.provision();
        await waitForRefreshes(run, 2, 30_000, 'while running');
        await device.stop();
        const leaks = tokenLeaks(device, run.relay.issuedTokens());
        expect(leaks, 'log lines or LCD rows that contain a token').toEqual([]);
      },
    );
  },
  LIMIT,
);
