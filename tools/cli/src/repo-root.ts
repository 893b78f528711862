import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * Walks up from `start` to the folder holding `pnpm-workspace.yaml`.
 *
 * @param start - a folder inside the repository
 * @returns the repository root, or `start` itself when none is found
 */
export function findRepoRoot(start: string): string {
  for (let dir = start; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'pnpm-workspace.yaml'))) return dir;
    if (dirname(dir) === dir) return start;
  }
}
