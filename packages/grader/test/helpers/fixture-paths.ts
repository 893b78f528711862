import { mkdirSync, mkdtempSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** The fixture assignment (reference solution with markers). */
export const FIXTURE_ASSIGNMENT = join(here, '..', 'fixtures', 'a0-calc');
/** The fixture submissions, one folder each. */
export const FIXTURE_SUBMISSIONS = join(here, '..', 'fixtures', 'submissions');

/**
 * A scratch folder under the package's node_modules: git ignores it, and the grader finds the
 * package's node_modules (typescript, vitest) from there, as it would in an assignment folder.
 */
export function scratchDir(prefix: string): string {
  const base = join(here, '..', '..', 'node_modules', '.cache', 'grader-test');
  mkdirSync(base, { recursive: true });
  return mkdtempSync(join(base, `${prefix}-`));
}

/** The fixture assignment of the mutation tests: a README behaviour table and a mutant catalogue. */
export const MUTANTS_FIXTURE = join(here, '..', 'fixtures', 'm0-clamp');
