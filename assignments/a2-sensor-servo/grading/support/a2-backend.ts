import { readFileSync } from 'node:fs';
import { startAuthEmulator } from '@iotkit/backend';
import { startRtdbServer } from '@iotkit/rtdb-server';
import { graderBackendEnv } from '@iotkit/grader/harness';
import { COURSE_RULES_FILE } from './kit-paths.js';

/** The local backend a graded test talks to, with the course rules on its namespace. */
export interface A2Backend {
  readonly rtdbUrl: string;
  readonly authUrl: string;
  readonly namespace: string;
  /** Admin REST access (token `owner`) to the namespace. */
  admin(method: string, path: string, value?: unknown): Promise<unknown>;
  stop(): Promise<void>;
}

/**
 * Uses the backend the grader passes (`IOTKIT_RTDB_URL`, `IOTKIT_AUTH_URL`, `IOTKIT_NAMESPACE`),
 * or starts one in this process (plain `vitest` in the assignment folder). Either way the
 * namespace gets the course rules, so a device writing outside its own subtree is refused.
 */
export async function startA2Backend(): Promise<A2Backend> {
  const env = graderBackendEnv();
  const stops: Array<() => Promise<void>> = [];
  let rtdbUrl = env.rtdbUrl;
  let authUrl = env.authUrl;
  if (!rtdbUrl) {
    const rtdb = await startRtdbServer({ port: 0, log: () => undefined });
    rtdbUrl = rtdb.url;
    stops.push(() => rtdb.close());
  }
  if (!authUrl) {
    const auth = await startAuthEmulator({ port: 0 });
    authUrl = auth.url;
    stops.push(() => auth.stop());
  }
  const namespace = env.namespace.replace(/[^a-z0-9-]/gi, '-').toLowerCase();
  const base = rtdbUrl.replace(/\/$/, '');
  const admin = async (method: string, path: string, value?: unknown): Promise<unknown> => {
    const res = await fetch(`${base}/${path}.json?ns=${namespace}&auth=owner`, {
      method,
      ...(value === undefined
        ? {}
        : {
            body: typeof value === 'string' && path.startsWith('.settings') ? value : JSON.stringify(value),
          }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path} on the local RTDB failed: ${res.status} ${text}`);
    return text === '' ? null : (JSON.parse(text) as unknown);
  };
  await admin('PUT', '.settings/rules', readFileSync(COURSE_RULES_FILE, 'utf8'));
  return {
    rtdbUrl: base,
    authUrl: authUrl.replace(/\/$/, ''),
    namespace,
    admin,
    stop: async () => {
      for (const stop of stops.reverse()) await stop();
    },
  };
}

/** Creates a device account in the Auth emulator; returns its uid. */
export async function createDeviceAccount(
  backend: A2Backend,
  email: string,
  password: string,
): Promise<string> {
  const res = await fetch(
    `${backend.authUrl}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`,
    {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, returnSecureToken: true }),
    },
  );
  const body = (await res.json()) as { localId?: string; error?: { message?: string } };
  if (!res.ok || !body.localId)
    throw new Error(`could not create the device account ${email}: ${body.error?.message ?? res.status}`);
  return body.localId;
}
