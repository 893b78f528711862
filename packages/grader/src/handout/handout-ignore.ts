import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The file in an assignment that lists what its handout leaves out. */
export const HANDOUT_IGNORE_FILE = '.handoutignore';

/**
 * Reads an assignment's `.handoutignore`: paths relative to the assignment, one per line, `#`
 * starting a comment, a trailing `/` optional. A listed folder is left out with everything in it.
 * The file itself never reaches the handout. Meant for what belongs to the kit rather than the
 * student: the assignment's own tests, benchmarks, local test output.
 * @param assignmentDir - the assignment folder
 * @returns whether a path (relative, `/`-separated) is left out
 */
export function readHandoutIgnore(assignmentDir: string): (relPath: string) => boolean {
  const file = join(assignmentDir, HANDOUT_IGNORE_FILE);
  const ignored = new Set([HANDOUT_IGNORE_FILE]);
  if (existsSync(file)) {
    for (const raw of readFileSync(file, 'utf8').split(/\r?\n/)) {
      const entry = raw
        .replace(/#.*$/, '')
        .trim()
        .replace(/^\.?\/+/, '')
        .replace(/\/+$/, '');
      if (entry !== '') ignored.add(entry);
    }
  }
  return (relPath) => {
    for (let path = relPath; path !== ''; path = path.includes('/') ? path.replace(/\/[^/]*$/, '') : '') {
      if (ignored.has(path)) return true;
    }
    return false;
  };
}
