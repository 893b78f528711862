import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The assignment folder (`assignments/a1-protocols`), from source or from `dist/`. */
export const A1_ROOT = ((): string => {
  const here = dirname(fileURLToPath(import.meta.url));
  return here.endsWith(join('dist', 'src')) ? join(here, '..', '..') : join(here, '..');
})();

/** Where `pnpm lab <name>` writes its JSON and SVG. */
export const A1_LAB_RESULTS_DIR = join(A1_ROOT, 'lab-results');
