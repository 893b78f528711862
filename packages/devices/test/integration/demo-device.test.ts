// The demo firmware as a virtual device against the REAL local backend: the official Auth
// emulator and the kit's RTDB server enforcing the course rules. Also runs the C++ integration
// suite (host REST + Auth clients) against the same backend.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startAuthEmulator, type RunningAuthEmulator } from '@iotkit/backend';
import { startRtdbServer, type RunningRtdbServer } from '@iotkit/rtdb-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  firmwareDir,
  integrationTestExecutable,
  loadScenario,
  runScenario,
  startDevice,
  type DeviceConfig,
  type HttpEvent,
  type LcdEvent,
  type ServoEvent,
} from '../../src/index.js';

let auth: RunningAuthEmulator;
let rtdb: RunningRtdbServer;
const rulesFile = join(firmwareDir(), '..', 'database.rules.json');

async function createUser(email: string, password: string): Promise<string> {
  const response = await fetch(`${auth.url}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password, returnSecureToken: true }),
  });
  const body = (await response.json()) as { localId?: string };
  if (!response.ok || !body.localId) throw new Error(`signUp failed: ${JSON.stringify(body)}`);
  return body.localId;
}

async function adminGet(ns: string, path: string): Promise<unknown> {
  const response = await fetch(`${rtdb.url}/${path}.json?ns=${ns}&auth=owner`);
  return response.json();
}

async function adminPut(ns: string, path: string, value: unknown): Promise<void> {
  const response = await fetch(`${rtdb.url}/${path}.json?ns=${ns}&auth=owner`, {
    method: 'PUT',
    body: JSON.stringify(value),
  });
  expect(response.status).toBe(200);
}

function config(ns: string, email: string, app: Record<string, unknown> = {}): DeviceConfig {
  return {
    rtdbUrl: rtdb.url,
    namespace: ns,
    authUrl: auth.url,
    apiKey: 'demo-key',
    email,
    password: 'secret123',
    app,
  };
}

/** A custom token as firebase-admin would mint it, unsigned: the Auth emulator does not check signatures. */
function unsignedCustomToken(uid: string): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({
    aud: 'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit',
    iat: now,
    exp: now + 3600,
    iss: 'firebase-auth-emulator@example.com',
    sub: 'firebase-auth-emulator@example.com',
    uid,
  })}.`;
}

beforeAll(async () => {
  // The firmware is built once by test/global-setup.ts.
  const [authEmulator, server] = await Promise.all([
    startAuthEmulator({ port: 0 }),
    startRtdbServer({ port: 0, rulesFile, log: () => {} }),
  ]);
  auth = authEmulator;
  rtdb = server;
}, 900_000);

afterAll(async () => {
  await Promise.all([rtdb?.close(), auth?.stop()]);
});

describe('demo device against the local backend', () => {
  it('signs in, takes the PIN, writes and reads the RTDB, and follows the servo stream', async () => {
    const uid = await createUser('demo1@example.com', 'secret123');
    const device = startDevice({
      app: 'demo',
      config: config('dev-demo1', 'demo1@example.com', { pin: '1234', readingIntervalMs: 100 }),
    });
    try {
      await device.waitFor((e) => e.type === 'log' && e.msg === `signed in as ${uid}`, 10_000, {
        includePast: true,
      });
      await device.waitFor((e) => e.type === 'lcd' && e.lines[0] === 'Enter PIN', 5000, {
        includePast: true,
      });
      device.setIr(2048);
      device.press('1234#');
      await device.waitFor((e) => e.type === 'lcd' && e.lines[0] === 'PIN OK', 5000, { includePast: true });

      // The reading is written with a server timestamp and read back.
      const readBack = await device.waitFor(
        (e) => e.type === 'log' && e.msg.startsWith('read back ir=2048'),
        5000,
        { includePast: true },
      );
      expect(readBack.type).toBe('log');
      const latest = (await adminGet('dev-demo1', `devices/${uid}/latest`)) as { ir: number; ts: number };
      expect(latest.ir).toBe(2048);
      expect(latest.ts).toBeGreaterThan(Date.now() - 60_000);
      const readings = (await adminGet('dev-demo1', `devices/${uid}/readings`)) as Record<
        string,
        { ir: number }
      >;
      expect(Object.values(readings).map((r) => r.ir)).toEqual([2048]);

      // The device's own servo write comes back over SSE: 2048 maps to 90 degrees.
      const servo = await device.waitFor((e): e is ServoEvent => e.type === 'servo', 5000, {
        includePast: true,
      });
      expect(servo.angle).toBe(90);
      await device.waitFor(
        (e) => e.type === 'lcd' && e.lines[0] === 'IR 2048' && e.lines[1] === 'Angle 90',
        5000,
        { includePast: true },
      );

      // Someone else (here: an admin, as the cloud function would) moves the servo.
      await adminPut('dev-demo1', `devices/${uid}/servo`, {
        angle: 42,
        source: 'function',
        ts: { '.sv': 'timestamp' },
      });
      const moved = await device.waitFor((e): e is ServoEvent => e.type === 'servo' && e.angle === 42, 5000);
      expect(moved.angle).toBe(42);
      const lcd = await device.waitFor(
        (e): e is LcdEvent => e.type === 'lcd' && e.lines[1] === 'Angle 42',
        5000,
        { includePast: true },
      );
      expect(lcd.lines[0]).toBe('IR 2048');

      // Tokens never appear in the reported URLs.
      const http = device
        .timeline()
        .map((e) => e.event)
        .filter((e): e is HttpEvent => e.type === 'http');
      expect(http.some((e) => e.url.includes('/servo.json') && e.method === 'GET' && e.status === 200)).toBe(
        true,
      );
      for (const e of http.filter((x) => x.url.includes(rtdb.url)))
        expect(e.url).toContain('auth=<redacted>');
      expect((await device.stop()).code).toBe(0);
    } finally {
      await device.kill();
    }
  });

  it('rejects a wrong PIN: nothing is uploaded', async () => {
    const uid = await createUser('demo2@example.com', 'secret123');
    const device = startDevice({
      app: 'demo',
      config: config('dev-demo2', 'demo2@example.com', { pin: '1234' }),
    });
    try {
      await device.waitFor((e) => e.type === 'lcd' && e.lines[0] === 'Enter PIN', 10_000, {
        includePast: true,
      });
      device.setIr(1000);
      device.press('9999#');
      await device.waitFor((e) => e.type === 'lcd' && e.lines[1] === 'wrong PIN', 5000, {
        includePast: true,
      });
      device.press('0000#0000#');
      await device.waitFor((e) => e.type === 'lcd' && e.lines[0] === 'Locked', 5000, { includePast: true });
      expect(await adminGet('dev-demo2', `devices/${uid}`)).toBeNull();
    } finally {
      await device.stop();
    }
  });

  it('gives up with exit code 3 when the password is refused', async () => {
    await createUser('demo3@example.com', 'secret123');
    const device = startDevice({
      app: 'demo',
      config: { ...config('dev-demo3', 'demo3@example.com'), password: 'wrong-password' },
    });
    const exit = await device.exited;
    expect(exit.code).toBe(3);
    expect(device.formatTimeline()).toContain('auth/invalid-credentials');
  });

  it('runs a scenario file of inputs and expectations', async () => {
    await createUser('demo4@example.com', 'secret123');
    const device = startDevice({
      app: 'demo',
      config: config('dev-demo4', 'demo4@example.com', { pin: '1234', readingIntervalMs: 100 }),
    });
    try {
      const scenario = await loadScenario(
        join(import.meta.dirname, '..', 'fixtures', 'pin-and-reading.scenario.json'),
      );
      const result = await runScenario(device, scenario);
      expect(result.message).toBeUndefined();
      expect(result.passed).toBe(true);
    } finally {
      await device.stop();
    }
  });

  it('a failing scenario step reports which step and the timeline', async () => {
    await createUser('demo5@example.com', 'secret123');
    const device = startDevice({ app: 'demo', config: config('dev-demo5', 'demo5@example.com') });
    try {
      const result = await runScenario(device, {
        name: 'expects the impossible',
        steps: [
          { expect: { type: 'lcd', row: 0, text: 'ready' }, timeoutMs: 10_000 },
          { expect: { type: 'servo', angle: 7 }, timeoutMs: 300 },
        ],
      });
      expect(result.passed).toBe(false);
      expect(result.failedStep).toBe(1);
      expect(result.message).toContain('"angle":7');
      expect(result.message).toContain('signed in as');
    } finally {
      await device.stop();
    }
  });
});

describe('C++ host clients against the local backend', () => {
  it('passes the googletest integration suite (Auth + RTDB REST + SSE)', async () => {
    const email = 'cpp@example.com';
    await createUser(email, 'secret123');
    // The prefix query needs an index on "name", which the course rules do not declare.
    const courseRules = readFileSync(rulesFile, 'utf8');
    expect(courseRules).toContain('"devices"');
    await rtdb.putRules(
      'cpp-it',
      JSON.stringify({
        rules: {
          devices: {
            $uid: {
              '.read': 'auth != null && auth.uid === $uid',
              '.write': 'auth != null && auth.uid === $uid',
              names: { '.indexOn': ['name'] },
            },
          },
        },
      }),
    );
    const child = spawn(integrationTestExecutable(), [], {
      env: {
        ...process.env,
        IOTKIT_RTDB_URL: rtdb.url,
        IOTKIT_AUTH_URL: auth.url,
        IOTKIT_NS: 'cpp-it',
        IOTKIT_EMAIL: email,
        IOTKIT_PASSWORD: 'secret123',
        IOTKIT_CUSTOM_TOKEN: unsignedCustomToken('custom-device-1'),
        IOTKIT_CUSTOM_UID: 'custom-device-1',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    clearTimeout(timer);
    // 13 Backend tests + the ESP32 stream path (SocketStream) over a POSIX socket.
    expect(output, output).toMatch(/\[ {2}PASSED {2}\] 14 tests/);
    expect(code, output).toBe(0);
  }, 90_000);
});
