import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { GraderError } from '../core/grader-error.js';
import { parseManifest } from '../core/manifest.js';
import { writeAutograderSource } from './autograder-source.js';
import {
  gradescopeRunScript,
  gradescopeSetupScript,
  type GradescopeScriptOptions,
} from './gradescope-scripts.js';
import { gradescopeOutline, type GradescopeOutline } from './gradescope-outline.js';
import { zipFolder } from './zip-writer.js';

/** Options of {@link exportGradescope}. */
export interface GradescopeExportOptions extends GradescopeScriptOptions {
  /** The assignment folder (reference solution with markers). */
  assignmentDir: string;
  /** The zip to write (`autograder.zip`); its folder is created. */
  outFile: string;
}

/** What {@link exportGradescope} wrote. */
export interface GradescopeExport {
  /** The zip. */
  outFile: string;
  /** Files in it. */
  files: number;
  /** Kit packages vendored into `source/vendor/`. */
  vendored: string[];
  /** The outline to enter on Gradescope: the autograder and every manually graded question. */
  outline: GradescopeOutline;
  /** `<zip name>.outline.json` beside the zip, holding {@link GradescopeExport.outline}. */
  outlineFile: string;
}

/**
 * Writes a Gradescope autograder bundle: `setup.sh`, `run_autograder` and `source/` (the
 * assignment's grading side, see {@link writeAutograderSource}) zipped at the archive root, as
 * Gradescope expects. Beside it, `<name>.outline.json`: the questions to create on Gradescope,
 * the manifest's manual items as manually graded ones (see {@link gradescopeOutline}).
 * @param options - assignment, output file, OS packages and versions
 * @throws GraderError `grader/bad-arguments` when the output is not a `.zip` path
 */
export function exportGradescope(options: GradescopeExportOptions): GradescopeExport {
  const outFile = resolve(options.outFile);
  if (!outFile.endsWith('.zip'))
    throw new GraderError('grader/bad-arguments', `--out must name a .zip file (got ${options.outFile})`);
  const stage = mkdtempSync(join(tmpdir(), 'iotkit-gradescope-'));
  try {
    const report = writeAutograderSource(options.assignmentDir, join(stage, 'source'));
    writeFileSync(join(stage, 'setup.sh'), gradescopeSetupScript(options));
    writeFileSync(join(stage, 'run_autograder'), gradescopeRunScript());
    chmodSync(join(stage, 'setup.sh'), 0o755);
    chmodSync(join(stage, 'run_autograder'), 0o755);
    mkdirSync(dirname(outFile), { recursive: true });
    if (existsSync(outFile)) rmSync(outFile);
    const files = zipFolder(stage, outFile);
    const manifest = parseManifest(
      JSON.parse(readFileSync(join(resolve(options.assignmentDir), 'grading', 'manifest.json'), 'utf8')),
    );
    const outline = gradescopeOutline(manifest);
    const outlineFile = outFile.replace(/\.zip$/, '.outline.json');
    writeFileSync(outlineFile, `${JSON.stringify(outline, null, 2)}\n`);
    return { outFile, files, vendored: report.vendored, outline, outlineFile };
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
