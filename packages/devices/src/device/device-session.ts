import type { DeviceEvent, HttpEvent, LcdEvent, LogEvent, ServoEvent } from '../core/device-event.js';
import { collapseTimeline, type CollapsedTimelineEntry } from '../core/timeline.js';
import { startDevice, type DeviceHandle, type StartDeviceOptions } from './start-device.js';

const SIGN_IN = /accounts:signInWithPassword/;
const AUTH_HOSTS = /identitytoolkit|securetoken|accounts:|\/token\b/;

/**
 * A running virtual device with the questions graded tests ask of it: which HTTP requests it
 * made, what the LCD shows, where the servo is. Every answer is read from the device's own
 * timeline, so a test can also judge what happened after the fact.
 */
export class DeviceSession {
  /** The device process (inputs, `waitFor`, the raw timeline). */
  readonly device: DeviceHandle;

  /** @param options - how to start the device (see {@link startDevice}) */
  constructor(options: StartDeviceOptions) {
    this.device = startDevice(options);
  }

  /**
   * Lets the device run for `ms` more of its own clock and resolves with the device time reached:
   * the wait before judging that something did not happen, measured where it happens. A loaded
   * machine stretches it in host time rather than cutting the device's turn short.
   * @param ms - device milliseconds to run for
   * @param ceilingMs - host-time ceiling (default `ms` + 20 s)
   */
  async runFor(ms: number, ceilingMs = ms + 20_000): Promise<number> {
    const now = await this.device.deviceTime(ceilingMs);
    return this.device.runUntil(now + ms, ceilingMs);
  }

  /** Every event so far, oldest first. */
  events(): DeviceEvent[] {
    return this.device.timeline().map((entry) => entry.event);
  }

  /** Every HTTP exchange the device reported so far. */
  http(): HttpEvent[] {
    return this.events().filter((e): e is HttpEvent => e.type === 'http');
  }

  /** HTTP exchanges whose URL starts with `baseUrl` (e.g. the RTDB's). */
  httpTo(baseUrl: string): HttpEvent[] {
    const base = baseUrl.replace(/\/$/, '');
    return this.http().filter(
      (e) => e.url === base || e.url.startsWith(`${base}/`) || e.url.startsWith(`${base}?`),
    );
  }

  /** Requests to Firebase Auth (Identity Toolkit or Secure Token). */
  authRequests(): HttpEvent[] {
    return this.http().filter((e) => AUTH_HOSTS.test(e.url));
  }

  /** `accounts:signInWithPassword` requests so far. */
  signIns(): HttpEvent[] {
    return this.http().filter((e) => SIGN_IN.test(e.url));
  }

  /** The angle the servo was last commanded to, if any. */
  servoAngle(): number | undefined {
    return this.events()
      .filter((e): e is ServoEvent => e.type === 'servo')
      .at(-1)?.angle;
  }

  /** The two LCD rows as last shown (`['', '']` before the first write). */
  lcd(): readonly [string, string] {
    return this.lcdHistory().at(-1) ?? ['', ''];
  }

  /** Every LCD state shown so far, oldest first. */
  lcdHistory(): Array<readonly [string, string]> {
    return this.events()
      .filter((e): e is LcdEvent => e.type === 'lcd')
      .map((e) => e.lines);
  }

  /** Log lines the firmware wrote. */
  logs(): LogEvent[] {
    return this.events().filter((e): e is LogEvent => e.type === 'log');
  }

  /** The end of the timeline with repeats folded, for feedback. */
  summary(last = 20): CollapsedTimelineEntry[] {
    return collapseTimeline(this.device.timeline(), last);
  }

  /** Stops the device (asks it to quit, then kills it). */
  async stop(): Promise<void> {
    await this.device.stop();
  }
}
