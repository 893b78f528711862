import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository's `firmware/` folder, found by walking up from this file. */
export function firmwareDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const candidate = join(dir, 'firmware', 'CMakeLists.txt');
    if (existsSync(candidate)) return join(dir, 'firmware');
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error('cannot find firmware/CMakeLists.txt above @iotkit/devices');
    dir = parent;
  }
}

/** Where the CMake build puts an app's virtual device: `firmware/build/devices/<app>-device`. */
export function deviceExecutable(app: string): string {
  return join(firmwareDir(), 'build', 'devices', `${app}-device`);
}

/** The host integration-test binary (REST + Auth clients against a live backend). */
export function integrationTestExecutable(): string {
  return join(firmwareDir(), 'build', 'test', 'iotkit_integration_tests');
}
