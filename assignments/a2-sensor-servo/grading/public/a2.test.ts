// Assignment 2, public graded tests: students run these with `pnpm iotkit check a2`.
// Each test starts the submission's firmware as a virtual device with a fresh account.
import { expect } from 'vitest';
import { mapToAngle } from '@iotkit/mapping';
import { eventually, graded } from '@iotkit/grader/harness';
import {
  DEVICE_PASSWORD,
  expectServo,
  login,
  needsSignIn,
  useA2Backend,
  withA2Device,
} from '../support/a2-device.js';

const suite = useA2Backend();

// The first test also compiles the firmware (shared by the others), hence the long limit.
const LIMIT = { timeout: 150_000 };
const ERROR_WORDS = /wrong|error|invalid|denied/i;

interface Reading {
  ir?: unknown;
  ts?: unknown;
}

graded(
  'login: the correct password signs in',
  5,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'type digits, then # submits; sign in with accounts:signInWithPassword using the configured email',
      async (s) => {
        await login(s);
        const shown = s.device.timeline().flatMap(({ event }) => (event.type === 'lcd' ? event.lines : []));
        expect(
          shown.filter((line) => line.includes(DEVICE_PASSWORD)),
          'the LCD must mask the password',
        ).toEqual([]);
      },
    );
  },
  LIMIT,
);

graded(
  'login: the LCD shows one * per digit and * deletes the last one',
  10,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'on a digit append it and show one * per typed digit on LCD line 2 (never the digit); on * remove the last digit and show one * less',
      async (s) => {
        /** Presses `key` and waits until LCD line 2 shows exactly `stars`. */
        const pressAndSee = async (key: string, stars: string, after: string): Promise<void> => {
          const shown = s.device.waitFor(
            (e) => e.type === 'lcd' && (e.lines[1] ?? '').trim() === stars,
            3000,
          );
          s.device.press(key);
          try {
            await shown;
          } catch {
            s.explain(context, {
              expected: `LCD line 2 "${stars}" after ${after}`,
              actual: `LCD shows "${s.lcd()[0].trim()}" / "${s.lcd()[1].trim()}"`,
            });
            throw new Error(
              `after ${after} LCD line 2 should be "${stars}" (${stars.length} digit(s) typed), it shows "${s.lcd()[1].trim()}"`,
            );
          }
        };
        // One extra digit, then * must take it back: the sign-in only works if it did.
        const keys = [...DEVICE_PASSWORD, '9'];
        for (const [i, key] of keys.entries())
          await pressAndSee(key, '*'.repeat(i + 1), `typing ${keys.slice(0, i + 1).join('')}`);
        await pressAndSee('*', '*'.repeat(DEVICE_PASSWORD.length), `typing ${keys.join('')} then *`);
        const digitsShown = s
          .lcdHistory()
          .flat()
          .filter((line) => /[0-9]/.test(line));
        expect(digitsShown, 'LCD lines showing typed digits while the password is entered').toEqual([]);
        s.device.press('#');
        const answer = await s.device.waitFor(
          (e) => e.type === 'http' && e.url.includes('accounts:signInWithPassword'),
          8000,
          { includePast: true },
        );
        expect(
          answer.type === 'http' ? answer.status : 0,
          `typed ${keys.join('')}, then * and #: the sign-in must use ${DEVICE_PASSWORD} (* deletes the last digit)`,
        ).toBe(200);
      },
    );
  },
  LIMIT,
);

graded(
  'login: a wrong password is rejected with a message, then a retry works',
  10,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'on a failed sign-in show e.g. "Wrong password", clear the entry and let the user type again',
      async (s) => {
        // It ends with a sign-in: when that failed in an earlier test, fail now, not after the waits.
        needsSignIn();
        s.device.press('1357#');
        await s.device.waitFor(
          (e) => e.type === 'http' && e.url.includes('accounts:signInWithPassword') && e.status >= 400,
          8000,
          { includePast: true },
        );
        await s.device.waitFor((e) => e.type === 'lcd' && e.lines.some((l) => ERROR_WORDS.test(l)), 3000, {
          includePast: true,
        });
        await login(s);
      },
    );
  },
  LIMIT,
);

graded(
  'readings: pushed under /devices/{uid}/readings with the sensor value',
  10,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'POST (push) {ir, ts} to /devices/<uid>/readings.json every readingIntervalMs',
      async (s) => {
        s.device.setIr(1234);
        await login(s);
        const readings = await eventually(
          'two readings with ir 1234 under /devices/<uid>/readings',
          () => s.backend.admin('GET', `devices/${s.uid}/readings`),
          (v) =>
            Object.values((v ?? {}) as Record<string, Reading>).filter((r) => r?.ir === 1234).length >= 2,
        );
        expect(
          Object.keys(readings as object).every((k) => k.startsWith('-')),
          'readings must be pushed (POST), which gives keys like -Nabc…',
        ).toBe(true);
      },
    );
  },
  LIMIT,
);

graded(
  'readings: /devices/{uid}/latest follows the sensor',
  5,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'PUT {ir, ts} to /devices/<uid>/latest.json after every push',
      async (s) => {
        s.device.setIr(500);
        await login(s);
        const latest = (path: string) => () => s.backend.admin('GET', path);
        await eventually(
          'latest.ir to become 500',
          latest(`devices/${s.uid}/latest`),
          (v) => (v as Reading | null)?.ir === 500,
        );
        s.device.setIr(3500);
        await eventually(
          'latest.ir to become 3500',
          latest(`devices/${s.uid}/latest`),
          (v) => (v as Reading | null)?.ir === 3500,
        );
      },
    );
  },
  LIMIT,
);

graded(
  'servo: angle right for a sweep of IR values',
  10,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'map with iotkit::mapReading (rounds half up, clamps); Arduino map() truncates: 4094 gives 179, not 180',
      async (s) => {
        await login(s);
        for (const ir of [0, 4094, 1024, 3071, 2048]) {
          await expectServo(s, ir, mapToAngle(ir));
        }
      },
    );
  },
  LIMIT,
);

graded(
  'lcd: line 1 shows the reading, line 2 the angle',
  5,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'line 1 "IR <reading>", line 2 "Angle <angle>", with the angle the servo got',
      async (s) => {
        s.device.setIr(2600);
        await login(s);
        const angle = mapToAngle(2600);
        const right = (): boolean => {
          const [line1, line2] = s.lcd().map((l) => l.trim());
          return (
            /^IR\b.*\b2600\b/.test(line1 ?? '') && new RegExp(`^Angle\\b.*\\b${angle}\\b`).test(line2 ?? '')
          );
        };
        if (right()) return;
        try {
          await s.device.waitFor(() => right(), 5000);
        } catch {
          const [line1, line2] = s.lcd().map((l) => l.trim());
          s.explain(context, {
            expected: `line 1 "IR 2600", line 2 "Angle ${angle}"`,
            actual: `line 1 "${line1}", line 2 "${line2}"`,
          });
          throw new Error(
            `the LCD should show "IR 2600" / "Angle ${angle}", it shows "${line1}" / "${line2}"`,
          );
        }
      },
    );
  },
  LIMIT,
);

graded(
  'outputs: /servo and /lcd in the database mirror the device',
  5,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'after moving the servo PUT /devices/<uid>/servo = {angle, source: "device", ts} and /devices/<uid>/lcd = {line1, line2} with the LCD text',
      async (s) => {
        const angle = mapToAngle(3000);
        s.device.setIr(3000);
        await login(s);
        await expectServo(s, 3000, angle, 6000);
        const servo = (await eventually(
          `/devices/<uid>/servo to hold angle ${angle}`,
          () => s.backend.admin('GET', `devices/${s.uid}/servo`),
          (v) => (v as { angle?: unknown } | null)?.angle === angle,
        )) as { angle: number; source?: unknown; ts?: unknown };
        expect(servo.source, '/devices/<uid>/servo.source in local mode').toBe('device');
        expect(typeof servo.ts, '/devices/<uid>/servo.ts').toBe('number');
        const lcd = (await eventually(
          '/devices/<uid>/lcd to hold the two LCD lines',
          () => s.backend.admin('GET', `devices/${s.uid}/lcd`),
          (v) => {
            const l = v as { line1?: unknown; line2?: unknown } | null;
            const [line1, line2] = s.lcd().map((x) => x.trim());
            return l?.line1 === line1 && l?.line2 === line2;
          },
        )) as { line1: string; line2: string };
        expect(lcd.line2).toMatch(new RegExp(`\\b${angle}\\b`));
      },
    );
  },
  LIMIT,
);
