import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { GraderError } from '../core/grader-error.js';

/** Folders that never count as handed-in work. */
const NOT_WORK = new Set(['.git', 'node_modules', '.DS_Store', '__MACOSX']);

function holdsAFile(dir: string): boolean {
  for (const entry of readdirSync(dir)) {
    if (NOT_WORK.has(entry)) continue;
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isFile() || (stat.isDirectory() && holdsAFile(path))) return true;
  }
  return false;
}

/**
 * Whether a submission can be graded at all, before anything runs: an empty hand-in, or one
 * without the files the assignment needs, is flagged with a reason an instructor can act on
 * rather than graded as an ordinary 0 (a student's wrong upload is not a zero of their work).
 * @param dir - the materialised submission
 * @param requiredFiles - from `grader.config.json` (`folder/` = a folder holding a file)
 * @returns the reason it cannot be graded, or null when it can
 */
export function notGradableReason(dir: string, requiredFiles: readonly string[]): GraderError | null {
  if (!holdsAFile(dir))
    return new GraderError('grader/empty-submission', 'the submission is empty: no file was handed in');
  const missing = requiredFiles.filter((file) => {
    const path = join(dir, file);
    if (!existsSync(path)) return true;
    return file.endsWith('/') ? !statSync(path).isDirectory() || !holdsAFile(path) : false;
  });
  if (missing.length > 0)
    return new GraderError(
      'grader/missing-files',
      `the submission lacks ${missing.join(', ')}, which the assignment needs (was the right folder handed in?)`,
    );
  return null;
}
