import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SubmissionResult } from '../core/result-model.js';
import { toConsoleTable } from './console-table.js';
import { encodeClassroomResult, toClassroomResult } from './github-classroom.js';
import { toGradescope } from './gradescope.js';
import { toJUnitXml } from './junit-xml.js';
import { toMarkdown } from './markdown-feedback.js';
import { toPrairieLearn } from './prairielearn.js';

/** File names of the per-submission reports. */
export const REPORT_FILES = {
  /** The result model, written last (its presence marks a complete folder). */
  result: 'result.json',
  /** Gradescope `results.json`. */
  gradescope: 'gradescope-results.json',
  /** GitHub Classroom runner result, decoded. */
  classroom: 'classroom-result.json',
  /** GitHub Classroom runner result, base64 (the step output). */
  classroomBase64: 'classroom-result.b64',
  /** JUnit XML. */
  junit: 'junit.xml',
  /** PrairieLearn `results.json`. */
  prairielearn: 'prairielearn-results.json',
  /** Student feedback (Markdown). */
  feedback: 'feedback.md',
  /** Instructor feedback with hidden tests and warnings. */
  instructorFeedback: 'feedback-instructor.md',
  /** Console table. */
  table: 'summary.txt',
  /** Build output. */
  buildLog: 'build.log',
  /** Test runner output. */
  runnerLog: 'runner.log',
} as const;

function atomicWrite(file: string, text: string): void {
  const tmp = `${file}.tmp-${process.pid}`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** Options of {@link writeReports}. */
export interface WriteReportsOptions {
  /**
   * Write the reports a student or a platform sees (feedback.md, Gradescope, Classroom, JUnit,
   * PrairieLearn); default true. Off for a failure to be retried, which is not the student's doing.
   */
  studentReports?: boolean;
}

/**
 * Writes every report of one submission into `dir`; `result.json` is written last, so its
 * presence means the folder is complete (what resuming a class run relies on).
 * @param result - the graded submission
 * @param dir - the student's report folder
 * @param options - see {@link WriteReportsOptions}
 */
export function writeReports(result: SubmissionResult, dir: string, options: WriteReportsOptions = {}): void {
  mkdirSync(dir, { recursive: true });
  if (options.studentReports === false) {
    atomicWrite(join(dir, REPORT_FILES.instructorFeedback), toMarkdown(result, { audience: 'instructor' }));
    atomicWrite(join(dir, REPORT_FILES.table), toConsoleTable(result, true));
    atomicWrite(join(dir, REPORT_FILES.result), `${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  atomicWrite(join(dir, REPORT_FILES.gradescope), `${JSON.stringify(toGradescope(result), null, 2)}\n`);
  atomicWrite(join(dir, REPORT_FILES.classroom), `${JSON.stringify(toClassroomResult(result), null, 2)}\n`);
  atomicWrite(join(dir, REPORT_FILES.classroomBase64), `${encodeClassroomResult(result)}\n`);
  atomicWrite(join(dir, REPORT_FILES.junit), toJUnitXml(result));
  atomicWrite(join(dir, REPORT_FILES.prairielearn), `${JSON.stringify(toPrairieLearn(result), null, 2)}\n`);
  atomicWrite(join(dir, REPORT_FILES.feedback), toMarkdown(result, { audience: 'student' }));
  atomicWrite(join(dir, REPORT_FILES.instructorFeedback), toMarkdown(result, { audience: 'instructor' }));
  atomicWrite(join(dir, REPORT_FILES.table), toConsoleTable(result, true));
  if (result.buildOutput !== undefined) atomicWrite(join(dir, REPORT_FILES.buildLog), result.buildOutput);
  if (result.runnerOutput !== undefined) atomicWrite(join(dir, REPORT_FILES.runnerLog), result.runnerOutput);
  atomicWrite(join(dir, REPORT_FILES.result), `${JSON.stringify(result, null, 2)}\n`);
}
