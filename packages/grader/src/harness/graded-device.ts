import type { TestContext } from 'vitest';
import { DeviceSession } from '@iotkit/devices';
import type { DeviceConfig, HttpEvent } from '@iotkit/devices';
import type { TimelineEntry } from '../core/result-model.js';
import { sandboxLauncher } from '../sandbox/sandbox-launcher.js';
import { feedback } from './graded.js';
import { refusalNotes } from './refusal-notes.js';
import { GRADED_API_KEY, type GradedAccount, type GradedBackend } from './graded-backend.js';

/** What a graded device session runs and as whom. */
export interface GradedDeviceOptions {
  /** The device executable (see `submissionDevice`). */
  readonly executable: string;
  /** The account whose email goes in the device config, if any. */
  readonly account?: GradedAccount | undefined;
  /** The assignment's own settings (`config.app`). */
  readonly app?: Record<string, unknown> | undefined;
  /** Other config fields to set or override (e.g. `customToken`). */
  readonly config?: Partial<DeviceConfig> | undefined;
  /** Hard limit of the device process (default 120 s). */
  readonly maxRunMs?: number | undefined;
  /** Extra environment variables for the device. */
  readonly env?: Record<string, string> | undefined;
}

/** Feedback for a failed graded test; the device's timeline is added by {@link GradedDevice.explain}. */
export interface DeviceFeedback {
  readonly expected?: string | undefined;
  readonly actual?: string | undefined;
  readonly hint?: string | undefined;
}

/**
 * A submission's virtual device in a graded test, connected to the suite's backend: the
 * {@link DeviceSession} questions plus the account it runs as and the feedback it gives.
 */
export class GradedDevice extends DeviceSession {
  /** The backend it talks to. */
  readonly backend: GradedBackend;
  /** The account in its config, if any. */
  readonly account: GradedAccount | undefined;

  /**
   * @param backend - the suite's backend
   * @param options - see {@link GradedDeviceOptions}
   */
  constructor(backend: GradedBackend, options: GradedDeviceOptions) {
    super({
      executable: options.executable,
      // the firmware is student code: it runs in the submission's sandbox, like everything else of it
      wrap: sandboxLauncher(),
      maxRunMs: options.maxRunMs ?? 120_000,
      ...(options.env ? { env: options.env } : {}),
      config: {
        rtdbUrl: backend.rtdbUrl,
        namespace: backend.namespace,
        authUrl: backend.authUrl,
        apiKey: GRADED_API_KEY,
        ...(options.account ? { email: options.account.email } : {}),
        ...(options.app ? { app: options.app } : {}),
        ...options.config,
      },
    });
    this.backend = backend;
    this.account = options.account;
  }

  /** The account's uid (the `{uid}` of `/devices/{uid}`); throws when the device has no account. */
  get uid(): string {
    if (!this.account) throw new Error('this graded device was started without an account');
    return this.account.uid;
  }

  /** HTTP exchanges with the RTDB (not Auth). */
  rtdbHttp(): HttpEvent[] {
    return this.httpTo(this.backend.rtdbUrl);
  }

  /**
   * Attaches expected/actual/hint and the device's recent timeline (repeats folded) to the
   * running test's feedback.
   * @param context - the test context
   * @param fb - what was expected, what happened, what to look at
   */
  explain(context: TestContext, fb: DeviceFeedback): void {
    const timeline: TimelineEntry[] = this.summary(30).map((line) => ({
      t: Math.round(line.at),
      kind: line.kind,
      text: line.repeat > 1 ? `${line.text}  ×${line.repeat}` : line.text,
    }));
    const notes = refusalNotes(this.rtdbHttp(), this.account?.uid);
    feedback(context, {
      ...(fb.expected !== undefined ? { expected: fb.expected } : {}),
      ...(fb.actual !== undefined ? { actual: fb.actual } : {}),
      ...(fb.hint !== undefined ? { hint: fb.hint } : {}),
      ...(notes.length > 0 ? { notes } : {}),
      timeline,
    });
  }
}

/**
 * The part of an error message a student needs: a device timeout's embedded timeline is dropped
 * (the feedback carries a folded one), everything else is kept whole.
 * @param error - what the test threw
 */
export function failureText(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const cut = message.search(/;? ?recent timeline:|\n\[\s*\d+ ms\]/);
  return (cut >= 0 ? message.slice(0, cut) : message).trim();
}
