// Assignment 2, public graded tests: students run these with `pnpm iotkit check a2`.
// Each test starts the submission's firmware as a virtual device with a fresh account.
import { expect } from 'vitest';
import { mapToAngle } from '@iotkit/mapping';
import { eventually, graded } from '@iotkit/grader/harness';
import { DEVICE_PASSWORD, expectServo, login, useA2Backend, withA2Device } from '../support/a2-device.js';

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
  10,
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
  'login: a wrong password is rejected with a message, then a retry works',
  10,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'on a failed sign-in show e.g. "Wrong password", clear the entry and let the user type again',
      async (s) => {
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
  15,
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
  'lcd: shows the reading and the angle',
  10,
  async (context) => {
    await withA2Device(
      suite,
      context,
      {},
      'line 1 "IR <reading>", line 2 "Angle <angle>", with the angle the servo got',
      async (s) => {
        s.device.setIr(2600);
        await login(s);
        // Consistent = one row shows the reading, one the angle the servo was last given.
        const consistent = (): boolean => {
          const angle = s.servoAngle();
          const text = s.lcd().join(' | ');
          return angle !== undefined && /\b2600\b/.test(text) && new RegExp(`\\b${angle}\\b`).test(text);
        };
        if (!consistent()) await s.device.waitFor(() => consistent(), 4000);
      },
    );
  },
  LIMIT,
);
