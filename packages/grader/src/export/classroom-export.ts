import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeHandout, type HandoutReport } from '../handout/make-handout.js';
import { classroomWorkflow, type ClassroomWorkflowOptions } from './classroom-workflow.js';

/** Options of {@link exportClassroom}. */
export interface ClassroomExportOptions extends ClassroomWorkflowOptions {
  /** The assignment folder (reference solution with markers). */
  assignmentDir: string;
  /** Where the template repository goes; must be new or empty. */
  outDir: string;
}

/** What {@link exportClassroom} wrote. */
export interface ClassroomExport extends HandoutReport {
  /** The workflow file, relative to the output folder. */
  workflow: string;
}

/**
 * Writes a GitHub Classroom template repository: the handout plus
 * `.github/workflows/classroom.yml` (see {@link classroomWorkflow}) and a `.gitignore` for what
 * installing and grading leave behind.
 * @param options - assignment, output folder, OS packages and versions
 * @throws GraderError as `makeHandout` does
 */
export function exportClassroom(options: ClassroomExportOptions): ClassroomExport {
  const outDir = resolve(options.outDir);
  const report = makeHandout({ assignmentDir: options.assignmentDir, outDir });
  const workflow = '.github/workflows/classroom.yml';
  mkdirSync(join(outDir, '.github', 'workflows'), { recursive: true });
  writeFileSync(join(outDir, workflow), classroomWorkflow(options));
  writeFileSync(join(outDir, '.gitignore'), 'node_modules/\n.iotkit-grading/\nbuild/\n.pio/\n', {
    flag: 'a',
  });
  return { ...report, workflow };
}
