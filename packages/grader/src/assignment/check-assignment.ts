import type { SubmissionResult } from '../core/result-model.js';
import { gradeSubmission, type SubmissionBackend } from '../runner/grade-submission.js';
import { loadAssignment } from './load-assignment.js';

/**
 * What `iotkit check` does for a student: build the working copy in place and run the public
 * graded tests against it, with the same runner and limits the instructor uses.
 * @param assignmentDir - the student's assignment folder
 * @param backend - backend for tests that need one
 * @param onProgress - receives a line as each test starts and ends
 * @param includeHidden - run `grading/hidden/` too (an instructor checking the reference)
 */
export function checkAssignment(
  assignmentDir: string,
  backend?: SubmissionBackend,
  onProgress?: (line: string) => void,
  includeHidden = false,
): Promise<SubmissionResult> {
  const assignment = loadAssignment(assignmentDir);
  return gradeSubmission({
    assignment,
    submissionDir: null,
    submissionId: 'working-copy',
    includeHidden,
    ...(backend ? { backend } : {}),
    ...(onProgress ? { onProgress } : {}),
  });
}
