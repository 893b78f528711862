import { fileURLToPath } from 'node:url';

/** The repository root (the docs package sits one level below it). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** The docs package folder. */
export const DOCS_DIR = fileURLToPath(new URL('../../', import.meta.url));

/** Where the site tests leave screenshots for CI to keep as artifacts. */
export const ARTIFACTS_DIR = fileURLToPath(new URL('../../test-results/site/', import.meta.url));
