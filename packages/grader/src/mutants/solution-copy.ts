import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';

/** Never part of a mutant's copy at any depth: dependencies, VCS data, caches, build output. */
const SKIP_ANYWHERE = new Set(['node_modules', '.git', '.turbo', '.vite', '.pio', 'dist']);

/**
 * Copies an assignment's reference solution to `dest` as a student's submission would look:
 * without `grading/`, dependencies or build output, and with a root `tsconfig.json` that
 * extends a file outside the folder made self-contained (the handout does the same), so tools
 * that read it in the grader's temp folder find what it extends.
 * @param assignmentDir - the assignment folder
 * @param dest - the new folder
 */
export function copySolution(assignmentDir: string, dest: string): void {
  cpSync(assignmentDir, dest, {
    recursive: true,
    filter: (src) => {
      const parts = relative(assignmentDir, src).split(sep);
      return parts[0] !== 'grading' && !parts.some((p) => SKIP_ANYWHERE.has(p));
    },
  });
  const file = join(dest, 'tsconfig.json');
  if (!existsSync(file)) return;
  const tsconfig = JSON.parse(readFileSync(file, 'utf8')) as { extends?: unknown };
  if (typeof tsconfig.extends !== 'string' || !tsconfig.extends.startsWith('.')) return;
  const target = resolve(assignmentDir, tsconfig.extends);
  if (target.startsWith(assignmentDir + sep) || !existsSync(target)) return;
  const local = existsSync(join(dest, 'tsconfig.base.json')) ? 'tsconfig.kit.json' : 'tsconfig.base.json';
  cpSync(target, join(dest, local));
  tsconfig.extends = `./${local}`;
  writeFileSync(file, `${JSON.stringify(tsconfig, null, 2)}\n`);
}
