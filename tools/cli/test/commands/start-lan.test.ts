// `iotkit start --lan` against the real RTDB server and Auth emulator. Requests go only to this
// machine: its own LAN address (or one on a veth pair into a namespace the test creates) and loopback.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finished, signalGroup, spawnIotkit } from '../helpers/run-iotkit.js';
import { lanTestAddress } from '../helpers/lan-test-address.js';

const lan = lanTestAddress();
const dataDir = mkdtempSync(join(tmpdir(), 'iotkit-lan-'));
afterAll(() => {
  lan.cleanup();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Starts the backend only, on free ports, and waits until it says it is up. */
async function startBackend(extra: string[]) {
  const child = spawnIotkit([
    'start',
    '--backend-only',
    '--auth-port',
    '0',
    '--database-port',
    '0',
    '--data-dir',
    dataDir,
    ...extra,
  ]);
  const done = finished(child);
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`iotkit start did not come up:\n${stdout}\n${stderr}`)),
      150_000,
    );
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`iotkit start exited with ${code}:\n${stdout}\n${stderr}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (stdout.includes('Press Ctrl-C')) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  const database = /Realtime Database http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
  const auth = /Auth emulator +http:\/\/127\.0\.0\.1:(\d+)/.exec(stdout);
  return {
    child,
    done,
    stdout: () => stdout,
    stderr: () => stderr,
    databasePort: Number(database?.[1]),
    authPort: Number(auth?.[1]),
  };
}

describe('iotkit start --lan', () => {
  it('serves real boards on the LAN address, warns, prints what a device needs, and guards admin paths', async () => {
    const backend = await startBackend(['--lan']);
    try {
      if (!lan.createdNamespace) {
        expect(backend.stdout()).toContain(`rtdbUrl    http://${lan.address}:${backend.databasePort}`);
        expect(backend.stdout()).toContain(`authUrl    http://${lan.address}:${backend.authPort}`);
      }
      expect(backend.stdout()).toMatch(/namespace {2}\S+/);
      const onLan = `http://${lan.address}:${backend.databasePort}`;

      // The database answers on the LAN address, as a board would use it.
      const write = await fetch(`${onLan}/lan-check.json?auth=owner`, { method: 'PUT', body: '{"ok":true}' });
      expect(write.status).toBe(200);
      // Admin paths need the owner credential, from the LAN and from loopback alike.
      const refused = await fetch(`${onLan}/.inspect/databases.json`);
      expect(refused.status).toBe(401);
      expect(await refused.text()).toContain('need the owner credential');
      expect((await fetch(`http://127.0.0.1:${backend.databasePort}/.inspect/databases.json`)).status).toBe(
        401,
      );
      expect((await fetch(`${onLan}/.inspect/databases.json?auth=owner`)).status).toBe(200);

      // The Auth emulator is on the LAN too: a board can create and sign in its account.
      const signUp = await fetch(
        `http://${lan.address}:${backend.authPort}/identitytoolkit.googleapis.com/v1/accounts:signUp?key=demo-key`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email: 'lan@example.com', password: 'secret1', returnSecureToken: true }),
        },
      );
      expect(signUp.status).toBe(200);
    } finally {
      signalGroup(backend.child, 'SIGINT');
    }
    const result = await backend.done;
    expect(result.code).toBe(0);
    expect(backend.stderr()).toContain('WARNING: --lan: the backend listens on every network interface');
  }, 240_000);

  it('without --lan listens on loopback only, with admin paths open to this machine', async () => {
    const backend = await startBackend([]);
    try {
      expect((await fetch(`http://127.0.0.1:${backend.databasePort}/.inspect/databases.json`)).status).toBe(
        200,
      );
      await expect(fetch(`http://${lan.address}:${backend.databasePort}/lan-check.json`)).rejects.toThrow();
    } finally {
      signalGroup(backend.child, 'SIGINT');
    }
    expect((await backend.done).code).toBe(0);
    expect(backend.stderr()).not.toContain('WARNING: --lan');
  }, 240_000);
});
