import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAppDevice, firmwareDir, startDevice } from '../../src/index.js';
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

describe('buildAppDevice build folder', () => {
  it('creates a build root that does not exist yet instead of waiting on its lock', async () => {
    const root = join(work, 'not', 'yet', 'there');
    const executable = await buildAppDevice({ appDir: demoApp('fresh-root'), name: 'demo', buildRoot: root });
    expect(executable).toMatch(/demo-device$/);
  }, 900_000);
});
