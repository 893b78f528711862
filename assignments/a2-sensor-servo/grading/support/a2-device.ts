// What A2's graded tests share beyond the kit's harness: the keypad password, the app settings,
// the rules patch, and the two steps most tests start with (sign in, move the servo).
import { beforeAll } from 'vitest';
import type { TestContext } from 'vitest';
import {
  PrerequisiteError,
  prerequisite,
  submissionDevice,
  useBackend,
  withDevice,
} from '@iotkit/grader/harness';
import type { GradedDevice, GradedSuite, RulesPatch } from '@iotkit/grader/harness';

/** The device password typed on the keypad in every session (digits only). */
export const DEVICE_PASSWORD = '246810';

/** App settings the tests pass in the device config (`app`). */
export interface A2AppSettings {
  mode?: 'local' | 'function';
  readingIntervalMs?: number;
  maxAttempts?: number;
  lockoutMs?: number;
}

/**
 * The course rules with the server timestamp left unchecked: only the bonus test grades `ts`,
 * so a device that writes a client time must still earn the other rows.
 */
const TIMESTAMP_LEFT_TO_BONUS: RulesPatch = {
  devices: {
    $uid: {
      readings: {
        $reading: { '.validate': "newData.hasChildren(['ir'])", ts: { '.validate': 'newData.isNumber()' } },
      },
      latest: { '.validate': "newData.hasChildren(['ir'])", ts: { '.validate': 'newData.isNumber()' } },
    },
  },
};

/** Ceiling for compiling the submission's firmware, shared machine and build lock included. */
const BUILD_LIMIT_MS = 360_000;

/**
 * The backend of an A2 graded file. The submission's firmware is compiled before the first test
 * (once per file), so a slow build on a busy machine is not charged to that test's own time
 * limit; a compile error is not raised here but by every test, with the compiler's message.
 */
export function useA2Backend(): GradedSuite {
  const suite = useBackend({ rulesPatch: TIMESTAMP_LEFT_TO_BONUS });
  beforeAll(async () => {
    await submissionDevice('a2').catch(() => undefined);
  }, BUILD_LIMIT_MS);
  return suite;
}

const isSignIn = (url: string): boolean => url.includes('accounts:signInWithPassword');

/** Most tests need a signed-in device: when sign-in fails, they say so once and point at the keypad code. */
const SIGNED_IN = prerequisite({ name: 'signed in', startWith: '`A2App::onKey` / `submitPassword`' });

/** What the device did instead of signing in, in the student's terms. */
function signInMissing(device: GradedDevice): string {
  const answers = device.device
    .timeline()
    .flatMap(({ event }) => (event.type === 'http' && isSignIn(event.url) ? [event.status] : []));
  if (answers.length === 0) return 'after typing the password and #, no sign-in request was sent';
  return `after typing the password and #, the sign-in request was answered ${answers.join(', ')} (not 200): Auth refused the email and password sent, which must be the configured email and exactly the digits typed since the last attempt`;
}

/**
 * For a test that cannot pass without a sign-in but has work to do first: fails at once when the
 * sign-in already failed in an earlier test, so a device that never signs in costs no waiting.
 */
export function needsSignIn(): void {
  SIGNED_IN.check();
}

/** Types the right password and waits until Auth accepted it. */
export async function login(device: GradedDevice): Promise<void> {
  await SIGNED_IN.establish(
    async () => {
      device.device.press(`${DEVICE_PASSWORD}#`);
      await device.device.waitFor((e) => e.type === 'http' && isSignIn(e.url) && e.status === 200, 8000, {
        includePast: true,
      });
    },
    () => signInMissing(device),
  );
}

/** The mode each running graded device was started in (what moves its servo). */
const modes = new WeakMap<GradedDevice, 'local' | 'function'>();

/**
 * Why a servo never moved, from what the database holds: the reading never reached `latest`
 * (sending), the function wrote no angle (function mode), or the device ignored what it streamed.
 */
async function servoNeverMoved(
  device: GradedDevice,
  ir: number,
  timeoutMs: number,
): Promise<PrerequisiteError> {
  const read = (child: string): Promise<unknown> =>
    device.backend.admin('GET', `devices/${device.uid}/${child}`).catch(() => undefined);
  const never = `IR ${ir}: the servo never moved within ${timeoutMs} ms of the reading`;
  const latest = (await read('latest')) as { ir?: unknown } | null | undefined;
  if (latest?.ir !== ir)
    return new PrerequisiteError(
      `${never}, and /devices/<uid>/latest does not hold it (it holds ${JSON.stringify(latest ?? null)})`,
      'start with `A2App::sendReading` (push the reading, then set /devices/<uid>/latest): the servo follows latest',
    );
  if (modes.get(device) === 'function') {
    const servo = (await read('servo')) as { source?: unknown } | null | undefined;
    if (servo?.source !== 'function')
      return new PrerequisiteError(
        `${never}: /devices/<uid>/latest holds it, but no function angle arrived in /devices/<uid>/servo (it holds ${JSON.stringify(servo ?? null)})`,
        'the cloud function in `companion/functions/src/index.ts` must write {angle, source: "function"} to /devices/{uid}/servo when latest changes',
      );
  }
  return new PrerequisiteError(
    never,
    'start with `A2App::onChange` (read ir from the stream event) and `publishOutputs` (servo.write)',
  );
}

/** Sets the IR value and waits until the servo shows `angle` (at once if it already does). */
export async function expectServo(
  device: GradedDevice,
  ir: number,
  angle: number,
  timeoutMs = 4000,
): Promise<void> {
  device.device.setIr(ir);
  if (device.servoAngle() === angle) return;
  try {
    await device.device.waitFor((e) => e.type === 'servo' && e.angle === angle, timeoutMs);
  } catch (error) {
    const now = device.servoAngle();
    // A servo that never moved is a missing step, not a mapping mistake: say so and where to start.
    if (now === undefined) throw await servoNeverMoved(device, ir, timeoutMs);
    throw new Error(
      `IR ${ir}: expected the servo at ${angle}°, it is at ${now === undefined ? 'no angle yet' : `${now}°`} after ${timeoutMs} ms`,
      { cause: error },
    );
  }
}

/**
 * Runs `body` with the submission's A2 device on a fresh account (its own `/devices/{uid}`),
 * default settings overridden by `settings`; on failure the feedback gets the hint and timeline.
 */
export async function withA2Device(
  suite: GradedSuite,
  context: TestContext,
  settings: A2AppSettings,
  hint: string,
  body: (device: GradedDevice) => Promise<void>,
): Promise<void> {
  const executable = await submissionDevice('a2');
  const account = await suite.backend().createAccount(DEVICE_PASSWORD, 'a2');
  await withDevice(
    suite,
    context,
    {
      executable,
      account,
      maxRunMs: 90_000,
      app: { mode: 'local', readingIntervalMs: 250, maxAttempts: 3, lockoutMs: 30_000, ...settings },
    },
    hint,
    async (device) => {
      modes.set(device, settings.mode ?? 'local');
      await body(device);
    },
  );
}
