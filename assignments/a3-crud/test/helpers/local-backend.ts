import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { AuthClient, emulatorEndpoints } from '@iotkit/auth';
import { startAuthEmulator } from '@iotkit/backend';
import { startRtdbServer } from '@iotkit/rtdb-server';
import { adminRest } from '../../src/demo-data.js';
import type { AdminRest } from '../../src/demo-data.js';

/** The repository's course rules, which the page tests install as the grader does. */
const COURSE_RULES = fileURLToPath(new URL('../../../../database.rules.json', import.meta.url));

/** A device account for a test. */
export interface TestAccount {
  readonly uid: string;
  readonly email: string;
  readonly password: string;
}

/** The real local backend for the kit's own tests of A3: RTDB + Auth emulator, course rules on. */
export interface TestBackend {
  readonly rtdbUrl: string;
  readonly authUrl: string;
  readonly namespace: string;
  readonly admin: AdminRest;
  createAccount(password: string): Promise<TestAccount>;
  stop(): Promise<void>;
}

let counter = 0;

/** Starts the kit's RTDB server and the official Auth emulator on free loopback ports. */
export async function startTestBackend(namespace = 'a3-test'): Promise<TestBackend> {
  const [rtdb, auth] = await Promise.all([
    startRtdbServer({ port: 0, log: () => undefined }),
    startAuthEmulator({ port: 0 }),
  ]);
  const rtdbUrl = rtdb.url.replace(/\/$/, '');
  const authUrl = auth.url.replace(/\/$/, '');
  const res = await fetch(`${rtdbUrl}/.settings/rules.json?ns=${namespace}&auth=owner`, {
    method: 'PUT',
    body: readFileSync(COURSE_RULES, 'utf8'),
  });
  if (!res.ok) throw new Error(`installing the course rules failed: ${res.status} ${await res.text()}`);
  const client = new AuthClient({ endpoints: emulatorEndpoints(authUrl, 'demo-key') });
  return {
    rtdbUrl,
    authUrl,
    namespace,
    admin: adminRest(rtdbUrl, namespace),
    createAccount: async (password) => {
      counter += 1;
      const email = `a3-test-${process.pid}-${counter}@example.com`;
      const session = await client.signUp({ email, password });
      return { uid: session.uid, email, password };
    },
    stop: async () => {
      await rtdb.close();
      await auth.stop();
    },
  };
}
