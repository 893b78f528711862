import type { TestContext } from 'vitest';
import { startA2Session } from './a2-session.js';
import type { A2AppSettings, A2Session } from './a2-session.js';
import type { A2Backend } from './a2-backend.js';
import { buildSubmissionDevice } from './submission-device.js';

/** What every graded A2 test file shares: one backend, one build of the submission. */
export interface A2Suite {
  backend(): A2Backend;
}

/**
 * Runs `body` with a fresh device session (new account, new device process). On failure the
 * device's recent timeline goes into the feedback, with `hint`; the device is always stopped.
 */
export async function withSession(
  suite: A2Suite,
  context: TestContext,
  settings: A2AppSettings,
  hint: string,
  body: (session: A2Session) => Promise<void>,
): Promise<void> {
  const executable = await buildSubmissionDevice();
  const session = await startA2Session(suite.backend(), executable, settings);
  try {
    await body(session);
  } catch (error) {
    session.explain(context, { actual: (error as Error).message.split('\n')[0] ?? String(error), hint });
    throw error;
  } finally {
    await session.stop();
  }
}

/** Polls an admin read until `done` accepts it; fails with the last value after `ms`. */
export async function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 5000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline)
      throw new Error(`${what} within ${ms} ms; the database holds ${JSON.stringify(value)?.slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
