// Assignment 2, hidden graded tests: run by the instructor (`pnpm iotkit grade a2 …`).
import { existsSync } from 'node:fs';
import { expect } from 'vitest';
import { exportReportLines, FunctionsRunnerError, startFunctionsRunner } from '@iotkit/functions-runner';
import type { RunningFunctions } from '@iotkit/functions-runner';
import { eventually, feedback, graded, sandboxWrapCommand, submissionPath } from '@iotkit/grader/harness';
import { DEFAULT_CALIBRATION, loadMappingVectors, mapToAngle } from '@iotkit/mapping';
import type { Calibration } from '@iotkit/mapping';
import type { DeviceEvent, HttpEvent } from '@iotkit/devices';
import {
  DEVICE_PASSWORD,
  expectServo,
  login,
  needsSignIn,
  useA2Backend,
  withA2Device,
} from '../support/a2-device.js';

const suite = useA2Backend();

const LIMIT = { timeout: 150_000 };

/** A reading the device sent: a write under its /readings. */
function isReadingWrite(e: DeviceEvent): boolean {
  return e.type === 'http' && e.method !== 'GET' && /\/readings(\/|\.json)/.test(new URL(e.url).pathname);
}

/** The lockout the lockout test configures (short, so the test does not wait 30 s). */
const LOCKOUT_MS = 4000;

/** The shared mapping vectors with the default calibration, in the ADC range, no two neighbours with the same angle. */
function sweepVectors(): number[] {
  const cases = loadMappingVectors();
  const isDefault = (c: Calibration): boolean =>
    (Object.keys(DEFAULT_CALIBRATION) as Array<keyof Calibration>).every(
      (k) => c[k] === DEFAULT_CALIBRATION[k],
    );
  const raws = [
    ...new Set(
      cases.filter((c) => isDefault(c.calibration) && c.raw >= 0 && c.raw <= 4095).map((c) => c.raw),
    ),
  ];
  const out: number[] = [];
  for (const raw of raws) {
    // A far-away value in between makes every step a visible servo move.
    if (out.length > 0 && mapToAngle(out.at(-1) as number) === mapToAngle(raw))
      out.push(raw < 2048 ? 4095 : 0);
    out.push(raw);
  }
  return out;
}

graded(
  'read back: one stream follows database changes, no polling',
  10,
  async (context) => {
    // One reading at sign-in, then none: every later servo move must come from the database.
    await withA2Device(
      suite,
      context,
      { readingIntervalMs: 600_000 },
      'open ONE SSE stream (Accept: text/event-stream) on /devices/<uid>/latest and react to its put/patch events',
      async (s) => {
        s.device.setIr(300);
        await login(s);
        await s.device.waitFor((e) => e.type === 'servo', 5000, { includePast: true });
        for (const ir of [3900, 700, 3300]) {
          const before = s.servoAngle();
          // Listen first: the servo may move before the PUT's own response is back.
          const moved = s.device.waitFor((e) => e.type === 'servo' && e.angle !== before, 6000);
          await Promise.all([
            s.backend.admin('PUT', `devices/${s.uid}/latest`, { ir, ts: { '.sv': 'timestamp' } }),
            moved,
          ]);
        }
        const gets = s.rtdbHttp().filter((e) => e.method === 'GET');
        expect(
          gets.length,
          `GET requests to the database (a stream is one; polling makes many): ${gets.map((g) => g.url.replace(/\?.*/, '')).join(', ')}`,
        ).toBeLessThanOrEqual(3);
      },
    );
  },
  LIMIT,
);

graded(
  'login: locks out after repeated failures',
  10,
  async (context) => {
    await withA2Device(
      suite,
      context,
      { maxAttempts: 3, lockoutMs: LOCKOUT_MS },
      'after app.maxAttempts wrong passwords refuse input for app.lockoutMs and show "Locked"',
      async (s) => {
        // It ends with a sign-in: when that failed in an earlier test, fail now, not after the lockout.
        needsSignIn();
        for (let i = 1; i <= 3; i++) {
          s.device.press('1357#');
          await eventually(
            `sign-in attempt ${i} to be answered`,
            async () => s.signIns().filter((e) => e.status >= 400).length,
            (n) => n >= i,
            8000,
          );
        }
        // Device time (its own clock) when the third refusal came back: the lockout starts no earlier.
        const lockedFrom = (s.signIns().filter((e) => e.status >= 400)[2] as HttpEvent).t;
        await s.device.waitFor((e) => e.type === 'lcd' && e.lines.some((l) => /lock/i.test(l)), 8000, {
          includePast: true,
        });
        // The right password at once (inside the lockout), then again now and then until a sign-in
        // succeeds: only the lockout's end on the device's clock lets one through.
        await eventually(
          'a sign-in with the right password once the lockout is over',
          async () => {
            const accepted = s.signIns().filter((e) => e.status === 200).length;
            if (accepted === 0) s.device.press(`${DEVICE_PASSWORD}#`);
            return accepted;
          },
          (accepted) => accepted > 0,
          LOCKOUT_MS + 30_000,
          1000,
        );
        // Judged after the fact on the device's own timeline, so a slow machine cannot blur it.
        const during = s
          .signIns()
          .filter((e) => e.t > lockedFrom && e.t < lockedFrom + LOCKOUT_MS)
          .map((e) => `sign-in answered ${e.status} at ${e.t - lockedFrom} ms into the lockout`);
        expect(during, `no sign-in request may be sent during the ${LOCKOUT_MS} ms lockout`).toEqual([]);
      },
    );
  },
  LIMIT,
);

graded(
  'servo: angle right for every mapping test vector',
  10,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'iotkit::mapReading: clamp, then round half up in integers',
      async (s) => {
        await login(s);
        for (const ir of sweepVectors()) await expectServo(s, ir, mapToAngle(ir));
      },
    );
  },
  LIMIT,
);

graded(
  'reacts to an IR change within 2 s',
  5,
  async (context) => {
    await withA2Device(
      suite,
      context,
      { readingIntervalMs: 500 },
      'read the sensor every readingIntervalMs and do not block the loop',
      async (s) => {
        s.device.setIr(400);
        await login(s);
        await expectServo(s, 400, mapToAngle(400), 8000);
        const target = mapToAngle(3600);
        // Everything after this mark on the timeline happened after the new reading was on the sensor.
        const mark = s.device.timeline().length;
        s.device.setIr(3600);
        await s.device.waitFor((e) => e.type === 'servo' && e.angle === target, 20_000);
        // Counted in readings rather than host seconds, so a loaded machine cannot fail a fast device:
        // 2 s at readingIntervalMs 500 is four readings.
        const after = s.device
          .timeline()
          .slice(mark)
          .map((entry) => entry.event);
        const moved = after.findIndex((e) => e.type === 'servo' && e.angle === target);
        const readings = after.slice(0, moved < 0 ? after.length : moved).filter(isReadingWrite).length;
        expect(
          readings,
          `readings the device sent between the IR change and the servo reaching ${target}° (at most 4, i.e. 2 s)`,
        ).toBeLessThanOrEqual(4);
      },
    );
  },
  LIMIT,
);

graded(
  'rules: stays inside /devices/{uid}',
  5,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'every database path must start with /devices/<uid>/ (uid = localId of the sign-in); the rules refuse the rest',
      async (s) => {
        s.device.setIr(1500);
        // Two full rounds (reading, read-back, servo, outputs) before judging, waited for as events;
        // a failed wait is reported after the path checks, which name the real mistake.
        let waited: unknown;
        try {
          await login(s);
          await s.device.waitFor((e) => e.type === 'servo' && e.angle === mapToAngle(1500), 8000, {
            includePast: true,
          });
          s.device.setIr(2500);
          await s.device.waitFor((e) => e.type === 'servo' && e.angle === mapToAngle(2500), 8000);
          // The writes that follow a servo move (its mirror in the database) and the next readings.
          const seen = s.rtdbHttp().length;
          await eventually(
            'four more database requests after the servo moved',
            async () => s.rtdbHttp().length,
            (n) => n >= seen + 4,
            8000,
          );
        } catch (error) {
          waited = error;
        }
        const requests = s.rtdbHttp();
        expect(requests.length, 'the device talked to the database').toBeGreaterThan(0);
        const outside = requests.filter((e) => !new URL(e.url).pathname.startsWith(`/devices/${s.uid}/`));
        const refused = requests.filter((e) => e.status === 401 || e.status === 403);
        expect(
          outside.map((e) => `${e.method} ${new URL(e.url).pathname}`),
          'requests outside /devices/<uid>/',
        ).toEqual([]);
        expect(
          refused.map((e) => `${e.method} ${new URL(e.url).pathname} -> ${e.status}`),
          'requests the rules refused',
        ).toEqual([]);
        if (waited !== undefined) throw waited;
      },
    );
  },
  LIMIT,
);

graded(
  'bonus: every reading has a server timestamp',
  5,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'write ts as {".sv": "timestamp"}: the server puts its own clock (ms since 1970) there',
      async (s) => {
        const started = Date.now();
        s.device.setIr(900);
        await login(s);
        const readings = (await eventually(
          'three readings under /devices/<uid>/readings',
          () => s.backend.admin('GET', `devices/${s.uid}/readings`),
          (v) => Object.keys((v ?? {}) as object).length >= 3,
        )) as Record<string, { ts?: unknown }>;
        const now = Date.now();
        for (const [key, reading] of Object.entries(readings)) {
          expect(typeof reading.ts, `readings/${key}.ts`).toBe('number');
          expect(reading.ts as number, `readings/${key}.ts is server time`).toBeGreaterThanOrEqual(
            started - 5000,
          );
          expect(reading.ts as number, `readings/${key}.ts is server time`).toBeLessThanOrEqual(now + 5000);
        }
      },
    );
  },
  LIMIT,
);

graded(
  'bonus: mode "function" uses the cloud function\'s angle',
  10,
  async (context) => {
    const modulePath = submissionPath('companion/functions/src/index.ts');
    let functions: RunningFunctions | undefined;
    // What the runner found in the module, for the feedback: an export it cannot fire locally
    // (an HTTPS function, another service's trigger) is the usual reason nothing happened.
    let exportsFound: string[] = [];
    try {
      await withA2Device(
        suite,
        context,
        { mode: 'function' },
        'with app.mode "function", stream /devices/<uid>/servo and use the angle the function wrote (source "function"); do not write servo yourself',
        async (s) => {
          // Starting the runner costs seconds: not for a device that never signed in.
          needsSignIn();
          expect(existsSync(modulePath), 'companion/functions/src/index.ts exists').toBe(true);
          const rtdbHost = new URL(s.backend.rtdbUrl).host;
          functions = await startFunctionsRunner({
            module: modulePath,
            databaseHost: rtdbHost,
            namespace: s.backend.namespace,
            // the student's module runs in its own sandboxed process, never inside this test's
            isolation: 'process',
            wrapCommand: sandboxWrapCommand(),
          }).catch((error: unknown) => {
            if (error instanceof FunctionsRunnerError) exportsFound = [...error.details];
            throw error;
          });
          exportsFound = exportReportLines(functions.report);
          s.device.setIr(1000);
          await login(s);
          await expectServo(s, 1000, mapToAngle(1000), 6000);
          await expectServo(s, 3000, mapToAngle(3000), 6000);
          // A device that maps the reading itself reaches the angle before the function has written
          // it: wait for the function's write, so the check below, not a race, decides the test.
          const readServo = async (): Promise<{ source?: unknown } | null> =>
            (await s.backend.admin('GET', `devices/${s.uid}/servo`)) as { source?: unknown } | null;
          const servo = await eventually(
            '/devices/<uid>/servo to be written by the function',
            readServo,
            (value) => value?.source === 'function',
            8000,
          ).catch(readServo);
          expect(servo?.source, '/devices/<uid>/servo.source after the function ran').toBe('function');
          // The function and a device that maps locally agree on every reading, so the test now
          // writes what the function would, with an angle the mapping never gives for this reading.
          await functions?.stop();
          functions = undefined;
          const mapped = mapToAngle(3000);
          const injected = (mapped + 90) % 181;
          const followed = s.device.waitFor((e) => e.type === 'servo' && e.angle === injected, 6000);
          await s.backend.admin('PUT', `devices/${s.uid}/servo`, {
            angle: injected,
            source: 'function',
            ts: { '.sv': 'timestamp' },
          });
          try {
            await followed;
          } catch {
            s.explain(context, {
              expected: `the servo at ${injected}° after /servo was set to {angle: ${injected}, source: "function"}`,
              actual: `the servo stays at ${s.servoAngle() ?? 'no angle'}° (the local mapping of IR 3000 is ${mapped}°)`,
              hint: 'in function mode take the angle from the /servo stream, do not map the reading yourself',
            });
            throw new Error(
              `with mode "function" the servo must follow /devices/<uid>/servo: it was set to ${injected}°, the servo stayed at ${s.servoAngle() ?? 'no angle'}°`,
            );
          }
          const ownServoWrites = s
            .rtdbHttp()
            .filter(
              (e) => e.method !== 'GET' && new URL(e.url).pathname.startsWith(`/devices/${s.uid}/servo`),
            );
          expect(ownServoWrites.length, 'in function mode the device must not write /servo itself').toBe(0);
        },
      );
    } catch (error) {
      if (exportsFound.length > 0)
        feedback(context, { notes: exportsFound.map((line) => `functions runner: ${line}`) });
      throw error;
    } finally {
      await functions?.stop();
    }
  },
  LIMIT,
);
