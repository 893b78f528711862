import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppDevice, firmwareDir, startDevice, type AppBuildLaunch } from '../../src/index.js';
import { DevicesError } from '../../src/core/devices-error.js';

const work = mkdtempSync(join(tmpdir(), 'iotkit-app-build-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A copy of the kit's demo app, as a submission's firmware/src/app/ would be. */
function demoApp(name: string): string {
  const dir = join(work, name);
  cpSync(join(firmwareDir(), 'apps', 'demo'), dir, { recursive: true, filter: (f) => !f.endsWith('.cmake') });
  return dir;
}

describe('buildAppDevice', () => {
  it('builds an app folder into a private executable that boots', async () => {
    const executable = await buildAppDevice({ appDir: demoApp('ok'), name: 'demo' });
    expect(executable.startsWith(tmpdir())).toBe(true);
    const device = startDevice({
      executable,
      config: { rtdbUrl: 'http://127.0.0.1:9', authUrl: 'http://127.0.0.1:9' },
    });
    try {
      await device.waitFor((e) => e.type === 'boot', 20_000, { includePast: true });
    } finally {
      await device.stop();
    }
  }, 900_000);

  it('fails with the compiler’s first error, relative to the app, for a syntax error', async () => {
    const dir = demoApp('broken');
    const file = join(dir, 'demo_app.cpp');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/;\s*$/m, ''));
    const error = await buildAppDevice({ appDir: dir, name: 'demo' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DevicesError);
    expect((error as DevicesError).code).toBe('devices/build-failed');
    expect((error as DevicesError).message).toMatch(
      /^your firmware does not compile:\nsrc\/app\/demo_app\.cpp:\d+: error: /,
    );
    expect((error as DevicesError).message).not.toContain(work);
  }, 900_000);

  it('refuses a folder without sources, and a bad device name', async () => {
    await expect(buildAppDevice({ appDir: join(work, 'missing'), name: 'demo' })).rejects.toMatchObject({
      code: 'devices/build-failed',
      message: expect.stringMatching(/^firmware\/src\/app\/ is missing/),
    });
    await expect(buildAppDevice({ appDir: demoApp('named'), name: '../x' })).rejects.toMatchObject({
      code: 'devices/bad-config',
    });
  });
});

describe('buildAppDevice through a wrapper (what the grader’s sandbox plugs in)', () => {
  it('hands the compile to the wrapper, naming what it reads and the one folder it writes', async () => {
    const dir = demoApp('wrapped');
    const seen: AppBuildLaunch[] = [];
    const executable = await buildAppDevice({
      appDir: dir,
      name: 'demo',
      wrap: (launch) => {
        seen.push(launch);
        // the real program, behind env(1): what a sandbox does, minus the sandbox
        return { file: '/usr/bin/env', args: [launch.file, ...launch.args], env: { PATH: '/usr/bin:/bin' } };
      },
    });
    expect(seen).toHaveLength(1);
    const launch = seen[0] as AppBuildLaunch;
    expect(launch.writable).toEqual([dirname(executable)]);
    expect(launch.cwd).toBe(dirname(executable));
    expect(launch.files).toEqual(
      expect.arrayContaining([dir, join(firmwareDir(), 'lib'), join(firmwareDir(), 'platform', 'host', 'include')]),
    );
    // the kit's tests and the rest of its firmware folder stay out of reach
    expect(launch.files.filter((f) => f.startsWith(firmwareDir())).map((f) => f.slice(firmwareDir().length))).toEqual(
      ['/lib', '/platform/host/include'],
    );
  }, 900_000);

  it('fails the build when the wrapped compile fails', async () => {
    const error = await buildAppDevice({
      appDir: demoApp('wrapped-fails'),
      name: 'demo',
      wrap: () => ({ file: '/bin/false', args: [], env: {} }),
    }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'devices/build-failed' });
    expect((error as Error).message).toMatch(/^the firmware build stopped \(exit code 1\) before the compiler reported anything/);
  }, 900_000);
});
