import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The assignment folder (`assignments/a4-id-token`), from source or from `dist/`. */
export const A4_ROOT = ((): string => {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.endsWith(join('dist', 'src')) ? join(here, '..', '..') : join(here, '..');
})();

/** The PlatformIO project of the firmware. */
export const A4_FIRMWARE_DIR = join(A4_ROOT, 'firmware');
