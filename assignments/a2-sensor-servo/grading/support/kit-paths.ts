import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { firmwareDir } from '@iotkit/devices';

const here = dirname(fileURLToPath(import.meta.url));

/**
 * The kit's C++ firmware (`lib/`, `platform/host/`), as `@iotkit/devices` locates it: the
 * repository's `firmware/` in the monorepo, the vendored copy in a handout.
 */
export function kitFirmwareDir(): string {
  return firmwareDir();
}

/** The mapping test vectors shared by the TypeScript and C++ mappings. */
export function mappingVectorsFile(): string {
  return join(linkedPackage('mapping', 'vectors.json'), 'vectors.json');
}

function linkedPackage(name: string, mustHave: string): string {
  let dir = here;
  for (;;) {
    const linked = join(dir, 'node_modules', '@iotkit', name);
    if (existsSync(join(linked, mustHave))) return realpathSync(linked);
    const parent = dirname(dir);
    if (parent === dir)
      throw new Error(
        `cannot find node_modules/@iotkit/${name} above the graded tests; run \`pnpm install\``,
      );
    dir = parent;
  }
}

/** The CMake recipe that builds a submission's virtual device. */
export const DEVICE_BUILD_RECIPE = join(here, 'device-build');

/** The course rules the graded namespace gets (a copy of the kit's `database.rules.json`). */
export const COURSE_RULES_FILE = join(here, 'database.rules.json');
