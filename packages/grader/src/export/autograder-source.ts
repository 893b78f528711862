import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeHandout, type HandoutReport } from '../handout/make-handout.js';

/**
 * Writes the grading side of an assignment to `outDir`: the handout (solutions stripped, kit
 * packages vendored so it installs on its own) with the hidden tests and the full manifest put
 * back. This is what an autograder image grades submissions against; it never carries the
 * reference solution or the mutant catalogue.
 * @param assignmentDir - the assignment folder (reference solution with markers)
 * @param outDir - new or empty folder
 * @throws GraderError as {@link makeHandout} does
 */
export function writeAutograderSource(assignmentDir: string, outDir: string): HandoutReport {
  const src = resolve(assignmentDir);
  const report = makeHandout({ assignmentDir: src, outDir });
  const hidden = join(src, 'grading', 'hidden');
  if (existsSync(hidden)) cpSync(hidden, join(outDir, 'grading', 'hidden'), { recursive: true });
  const manifest = join(src, 'grading', 'manifest.json');
  if (existsSync(manifest)) writeFileSync(join(outDir, 'grading', 'manifest.json'), readFileSync(manifest));
  return report;
}
