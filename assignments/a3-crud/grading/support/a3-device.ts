// What A3's graded files share: a device of the submission signed in as a fresh account, the
// keys of each menu operation, and the requests and LCD text each operation produced.
import type { TestContext } from 'vitest';
import type { HttpEvent } from '@iotkit/devices';
import { feedback, submissionDevice, withDevice } from '@iotkit/grader/harness';
import type { GradedAccount, GradedDevice, GradedSuite } from '@iotkit/grader/harness';

/** The three operations of the menu. */
export type OperationName = 'read' | 'update' | 'delete';

/** In the order the menu lists them. */
export const OPERATIONS: readonly OperationName[] = ['read', 'update', 'delete'];

/** The main menu's first LCD row (drawn by the given `a3_menu.cpp`). */
export const MENU_LINE = 'A:Read B:Thresh';

/** LCD first rows of the menu's own screens: an operation's outcome is anything else. */
const MENU_SCREENS = new Set([MENU_LINE, 'New threshold:', 'Max 4095, again', 'Delete oldest?']);

/** The threshold the update operation types unless a test says otherwise. */
export const TYPED_THRESHOLD = 1500;

/** The keys that run an operation from the main menu. */
export function operationKeys(op: OperationName, threshold = TYPED_THRESHOLD): string {
  if (op === 'read') return 'A';
  if (op === 'update') return `B${threshold}#`;
  return 'C#';
}

/** What one operation did. */
export interface OperationRun {
  readonly op: OperationName;
  /** The LCD after the operation ended (or when the wait ran out). */
  readonly lcd: readonly [string, string];
  /** Database requests the device made for it (to `rtdbUrl`). */
  readonly requests: readonly HttpEvent[];
  /** Whether it sent any database request at all (a starter's TODO sends none). */
  readonly implemented: boolean;
  /** Whether the LCD showed an outcome (false: it never changed after the keys). */
  readonly finished: boolean;
}

/** Settings of {@link withA3Device}. */
export interface A3DeviceOptions {
  /** The device's account. */
  readonly account: GradedAccount;
  /** `config.app` (e.g. `{ target: otherUid }`). */
  readonly app?: Record<string, unknown>;
  /** Another RTDB URL (a dead port, a relay) instead of the backend's. */
  readonly rtdbUrl?: string;
}

/**
 * Runs `body` with the submission's device signed in as `options.account` and showing its menu.
 * On failure the feedback gets the device's recent timeline and `hint`.
 */
export async function withA3Device(
  suite: GradedSuite,
  context: TestContext,
  options: A3DeviceOptions,
  hint: string,
  body: (device: GradedDevice) => Promise<void>,
): Promise<void> {
  const executable = await submissionDevice('a3');
  await withDevice(
    suite,
    context,
    {
      executable,
      account: options.account,
      app: options.app ?? {},
      config: {
        password: options.account.password,
        ...(options.rtdbUrl ? { rtdbUrl: options.rtdbUrl } : {}),
      },
      maxRunMs: 90_000,
    },
    hint,
    async (device) => {
      try {
        await device.device.waitFor((e) => e.type === 'lcd' && e.lines[0] === MENU_LINE, 15_000, {
          includePast: true,
        });
      } catch {
        throw new Error(
          `the device never showed its menu ("${MENU_LINE}") after boot; the LCD shows "${device.lcd()[0]}" / "${device.lcd()[1]}"`,
        );
      }
      await body(device);
    },
  );
}

/**
 * Runs one operation from the main menu: goes back to the menu (`D`) if needed, presses the
 * operation's keys and waits for the LCD to show an outcome. Never throws for a wrong outcome:
 * the caller judges the {@link OperationRun}.
 * @param device - the running device
 * @param op - which operation
 * @param rtdbUrl - whose requests count (default the backend's RTDB)
 * @param threshold - the value the update types
 */
export async function runOperation(
  device: GradedDevice,
  op: OperationName,
  rtdbUrl = device.backend.rtdbUrl,
  threshold = TYPED_THRESHOLD,
): Promise<OperationRun> {
  if (device.lcd()[0] !== MENU_LINE) {
    device.device.press('D');
    await device.device.waitFor((e) => e.type === 'lcd' && e.lines[0] === MENU_LINE, 5000, {
      includePast: false,
    });
  }
  const before = device.httpTo(rtdbUrl).length;
  device.device.press(operationKeys(op, threshold));
  let finished = true;
  try {
    await device.device.waitFor((e) => e.type === 'lcd' && !MENU_SCREENS.has(e.lines[0]), 10_000);
  } catch {
    finished = false;
  }
  const requests = device.httpTo(rtdbUrl).slice(before);
  return { op, lcd: device.lcd(), requests, implemented: requests.length > 0, finished };
}

/** `"line 1" / "line 2"`, as feedback shows an LCD. */
export function showLcd(lcd: readonly [string, string]): string {
  return `"${lcd[0]}" / "${lcd[1]}"`;
}

/** `GET /devices/u/readings?orderBy=…` lines for feedback (no host, no namespace or token). */
export function showRequests(requests: readonly HttpEvent[]): string {
  if (requests.length === 0) return 'no database request';
  return requests
    .map((r) => {
      const url = new URL(r.url);
      const query = [...url.searchParams.entries()].filter(([k]) => k !== 'ns' && k !== 'auth');
      return `${r.method} ${decodeURIComponent(url.pathname)}${query.length ? `?${query.map(([k, v]) => `${k}=${v}`).join('&')}` : ''} -> ${r.status || r.error || 'no answer'}`;
    })
    .join(', ');
}

/**
 * Fails the test with expected / actual in the feedback (and `hint` when given) unless `ok`.
 * @param context - the test context
 * @param ok - the condition
 * @param fb - expected, actual and optionally a hint
 */
export function expectThat(
  context: TestContext,
  ok: boolean,
  fb: { expected: string; actual: string; hint?: string },
): void {
  if (ok) return;
  feedback(context, fb);
  // Expected and got are in the feedback; the message only names the gap.
  throw new Error(`not as the README describes: expected ${fb.expected}`);
}
