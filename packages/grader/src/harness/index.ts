/**
 * What graded test files import: `graded()`, feedback helpers, and the submission under test.
 * Kept apart from the grader's main entry so test files load nothing they do not use.
 * @packageDocumentation
 */
export { graded, feedback, partialScore, type GradedOptions } from './graded.js';
export { submissionDir, submissionPath, graderBackendEnv, type GraderBackendEnv } from './submission-dir.js';
export {
  runSubmission,
  sandboxedCommand,
  type RunSubmissionOptions,
  type RunSubmissionResult,
  type SandboxedCommand,
} from './run-submission.js';
export type { TestFeedback, TimelineEntry, Visibility } from '../core/result-model.js';
