import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { isPortFree } from '@iotkit/backend';
import { AuthClient, emulatorEndpoints } from '@iotkit/auth';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finished, signalGroup, spawnIotkit } from '../helpers/run-iotkit.js';

function waitForOutput(child: ReturnType<typeof spawnIotkit>, pattern: RegExp): Promise<RegExpMatchArray> {
  let text = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} in output:\n${text}`)), 150_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`iotkit exited with ${code} before printing ${pattern}:\n${text}`));
    });
    child.stdout?.on('data', (chunk: Buffer) => {
      text += chunk.toString();
      const match = pattern.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(match);
      }
    });
  });
}

const dataDir = mkdtempSync(join(tmpdir(), 'iotkit-start-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

// Each test spawns the CLI (Node + tsx), seconds apiece on a busy 2-core machine.
describe('iotkit start', { timeout: 90_000 }, () => {
  // Free ports and a private data dir: a developer's `pnpm start` may be running meanwhile.
  it('serves a working Auth emulator, prints the env var, and stops cleanly on Ctrl-C', async () => {
    const child = spawnIotkit([
      'start',
      '--auth-port',
      '0',
      '--database-port',
      '0',
      '--data-dir',
      dataDir,
      '--no-a2',
    ]);
    const done = finished(child);
    try {
      const [, url = '', hostAndPort = ''] = await waitForOutput(
        child,
        /Auth emulator +(http:\/\/127\.0\.0\.1:\d+)[\s\S]*export FIREBASE_AUTH_EMULATOR_HOST=(127\.0\.0\.1:\d+)[\s\S]*Press Ctrl-C/,
      );
      expect(url).toBe(`http://${hostAndPort}`);
      const client = new AuthClient({ endpoints: emulatorEndpoints(url) });
      const session = await client.signUp({ email: 'start@example.com', password: 'secret1' });
      expect((await client.lookup(session.idToken)).email).toBe('start@example.com');

      // Ctrl-C signals the whole group. A second one while stopping must not cut the shutdown short.
      signalGroup(child, 'SIGINT');
      signalGroup(child, 'SIGINT');
      const result = await done;
      expect(result.code).toBe(0);
      expect(result.stdout).toContain('Received SIGINT; stopping');
      expect(result.stdout).toContain('Stopped.');
      expect(result.stdout).toContain(`(data: ${dataDir}`);
      expect(result.stderr).not.toContain('failed to stop');
      const port = Number(hostAndPort.split(':')[1]);
      expect(await isPortFree(port)).toBe(true);
    } finally {
      signalGroup(child, 'SIGKILL');
    }
  }, 240_000);

  it('rejects an assignment that does not exist, naming the ones there are', async () => {
    const result = await finished(spawnIotkit(['start', 'a99', '--once']));
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/there is no assignment "a99"; choose one of: .*a2/);
    expect(result.stdout).not.toMatch(/Starting the local backend/);
  });

  it('rejects an assignment together with --backend-only', async () => {
    const result = await finished(spawnIotkit(['start', 'a2', '--backend-only']));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--backend-only starts no assignment; drop "a2" or the flag');
  });

  it('rejects a bad --auth-port as a usage error', async () => {
    const result = await finished(spawnIotkit(['start', '--auth-port', 'ninety']));
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--auth-port must be a port number');
  });

  it('rejects an unknown target before starting anything', async () => {
    const result = await finished(spawnIotkit(['start', '--target', 'mars']));
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--target must be one of local, emulators, firebase; got "mars"');
  });

  it('fails with exit 1 and a clear message when the Auth port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = blocker.address() as AddressInfo;
      const result = await finished(
        spawnIotkit([
          'start',
          '--once',
          '--database-port',
          '0',
          '--data-dir',
          dataDir,
          '--auth-port',
          String(port),
        ]),
      );
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(
        `could not start the Auth emulator: port ${port} on 127.0.0.1 is already in use`,
      );
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  });

  it('starts nothing for the official Emulator Suite and says how to run it', async () => {
    const result = await finished(spawnIotkit(['start', '--target', 'emulators']));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'npx firebase emulators:start --only auth,database --project demo-iotkit',
    );
    expect(result.stdout).toContain('export FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:9099');
  });

  it('starts nothing for a real project, read from IOTKIT_* variables', async () => {
    const env = {
      ...process.env,
      IOTKIT_TARGET: 'firebase',
      IOTKIT_PROJECT_ID: 'iot-course-1',
      IOTKIT_API_KEY: 'k',
    };
    const result = await finished(spawnIotkit(['start'], env));
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('project iot-course-1');
    expect(result.stdout).toContain('https://iot-course-1-default-rtdb.firebaseio.com');
    const missing = await finished(spawnIotkit(['start'], { ...env, IOTKIT_API_KEY: '' }));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('target "firebase" needs IOTKIT_API_KEY');
  });
});
