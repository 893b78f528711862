// Reads what the report checks look at from the submission: report/report.md and the labs'
// lab-results/*.json. Plain text and JSON, never code.
import { existsSync, readFileSync } from 'node:fs';
import { expect, type TestContext } from 'vitest';
import { feedback, partialScore, submissionPath } from '@iotkit/grader/harness';
import type { LabResultsFile, ReportCheck } from './report-checks.js';
import { REPORT_LABS } from './report-rubric.js';

/** The report's markdown; fails the test with feedback when there is none. */
export function readReport(context: TestContext): string {
  const file = submissionPath('report/report.md');
  if (!existsSync(file)) {
    feedback(context, {
      expected: 'your report in report/report.md',
      actual: 'there is no report/report.md in the submission',
      hint: 'write the report in report/report.md (the handout has the template) and submit it',
    });
    expect.fail('report/report.md is missing');
  }
  return readFileSync(file, 'utf8');
}

/** Each lab's results, `undefined` when the file is missing or is not a lab's JSON. */
export function readLabResults(): Record<string, LabResultsFile | undefined> {
  const out: Record<string, LabResultsFile | undefined> = {};
  for (const lab of REPORT_LABS) {
    const file = submissionPath(`lab-results/${lab}.json`);
    if (!existsSync(file)) continue;
    try {
      const parsed = JSON.parse(readFileSync(file, 'utf8')) as { rows?: unknown };
      if (Array.isArray(parsed.rows)) out[lab] = parsed as LabResultsFile;
    } catch {
      // unreadable counts as missing; the check says to run the lab again
    }
  }
  return out;
}

/**
 * Scores a list of checks in proportion to those passed and, when one failed, attaches every
 * failed check as feedback and fails the test naming the first.
 * @param context - the graded test's context
 * @param points - the test's points
 * @param checks - the checks run
 * @param expected - what a full-marks report has, in words
 */
export function scoreChecks(
  context: TestContext,
  points: number,
  checks: readonly ReportCheck[],
  expected: string,
): void {
  const failed = checks.filter((c) => !c.ok);
  partialScore(context, Math.round(((points * (checks.length - failed.length)) / checks.length) * 100) / 100);
  if (failed.length === 0) return;
  feedback(context, {
    expected,
    actual: failed.map((c) => c.message).join('\n'),
    hint: `start with ${failed[0]?.check ?? 'the first failed check'}; ${checks.length - failed.length} of ${checks.length} checks pass`,
  });
  expect.fail(`${failed.length} of ${checks.length} checks failed; first: ${failed[0]?.message ?? ''}`);
}
