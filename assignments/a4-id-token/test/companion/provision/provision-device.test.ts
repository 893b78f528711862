// Provisioning against the official Auth emulator: the user signs in here, the device store gets
// the tokens, and the command line shows the claims but never the refresh token.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthClient, emulatorEndpoints } from '@iotkit/auth';
import { startAuthEmulator } from '@iotkit/backend';
import { readDeviceStore } from '../../../companion/provision/src/device-store-file.js';
import { provisionDevice } from '../../../companion/provision/src/provision-device.js';
import { A4_ROOT } from '../../../src/a4-paths.js';

let emulator: { url: string; stop(): Promise<void> };
const dir = mkdtempSync(join(tmpdir(), 'a4-provision-test-'));

beforeAll(async () => {
  emulator = await startAuthEmulator({ port: 0 });
}, 120_000);
afterAll(async () => {
  await emulator?.stop();
  rmSync(dir, { recursive: true, force: true });
});

const handoffIn = (file: string): { idToken: string; refreshToken: string; expiresAt: number } =>
  JSON.parse(readDeviceStore(file)['token_handoff'] ?? 'null') as {
    idToken: string;
    refreshToken: string;
    expiresAt: number;
  };

describe('provisionDevice', () => {
  it('signs the user in and puts working tokens into the device store', async () => {
    const storeFile = join(dir, 'store-a.json');
    const result = await provisionDevice({
      authUrl: emulator.url,
      apiKey: 'demo-key',
      email: 'a4-test-user@example.com',
      password: 'laptop-secret',
      createIfMissing: true,
      target: { storeFile },
    });
    expect(result.summary.sub).toBe(result.uid);
    expect(result.summary.signInProvider).toBe('password');
    expect(result.expiresAt).toBeGreaterThan(Date.now() + 50 * 60_000);
    const handoff = handoffIn(storeFile);
    expect(handoff.expiresAt).toBe(Math.floor(result.expiresAt));
    // The refresh token is a real one: the Secure Token API renews it for the same user.
    const client = new AuthClient({ endpoints: emulatorEndpoints(emulator.url, 'demo-key') });
    expect((await client.refresh(handoff.refreshToken)).uid).toBe(result.uid);
  });

  it('refuses a wrong password with a4/sign-in-failed and writes nothing', async () => {
    const storeFile = join(dir, 'store-b.json');
    await expect(
      provisionDevice({
        authUrl: emulator.url,
        apiKey: 'demo-key',
        email: 'a4-test-user@example.com',
        password: 'wrong-password',
        target: { storeFile },
      }),
    ).rejects.toMatchObject({ code: 'a4/sign-in-failed' });
    expect(readDeviceStore(storeFile)).toEqual({});
  });

  it('names --create when the account does not exist', async () => {
    await expect(
      provisionDevice({
        authUrl: emulator.url,
        apiKey: 'demo-key',
        email: 'nobody-here@example.com',
        password: 'whatever1',
        target: { storeFile: join(dir, 'store-c.json') },
      }),
    ).rejects.toThrow(/--create/);
  });
});

function runProvision(args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('pnpm', ['--silent', 'provision', ...args], {
      cwd: A4_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => (output += c.toString('utf8')));
    child.on('error', (error) =>
      reject(new Error(`cannot run pnpm (${error.message}): install it with \`npm install -g pnpm@12.4.2\``)),
    );
    child.on('close', (code) => resolve({ code, output }));
  });
}

describe('pnpm provision', () => {
  it('prints the header and claims, never the refresh token', async () => {
    const storeFile = join(dir, 'store-cli.json');
    const run = await runProvision([
      '--store',
      storeFile,
      '--email',
      'a4-cli-user@example.com',
      '--password',
      'laptop-secret',
      '--create',
      '--auth-url',
      emulator.url,
    ]);
    expect(run.code, run.output).toBe(0);
    for (const claim of [
      'ID token header',
      'iss',
      'aud',
      'sub',
      'exp',
      'firebase.sign_in_provider  password',
    ])
      expect(run.output).toContain(claim);
    const handoff = handoffIn(storeFile);
    expect(run.output).not.toContain(handoff.refreshToken);
    expect(run.output).not.toContain(handoff.idToken.split('.')[1]);
  }, 60_000);

  it('exits 2 with the usage when neither --store nor --serial is given', async () => {
    const run = await runProvision(['--email', 'x@example.com', '--password', 'p']);
    expect(run.code).toBe(2);
    expect(run.output).toContain('exactly one of --store or --serial');
  }, 60_000);
});
