import { afterAll, beforeAll } from 'vitest';
import type { TestContext } from 'vitest';
import { eventually as pollUntil } from '@iotkit/rtdb-server';
import { startA2Session } from './a2-session.js';
import type { A2AppSettings, A2Session } from './a2-session.js';
import { startA2Backend } from './a2-backend.js';
import type { A2Backend } from './a2-backend.js';
import { buildSubmissionDevice } from './submission-device.js';

/** What every graded A2 test file shares: one backend, one build of the submission. */
export interface A2Suite {
  backend(): A2Backend;
}

/**
 * Gives the calling test file its backend: started before its first test, stopped after its last.
 * @returns the suite handle {@link withSession} takes
 */
export function useA2Backend(): A2Suite {
  let backend: A2Backend | undefined;
  beforeAll(async () => {
    backend = await startA2Backend();
  }, 180_000);
  afterAll(async () => {
    await backend?.stop();
  });
  return { backend: () => backend as A2Backend };
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

/**
 * Polls an admin read until `done` accepts it; fails naming what was awaited and what the
 * database held after `ms`.
 */
export function eventually<T>(
  what: string,
  read: () => Promise<T>,
  done: (value: T) => boolean,
  ms = 5000,
): Promise<T> {
  return pollUntil(read, done, {
    ms,
    intervalMs: 100,
    failure: (last) => `${what} within ${ms} ms; the database holds ${JSON.stringify(last)?.slice(0, 300)}`,
  });
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
