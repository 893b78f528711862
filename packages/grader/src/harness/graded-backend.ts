import { AuthClient, emulatorEndpoints } from '@iotkit/auth';
import { GraderError } from '../core/grader-error.js';
import { loadCourseRules, type RulesPatch } from './course-rules.js';
import { graderBackendEnv } from './submission-dir.js';

/** The API key devices and tests use against the Auth emulator (it accepts any). */
export const GRADED_API_KEY = 'demo-key';

/** A device or user account created for one test. */
export interface GradedAccount {
  /** Auth uid: the `{uid}` of `/devices/{uid}`. */
  readonly uid: string;
  readonly email: string;
  readonly password: string;
  /** The ID token the sign-up returned (for tests that act as this user). */
  readonly idToken: string;
  /** Its refresh token. */
  readonly refreshToken: string;
}

/** The local backend a graded suite talks to, with the course rules on its namespace. */
export interface GradedBackend {
  /** RTDB base URL, no trailing slash. */
  readonly rtdbUrl: string;
  /** Auth emulator base URL, no trailing slash. */
  readonly authUrl: string;
  /** This submission's database (`?ns=`). */
  readonly namespace: string;
  /**
   * Admin REST access (token `owner`, rules bypassed) to the namespace; resolves with the parsed
   * body, rejects naming the request and the answer on a non-2xx status.
   * @param method - GET, PUT, PATCH, POST or DELETE
   * @param path - database path without `.json`, e.g. `devices/u1/latest`
   * @param value - body for writes
   */
  admin(method: string, path: string, value?: unknown): Promise<unknown>;
  /**
   * REST request as a user (`auth=<idToken>`) or unauthenticated (no token): rules apply.
   * Resolves with status and parsed body whatever the status.
   */
  asUser(
    idToken: string | undefined,
    method: string,
    path: string,
    value?: unknown,
  ): Promise<{ status: number; body: unknown }>;
  /**
   * Creates an account in the Auth emulator (`accounts:signUp`).
   * @param password - its password
   * @param emailPrefix - start of the generated unique email (default `device`)
   */
  createAccount(password: string, emailPrefix?: string): Promise<GradedAccount>;
  /** Replaces the namespace's rules with the course rules plus `patch`. */
  installRules(patch?: RulesPatch): Promise<void>;
  /** Stops what this backend started itself (nothing, when the grader's backend was used). */
  stop(): Promise<void>;
}

/** Options of {@link startGradedBackend}. */
export interface GradedBackendOptions {
  /** A change to the course rules for this suite (see {@link RulesPatch}). */
  readonly rulesPatch?: RulesPatch;
}

let accountCounter = 0;

/**
 * Uses the backend the grader passes (`IOTKIT_RTDB_URL`, `IOTKIT_AUTH_URL`, `IOTKIT_NAMESPACE`),
 * or starts one in this process (plain `vitest` in an assignment folder). Either way the
 * namespace gets the course rules, so a device writing outside its own subtree is refused as
 * production would refuse it.
 * @param options - see {@link GradedBackendOptions}
 */
export async function startGradedBackend(options: GradedBackendOptions = {}): Promise<GradedBackend> {
  const env = graderBackendEnv();
  const stops: Array<() => Promise<void>> = [];
  let rtdbUrl = env.rtdbUrl;
  let authUrl = env.authUrl;
  try {
    // Loaded only when no backend was handed over: under the grader these never load, which
    // keeps every graded test file's start-up short.
    if (!rtdbUrl) {
      const { startRtdbServer } = await import('@iotkit/rtdb-server');
      const rtdb = await startRtdbServer({ port: 0, log: () => undefined });
      rtdbUrl = rtdb.url;
      stops.push(() => rtdb.close());
    }
    if (!authUrl) {
      const { startAuthEmulator } = await import('@iotkit/backend');
      const auth = await startAuthEmulator({ port: 0 });
      authUrl = auth.url;
      stops.push(() => auth.stop());
    }
  } catch (error) {
    for (const stop of stops.reverse()) await stop().catch(() => undefined);
    throw error;
  }
  const namespace = env.namespace.replace(/[^a-z0-9-]/gi, '-').toLowerCase();
  const base = rtdbUrl.replace(/\/$/, '');
  const auth = authUrl.replace(/\/$/, '');
  const request = async (token: string | undefined, method: string, path: string, value?: unknown) => {
    const query = `ns=${encodeURIComponent(namespace)}${token ? `&auth=${encodeURIComponent(token)}` : ''}`;
    const raw = path.startsWith('.settings');
    const res = await fetch(`${base}/${path.replace(/^\//, '')}.json?${query}`, {
      method,
      ...(value === undefined
        ? {}
        : { body: raw && typeof value === 'string' ? value : JSON.stringify(value) }),
    });
    const text = await res.text();
    let body: unknown = text;
    try {
      body = text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      // Not JSON (e.g. a plain-text error): keep the text.
    }
    return { status: res.status, body, text };
  };
  const admin = async (method: string, path: string, value?: unknown): Promise<unknown> => {
    const res = await request('owner', method, path, value);
    if (res.status < 200 || res.status > 299)
      throw new GraderError(
        'grader/backend',
        `${method} /${path} on the local RTDB failed: ${res.status} ${res.text.slice(0, 300)}`,
      );
    return res.body;
  };
  const client = new AuthClient({ endpoints: emulatorEndpoints(auth, GRADED_API_KEY) });
  const backend: GradedBackend = {
    rtdbUrl: base,
    authUrl: auth,
    namespace,
    admin,
    asUser: async (idToken, method, path, value) => {
      const { status, body } = await request(idToken, method, path, value);
      return { status, body };
    },
    createAccount: async (password, emailPrefix = 'device') => {
      accountCounter += 1;
      const email = `${emailPrefix}-${process.pid}-${Date.now().toString(36)}-${accountCounter}@example.com`;
      const session = await client.signUp({ email, password });
      return {
        uid: session.uid,
        email,
        password,
        idToken: session.idToken,
        refreshToken: session.refreshToken,
      };
    },
    installRules: async (patch) => {
      await admin('PUT', '.settings/rules', JSON.stringify(loadCourseRules(patch ?? options.rulesPatch)));
    },
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
  await backend.installRules();
  return backend;
}
