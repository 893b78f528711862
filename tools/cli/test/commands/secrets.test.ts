import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AuthClient, emulatorEndpoints } from '@iotkit/auth';
import { startLocalBackend } from '@iotkit/backend';
import type { RunningLocalBackend } from '@iotkit/backend';
import { buildFirmware, startDevice } from '@iotkit/devices';
import type { DeviceConfig, DeviceEvent, HttpEvent } from '@iotkit/devices';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/commands/index.js';
import { readSecretsHeader } from '../../src/firmware/secrets-header.js';
import { runCli } from '../../src/run-cli.js';
import { recordingIo } from '../helpers/cli-io.js';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const a2Firmware = join(repoRoot, 'assignments', 'a2-sensor-servo', 'firmware');
const work = mkdtempSync(join(tmpdir(), 'iotkit-secrets-'));
let backend: RunningLocalBackend;

beforeAll(async () => {
  backend = await startLocalBackend(); // loopback, free ports, in memory
  await buildFirmware();
}, 900_000);
afterAll(async () => {
  await backend?.stop();
  rmSync(work, { recursive: true, force: true });
});

function ports(): string[] {
  return ['--database-port', String(backend.rtdb!.port), '--auth-port', String(backend.auth!.port)];
}

describe('iotkit secrets', () => {
  it('writes secrets.h that the ESP32 build compiles and the virtual device runs with', async () => {
    const output = join(work, 'include', 'secrets.h');
    const io = recordingIo(repoRoot, { PATH: process.env['PATH'] });
    const code = await runCli(
      ['secrets', 'a2', '--host', '127.0.0.1', ...ports(), '--output', output, '--wifi-ssid', 'Lab "2.4"'],
      COMMANDS,
      io,
    );
    expect(code, io.errLines.join('\n')).toBe(0);
    const secrets = readSecretsHeader(output);
    expect(secrets.wifiSsid).toBe('Lab "2.4"');
    expect(secrets.wifiPassword).toBe('your-password');
    expect(secrets.deviceConfig).toMatchObject({
      rtdbUrl: `http://127.0.0.1:${backend.rtdb!.port}`,
      authUrl: `http://127.0.0.1:${backend.auth!.port}`,
      namespace: 'demo-iotkit',
      email: 'device@example.com',
      app: { mode: 'local' }, // the assignment's own settings come from its secrets.example.h
    });
    expect(secrets.deviceConfig['tls']).toBeUndefined(); // certificates checked unless asked otherwise

    // The ESP32 build: A2's src/main.cpp against the stand-in Arduino headers (no ESP32 toolchain here).
    const firmware = join(repoRoot, 'firmware');
    const compile = spawnSync(
      'c++',
      [
        '-std=gnu++17',
        '-fsyntax-only',
        '-Wall',
        '-Wextra',
        '-Werror',
        '-I',
        join(firmware, 'test', 'esp32-standins'),
        '-I',
        join(firmware, 'lib'),
        '-I',
        join(firmware, 'platform', 'esp32', 'include'),
        '-I',
        join(work, 'include'),
        join(a2Firmware, 'src', 'main.cpp'),
      ],
      { encoding: 'utf8' },
    );
    expect(compile.error, 'c++ not found: install g++ (Debian/Ubuntu: apt install g++)').toBeUndefined();
    expect(compile.status, compile.stderr).toBe(0);

    // The virtual device: the same JSON as --config, against the real local backend.
    await new AuthClient({ endpoints: emulatorEndpoints(backend.urls.auth!) }).signUp({
      email: 'device@example.com',
      password: '246813',
    });
    const device = startDevice({
      app: 'a2',
      config: secrets.deviceConfig as unknown as DeviceConfig,
      maxRunMs: 90_000,
    });
    try {
      await device.waitFor((e) => e.type === 'boot', 30_000, { includePast: true });
      device.press('246813#');
      const wrote = await device.waitFor(
        (e: DeviceEvent): e is HttpEvent =>
          e.type === 'http' &&
          e.url.startsWith(`http://127.0.0.1:${backend.rtdb!.port}/devices/`) &&
          e.status === 200,
        60_000,
        { includePast: true },
      );
      expect(wrote.url).toContain('ns=demo-iotkit');
    } finally {
      await device.stop();
    }
  }, 180_000);

  it('keeps the Wi-Fi already in secrets.h and says the file is git-ignored', async () => {
    const output = join(work, 'keep', 'secrets.h');
    const first = recordingIo(repoRoot, { PATH: process.env['PATH'] });
    await runCli(
      [
        'secrets',
        'a2',
        '--host',
        '10.0.0.5',
        '--output',
        output,
        '--wifi-ssid',
        'home',
        '--wifi-password',
        'pw1',
      ],
      COMMANDS,
      first,
    );
    const second = recordingIo(repoRoot, { PATH: process.env['PATH'] });
    expect(
      await runCli(
        [
          'secrets',
          'a2',
          '--host',
          '10.0.0.6',
          '--output',
          output,
          '--insecure-tls',
          '--namespace',
          'a2-demo',
        ],
        COMMANDS,
        second,
      ),
    ).toBe(0);
    const secrets = readSecretsHeader(output);
    expect([secrets.wifiSsid, secrets.wifiPassword]).toEqual(['home', 'pw1']);
    expect(secrets.deviceConfig).toMatchObject({
      rtdbUrl: 'http://10.0.0.6:9000',
      authUrl: 'http://10.0.0.6:9099',
      namespace: 'a2-demo',
      tls: { insecure: true },
    });
    expect(second.errLines.join('\n')).toContain('--insecure-tls: the board will not check certificates');
    expect(readFileSync(output, 'utf8')).toContain('never commit it');

    // The default place, inside the repository, is git-ignored (checked by git itself).
    const secretsPath = join(a2Firmware, 'include', 'secrets.h');
    const ignored = spawnSync('git', ['check-ignore', '-q', secretsPath], { cwd: repoRoot });
    expect(ignored.status).toBe(0);
  });

  it('targets a real Firebase project with its database and Google Auth', async () => {
    const output = join(work, 'firebase', 'secrets.h');
    const env = { PATH: process.env['PATH'], IOTKIT_PROJECT_ID: 'iot-course-1', IOTKIT_API_KEY: 'AIzaTest' };
    expect(
      await runCli(
        ['secrets', 'a2', '--target', 'firebase', '--output', output],
        COMMANDS,
        recordingIo(repoRoot, env),
      ),
    ).toBe(0);
    expect(readSecretsHeader(output).deviceConfig).toMatchObject({
      rtdbUrl: 'https://iot-course-1-default-rtdb.firebaseio.com',
      authUrl: 'https://identitytoolkit.googleapis.com',
      apiKey: 'AIzaTest',
    });
  });

  it('rejects a bad port and an unknown assignment without writing anything', async () => {
    const output = join(work, 'bad', 'secrets.h');
    const io = recordingIo(repoRoot, { PATH: process.env['PATH'] });
    expect(
      await runCli(
        ['secrets', 'a2', '--host', '10.0.0.5', '--database-port', 'x', '--output', output],
        COMMANDS,
        io,
      ),
    ).toBe(2);
    expect(io.errLines.join('\n')).toContain('--database-port must be a port number, got "x"');
    expect(await runCli(['secrets', 'a42', '--output', output], COMMANDS, io)).toBe(2);
    expect(existsSync(output)).toBe(false);
  });
});
