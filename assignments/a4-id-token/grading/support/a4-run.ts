import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { beforeAll, type TestContext } from 'vitest';
import type { HttpEvent } from '@iotkit/devices';
import {
  GradedDevice,
  failureText,
  submissionDevice,
  submissionDir,
  useBackend,
} from '@iotkit/grader/harness';
import type { GradedAccount, GradedSuite } from '@iotkit/grader/harness';
import { startShortTokenRelay, type ShortTokenRelay } from './short-token-relay.js';

/** The store key the firmware reads a hand-over from (`iotkit::kTokenHandoffKey`). */
export const HANDOFF_KEY = 'token_handoff';

/** Folder of the submission that holds the tests' device stores while they run. */
export const STORES_FOLDER = '.device-stores';

/** App settings of the A4 device in the tests (`config.app`). */
export interface A4Settings {
  readingIntervalMs?: number;
  refreshMarginMs?: number;
}

/**
 * One test's world: a user account, a short-token relay in front of the Auth emulator, and a
 * persistent store file that outlives device processes, so stopping a device and starting
 * another on the same file is a reboot.
 */
export interface A4Run {
  readonly account: GradedAccount;
  readonly relay: ShortTokenRelay;
  /** The device's store file (`IOTKIT_STORE_FILE`). */
  readonly storeFile: string;
  /** The device of the current boot (the last one started). */
  device(): GradedDevice;
  /** Every device started in this run, oldest first. */
  boots(): readonly GradedDevice[];
  /** Starts (or, when one runs, reboots) the device on the same store. */
  boot(): Promise<GradedDevice>;
  /** Writes a hand-over into the store, as `pnpm provision --store` does. */
  provision(options?: { refusedByServer?: boolean; expiresAt?: number; refreshToken?: string }): void;
  /** `/devices/{uid}/<path>` read with admin rights. */
  read(path: string): Promise<unknown>;
}

/**
 * The backend of an A4 graded file, and the submission's firmware built before the first test:
 * builds of several submissions share one build folder under a lock, so on a busy grading machine
 * the wait can outlast a test's time limit. A compile error is not reported here: every test asks
 * for the build again and fails with the compiler's message as its feedback.
 */
export function useA4Suite(): GradedSuite {
  const suite = useBackend();
  beforeAll(async () => {
    await submissionDevice('a4').catch(() => undefined);
  }, 600_000);
  return suite;
}

/** Requests to the Secure Token API (refresh). */
export function tokenRequests(events: readonly HttpEvent[]): HttpEvent[] {
  return events.filter((e) => e.url.includes('securetoken.googleapis.com'));
}

/** Requests that sign in with a password, sign up, or sign in with a custom token. */
export function forbiddenSignIns(events: readonly HttpEvent[]): HttpEvent[] {
  return events.filter((e) => /accounts:(signInWithPassword|signUp|signInWithCustomToken)/.test(e.url));
}

/** Every HTTP event of every boot, in order. */
export function allHttp(run: A4Run): HttpEvent[] {
  return run.boots().flatMap((d) => d.http());
}

/**
 * Waits until the device renewed its ID token `count` times through the relay; fails naming what
 * the device did instead (no refresh at all, or refused ones).
 * @param run - the test's run
 * @param count - successful refreshes awaited
 * @param ms - ceiling
 * @param what - what they are for, in the student's words
 */
export async function waitForRefreshes(run: A4Run, count: number, ms: number, what: string): Promise<void> {
  const deadline = performance.now() + ms;
  for (;;) {
    const all = run.relay.refreshes();
    if (all.filter((r) => r.status === 200).length >= count) return;
    if (performance.now() >= deadline) {
      const refused = all.filter((r) => r.status !== 200);
      const got =
        all.length === 0
          ? 'the device sent no refresh request to the Secure Token API'
          : `the device sent ${all.length} refresh request(s), ${refused.length} refused${refused[0]?.error ? ` (${refused[0].error})` : ''}`;
      throw new Error(`expected ${count} successful token refresh(es) ${what} within ${ms} ms; ${got}`);
    }
    await sleep(100);
  }
}

/** Resolves after `ms` (the device runs on its own meanwhile). */
function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `body` with a fresh {@link A4Run}. On failure the feedback gets the error text, `hint`
 * and the current device's recent timeline; devices, relay and store are always cleaned up.
 * @param suite - from `useBackend()`
 * @param context - the test context
 * @param options - ID token lifetime at the relay (s) and the device's app settings
 * @param hint - what to look at when this test fails
 * @param body - the test
 */
export async function withA4Run(
  suite: GradedSuite,
  context: TestContext,
  options: { lifetimeS: number; app?: A4Settings },
  hint: string,
  body: (run: A4Run) => Promise<void>,
): Promise<void> {
  const backend = suite.backend();
  const executable = await submissionDevice('a4');
  const account = await backend.createAccount('laptop-only-password', 'a4-user');
  const relay = await startShortTokenRelay(backend.authUrl, options.lifetimeS);
  // The device runs in the submission's sandbox, where only the submission folder is writable:
  // the store lives there (removed after the test), and the sandbox user must be able to replace it.
  const storesDir = join(realpathSync(submissionDir()), STORES_FOLDER);
  mkdirSync(storesDir, { recursive: true, mode: 0o777 });
  const dir = mkdtempSync(join(storesDir, 'run-'));
  chmodSync(dir, 0o777);
  const storeFile = join(dir, 'device-store.json');
  const boots: GradedDevice[] = [];
  const run: A4Run = {
    account,
    relay,
    storeFile,
    device: () => {
      const last = boots.at(-1);
      if (!last) throw new Error('no device started yet');
      return last;
    },
    boots: () => boots,
    boot: async () => {
      const running = boots.at(-1);
      if (running) await running.stop();
      const device = new GradedDevice(backend, {
        executable,
        maxRunMs: 120_000,
        env: { IOTKIT_STORE_FILE: storeFile },
        app: { readingIntervalMs: 250, ...options.app },
        // No e-mail, no password, no custom token: the device only ever gets tokens.
        config: { authUrl: relay.url },
      });
      boots.push(device);
      return device;
    },
    provision: (p = {}) => {
      const handoff = relay.handoff(account, p);
      const line = JSON.stringify({
        ...handoff,
        ...(p.refreshToken ? { refreshToken: p.refreshToken } : {}),
      });
      const temp = `${storeFile}.tmp-test`;
      const store = existsSync(storeFile)
        ? (JSON.parse(readFileSync(storeFile, 'utf8')) as Record<string, string>)
        : {};
      writeFileSync(temp, JSON.stringify({ ...store, [HANDOFF_KEY]: line }));
      chmodSync(temp, 0o666);
      renameSync(temp, storeFile);
    },
    read: (path) => backend.admin('GET', `devices/${account.uid}/${path}`),
  };
  try {
    await body(run);
  } catch (error) {
    const last = boots.at(-1);
    const prev = context.task.meta.feedback;
    const fb = {
      ...(prev?.expected === undefined ? {} : { expected: prev.expected }),
      actual: prev?.actual ?? failureText(error),
      hint: prev?.hint ?? hint,
    };
    if (last) last.explain(context, fb);
    throw error;
  } finally {
    for (const device of boots) await device.stop().catch(() => undefined);
    await relay.close();
    rmSync(dir, { recursive: true, force: true });
    try {
      rmdirSync(storesDir); // only when no other test's store is left in it
    } catch {
      // another file's test still runs: it removes the folder
    }
  }
}
