import { randomBytes } from 'node:crypto';
import type { TestContext } from 'vitest';
import { startDevice } from '@iotkit/devices';
import type { DeviceEvent, DeviceHandle, HttpEvent, LcdEvent, ServoEvent } from '@iotkit/devices';
import { feedback } from '@iotkit/grader/harness';
import type { TimelineEntry } from '@iotkit/grader/harness';
import { createDeviceAccount } from './a2-backend.js';
import type { A2Backend } from './a2-backend.js';

/** The device password typed on the keypad in every session (digits only). */
export const DEVICE_PASSWORD = '246810';

/** App settings the tests pass in the device config (`app`). */
export interface A2AppSettings {
  mode?: 'local' | 'function';
  readingIntervalMs?: number;
  maxAttempts?: number;
  lockoutMs?: number;
}

/** One submission device with its own account (so its own `/devices/{uid}` subtree). */
export interface A2Session {
  readonly device: DeviceHandle;
  readonly uid: string;
  readonly backend: A2Backend;
  /** Every HTTP exchange the device reported so far. */
  http(): HttpEvent[];
  /** HTTP exchanges with the RTDB (not Auth). */
  rtdbHttp(): HttpEvent[];
  /** Sign-in requests sent to Auth so far. */
  signIns(): HttpEvent[];
  /** The angle the servo was last commanded to. */
  servoAngle(): number | undefined;
  /** The LCD rows as last shown. */
  lcd(): readonly [string, string];
  /** Types the right password and waits until Auth accepted it. */
  login(): Promise<void>;
  /** Sets the IR value and waits until the servo shows `angle` (resolves at once if it already does). */
  expectServo(ir: number, angle: number, timeoutMs?: number): Promise<void>;
  /** Attaches the recent device timeline to the test's feedback. */
  explain(context: TestContext, fb: { expected?: string; actual?: string; hint?: string }): void;
  stop(): Promise<void>;
}

const isSignIn = (e: HttpEvent): boolean => e.url.includes('accounts:signInWithPassword');

/** Creates a fresh device account and starts the submission's device for it. */
export async function startA2Session(
  backend: A2Backend,
  executable: string,
  settings: A2AppSettings = {},
): Promise<A2Session> {
  const email = `a2-${randomBytes(5).toString('hex')}@example.com`;
  const uid = await createDeviceAccount(backend, email, DEVICE_PASSWORD);
  const events: DeviceEvent[] = [];
  const device = startDevice({
    executable,
    maxRunMs: 90_000,
    onEvent: (e) => events.push(e),
    config: {
      rtdbUrl: backend.rtdbUrl,
      namespace: backend.namespace,
      authUrl: backend.authUrl,
      apiKey: 'demo-key',
      email,
      app: { mode: 'local', readingIntervalMs: 250, maxAttempts: 3, lockoutMs: 30_000, ...settings },
    },
  });
  const http = (): HttpEvent[] => events.filter((e): e is HttpEvent => e.type === 'http');
  const servoAngle = (): number | undefined =>
    events.filter((e): e is ServoEvent => e.type === 'servo').at(-1)?.angle;
  const lcd = (): readonly [string, string] =>
    events.filter((e): e is LcdEvent => e.type === 'lcd').at(-1)?.lines ?? ['', ''];
  const session: A2Session = {
    device,
    uid,
    backend,
    http,
    rtdbHttp: () => http().filter((e) => e.url.startsWith(backend.rtdbUrl)),
    signIns: () => http().filter(isSignIn),
    servoAngle,
    lcd,
    login: async () => {
      device.press(`${DEVICE_PASSWORD}#`);
      await device.waitFor((e) => e.type === 'http' && isSignIn(e) && e.status === 200, 8000, {
        includePast: true,
      });
    },
    expectServo: async (ir, angle, timeoutMs = 4000) => {
      device.setIr(ir);
      if (servoAngle() === angle) return;
      try {
        await device.waitFor((e) => e.type === 'servo' && e.angle === angle, timeoutMs);
      } catch (error) {
        const now = servoAngle();
        throw new Error(
          `IR ${ir}: expected the servo at ${angle}°, it is at ${now === undefined ? 'no angle yet' : `${now}°`} after ${timeoutMs} ms`,
          { cause: error },
        );
      }
    },
    explain: (context, fb) => {
      const timeline: TimelineEntry[] = device
        .timeline()
        .slice(-40)
        .map(({ at, event }) => ({
          t: Math.round(at),
          kind: event.type,
          text: describe(event),
        }));
      feedback(context, { ...fb, timeline });
    },
    stop: async () => {
      await device.stop();
    },
  };
  return session;
}

function describe(e: DeviceEvent): string {
  switch (e.type) {
    case 'lcd':
      return `LCD "${e.lines[0]}" / "${e.lines[1]}"`;
    case 'servo':
      return `servo ${e.angle}°`;
    case 'http':
      return `${e.method} ${e.url.replace(/^https?:\/\/[^/]+/, '')} -> ${e.status}${e.error ? ` (${e.error})` : ''}`;
    case 'log':
      return `${e.level}: ${e.msg}`;
    case 'boot':
      return `boot ${e.app}`;
    case 'exit':
      return `exit code ${e.code}${e.signal ? ` signal ${e.signal}` : ''}`;
  }
}
