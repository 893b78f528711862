// Assignment 4, hidden graded tests: a refused token, a reboot, a revoked refresh token, and a
// long run across refreshes and a reboot. Same setup as the public tests.
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
import { readingsOf, storedSeqRuns } from '../support/a4-checks.js';

const suite = useA4Suite();
// Generous: a loaded grading machine is slow, and each test still bounds its own waits.
const LIMIT = { timeout: 150_000 };

graded(
  '401: a refused ID token is renewed at once and the same reading is sent again',
  15,
  async (context) => {
    await withA4Run(
      suite,
      context,
      { lifetimeS: 600 },
      'look at writeWithToken(): on a 401 renew the token (refreshNow) and send the same request again; keep the reading until it is acknowledged',
      async (run) => {
        const device = await run.boot();
        // The device is told the token is good for an hour; the database already refuses it.
        run.provision({ refusedByServer: true });
        device.device.setIr(777);
        await eventually(
          'readings stored after the refused token was replaced',
          () => run.read('readings'),
          (v) => readingsOf(v).length >= 3,
          15_000,
        );
        const db = device.rtdbHttp();
        const first401 = db.findIndex((e) => e.status === 401);
        expect(first401, 'the first request with the refused token is answered 401').toBe(0);
        const renewals = run.relay.refreshes().filter((r) => r.status === 200);
        expect(renewals.length, 'a refresh after the 401').toBeGreaterThanOrEqual(1);
        const http = device.http();
        const at401 = http.indexOf(db[first401]!);
        const next = http.slice(at401 + 1, at401 + 3);
        if (!(next[0] && tokenRequests([next[0]]).length === 1 && next[1]?.method === db[first401]!.method))
          feedback(context, {
            expected: 'right after the 401: a Secure Token refresh, then the same request again',
            actual: next
              .map((e) => `${e.method} ${e.url.replace(/^https?:\/\/[^/]+/, '')} -> ${e.status}`)
              .join(', '),
          });
        expect(tokenRequests(next.slice(0, 1)).length).toBe(1);
        expect(next[1]?.method).toBe(db[first401]!.method);
        expect(next[1]?.status).toBe(200);
        const readings = readingsOf(await run.read('readings'));
        expect(readings[0]?.seq, 'the reading refused with 401 is stored (seq 1)').toBe(1);
        expect(storedSeqRuns(readings), 'seq numbers without a gap').toEqual([readings.length]);
      },
    );
  },
  LIMIT,
);

graded(
  'reboot: the device carries on with the stored, rotated refresh token',
  15,
  async (context) => {
    await withA4Run(
      suite,
      context,
      { lifetimeS: 4 },
      'the refresh token must be saved in board.store every time it changes (give AuthClient the store) and read back in setup() (resumeFromStore)',
      async (run) => {
        await run.boot();
        run.provision();
        await waitForRefreshes(run, 1, 20_000, 'before the reboot');
        const before = readingsOf(await run.read('readings')).length;
        const second = await run.boot();
        await eventually(
          'new readings after the reboot, without a new hand-over',
          () => run.read('readings'),
          (v) => readingsOf(v).length >= before + 3,
          20_000,
        );
        const refreshes = tokenRequests(second.http());
        expect(refreshes[0]?.status, 'the first refresh after the reboot succeeds').toBe(200);
        expect(second.rtdbHttp().filter((e) => e.status === 401)).toEqual([]);
        expect(forbiddenSignIns(allHttp(run))).toEqual([]);
      },
    );
  },
  LIMIT,
);

graded(
  'revoked: a refused refresh token shows a message on the LCD and the device stops asking',
  10,
  async (context) => {
    await withA4Run(
      suite,
      context,
      { lifetimeS: 4 },
      'look at onRefreshRefused(): an invalid or revoked refresh token cannot get better by asking again: show it on the LCD and stop',
      async (run) => {
        const device = await run.boot();
        run.provision();
        await eventually(
          'a first reading with the handed token',
          () => run.read('readings'),
          (v) => readingsOf(v).length > 0,
          10_000,
        );
        // As revoking the user's sessions does: the refresh token the device holds stops working.
        run.relay.revokeAll();
        const revokedAt = device.http().length;
        const shown = await device.device.waitFor(
          (e) => e.type === 'lcd' && /revoked|invalid|provision/i.test(e.lines.join(' ')),
          15_000,
          { includePast: true },
        );
        // Six seconds of the device's own time after it showed the refusal, judged on its timeline.
        const until = await device.device.runUntil(shown.t + 6000, 30_000);
        const after = device
          .http()
          .slice(revokedAt)
          .filter((e) => e.t <= until);
        const refreshes = tokenRequests(after);
        if (refreshes.length > 3)
          feedback(context, {
            expected: 'at most 3 refresh attempts once the refresh token was refused',
            actual: `${refreshes.length} refresh requests within 6 s of the device's clock`,
          });
        expect(refreshes.length, 'refresh attempts after the revocation').toBeGreaterThanOrEqual(1);
        expect(refreshes.length, 'refresh attempts after the revocation').toBeLessThanOrEqual(3);
        const lastRefusal = after.lastIndexOf(refreshes.at(-1)!);
        const dbAfter = after.slice(lastRefusal + 1).filter((e) => e.url.startsWith(suite.backend().rtdbUrl));
        expect(dbAfter.length, 'database requests after the refusal').toBeLessThanOrEqual(2);
        expect(device.lcd().join(' ')).toMatch(/revoked|invalid|provision/i);
      },
    );
  },
  LIMIT,
);

graded(
  'long run: two refreshes and a reboot, every reading acknowledged and stored',
  5,
  async (context) => {
    await withA4Run(
      suite,
      context,
      { lifetimeS: 4 },
      'every reading must survive refreshes and reboots: keep it until the database acknowledged it',
      async (run) => {
        await run.boot();
        run.provision();
        await waitForRefreshes(run, 2, 30_000, 'before the reboot');
        const second = await run.boot();
        await eventually(
          'a refresh after the reboot',
          async () => tokenRequests(second.http()).filter((e) => e.status === 200).length,
          (n) => n >= 1,
          20_000,
        );
        await second.runFor(1500);
        for (const device of run.boots()) await device.stop();
        const acknowledged = allHttp(run).filter(
          (e) => e.method === 'POST' && e.url.includes('/readings.json') && e.status === 200,
        ).length;
        const readings = readingsOf(await run.read('readings'));
        expect(readings.length, 'stored readings = acknowledged pushes').toBe(acknowledged);
        const runs = storedSeqRuns(readings);
        expect(typeof runs === 'string' ? runs : runs.length, 'one run of seq numbers per boot').toBe(2);
        expect(run.relay.refreshes().filter((r) => r.status !== 200)).toEqual([]);
      },
    );
  },
  LIMIT,
);
