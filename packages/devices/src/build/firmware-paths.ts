import { realpathSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * The kit's C++ firmware: the `@iotkit/firmware` package this one depends on — the repository's
 * `firmware/` in the monorepo, the vendored copy in a handout.
 */
export function firmwareDir(): string {
  let manifest: string;
  try {
    manifest = require.resolve('@iotkit/firmware/package.json');
  } catch {
    throw new Error('cannot find the @iotkit/firmware package next to @iotkit/devices; run `pnpm install`');
  }
  return dirname(realpathSync(manifest));
}

/** Where the CMake build puts an app's virtual device: `firmware/build/devices/<app>-device`. */
export function deviceExecutable(app: string): string {
  return join(firmwareDir(), 'build', 'devices', `${app}-device`);
}

/** The host integration-test binary (REST + Auth clients against a live backend). */
export function integrationTestExecutable(): string {
  return join(firmwareDir(), 'build', 'test', 'iotkit_integration_tests');
}
