/**
 * What graded test files import: `graded()`, feedback helpers, and the ways to reach the
 * submission — each one crossing the sandbox boundary (`runSubmission`, `importSubmission`,
 * `sandboxLauncher` for devices and functions).
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
} from './run-submission.js';
export {
  importSubmission,
  closeSubmission,
  type ImportSubmissionOptions,
  type SubmissionModule,
} from './import-submission.js';
export {
  sandboxLauncher,
  sandboxWrapCommand,
  type ProgramLaunch,
  type SandboxLauncherOptions,
  type WrappedLaunch,
} from '../sandbox/sandbox-launcher.js';
export type { SandboxedCommand } from '../sandbox/sandbox-command.js';
export type { SandboxIsolation } from '../sandbox/sandbox-support.js';
export type { SandboxLimits } from '../sandbox/sandbox-limits.js';
export type { TestFeedback, TimelineEntry, Visibility } from '../core/result-model.js';
export { useBackend, withDevice, type GradedSuite } from './use-backend.js';
export {
  startGradedBackend,
  GRADED_API_KEY,
  type GradedAccount,
  type GradedBackend,
  type GradedBackendOptions,
} from './graded-backend.js';
export { GradedDevice, failureText, type GradedDeviceOptions, type DeviceFeedback } from './graded-device.js';
export { submissionDevice } from './submission-device.js';
export { eventually } from './eventually.js';
export {
  prerequisite,
  PrerequisiteError,
  type Prerequisite,
  type PrerequisiteOptions,
} from './prerequisite.js';
export { courseRulesFile, loadCourseRules, type CourseRules, type RulesPatch } from './course-rules.js';
