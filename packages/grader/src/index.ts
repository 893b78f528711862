/**
 * The kit's grader: points on vitest tests, a manifest as the source of truth for maximum
 * points, one result model, reporters for Gradescope / GitHub Classroom / JUnit / PrairieLearn /
 * Markdown / LMS CSVs, an isolated per-submission runner with time, memory and output limits,
 * whole-class runs, and handouts cut from reference solutions.
 *
 * Test files import `@iotkit/grader/harness` instead (`graded`, `feedback`, `runSubmission`).
 * @packageDocumentation
 */
export { GraderError, type GraderErrorCode } from './core/grader-error.js';
export type {
  GradedTestResult,
  RunOutcome,
  SubmissionResult,
  SubmissionTimings,
  TestFeedback,
  TestReason,
  TestStatus,
  TimelineEntry,
  Visibility,
} from './core/result-model.js';
export {
  parseManifest,
  selectTests,
  testId,
  type Manifest,
  type ManifestTest,
  type ManualItem,
} from './core/manifest.js';
export { parseGraderConfig, DEFAULT_CONFIG, type GraderConfig } from './core/grader-config.js';
export { scoreTests, type ScoredTests } from './core/score.js';
export {
  parseObservations,
  type Observation,
  type ObservedError,
  type ObservedMeta,
  type StartObservation,
  type TestObservation,
  type ModuleErrorObservation,
  type UnhandledObservation,
  type EndObservation,
} from './core/observation.js';
export { BoundedText } from './core/bounded-text.js';
export {
  stripSolutions,
  solutionLanguage,
  type SolutionLanguage,
  type StripResult,
} from './core/strip-solutions.js';
export {
  loadAssignment,
  resolveAssignmentDir,
  nearestNodeModules,
  type Assignment,
} from './assignment/load-assignment.js';
export { checkAssignment } from './assignment/check-assignment.js';
export {
  gradeSubmission,
  type GradeSubmissionOptions,
  type SubmissionBackend,
} from './runner/grade-submission.js';
export {
  TestWorkerPool,
  type TestWorkerPoolOptions,
  type PooledSubmission,
} from './runner/test-worker-pool.js';
export {
  runLimited,
  type LimitedProcessOptions,
  type LimitedProcessResult,
} from './runner/limited-process.js';
export {
  toGradescope,
  type GradescopeResults,
  type GradescopeTest,
  type GradescopeExtraData,
} from './reporters/gradescope.js';
export {
  toClassroomResult,
  encodeClassroomResult,
  type ClassroomResult,
  type ClassroomTest,
} from './reporters/github-classroom.js';
export { toJUnitXml, xmlEscape } from './reporters/junit-xml.js';
export { toPrairieLearn, type PrairieLearnResults, type PrairieLearnTest } from './reporters/prairielearn.js';
export { toMarkdown, testMarkdown, visibleTo, type MarkdownOptions } from './reporters/markdown-feedback.js';
export { toConsoleTable } from './reporters/console-table.js';
export { manualItemsText } from './reporters/manual-items.js';
export {
  toSummaryCsv,
  toCanvasCsv,
  toMoodleCsv,
  parseRosterCsv,
  parseCsv,
  csvField,
  type RosterEntry,
} from './reporters/class-csv.js';
export { writeReports, REPORT_FILES, type WriteReportsOptions } from './reporters/write-reports.js';
export {
  gradeClass,
  type GradeClassOptions,
  type ClassRunSummary,
  type ClassBackend,
  type NotGradedSubmission,
} from './class/grade-class.js';
export { ClassProgress, type ProgressSink } from './class/progress.js';
export { defaultJobs, type MachineShare } from './class/default-jobs.js';
export {
  listSubmissions,
  materializeSubmission,
  safeId,
  type SubmissionSource,
  type MaterializedSubmission,
} from './class/submission-source.js';
export { unzipSubmission, type UnzipLimits } from './class/unzip-submission.js';
export {
  makeHandout,
  type HandoutOptions,
  type HandoutReport,
  type StrippedFile,
} from './handout/make-handout.js';
export {
  parseCatalog,
  parseWorkspaceGlobs,
  allowBuildsBlock,
  readWorkspace,
  findWorkspaceRoot,
  type WorkspaceInfo,
} from './handout/workspace-catalog.js';
export {
  runMutants,
  mutantFileName,
  type RunMutantsOptions,
  type MutantsRun,
  type MutantTally,
} from './mutants/run-mutants.js';
export {
  loadCatalogue,
  parseCatalogueEntry,
  applyEdits,
  countOccurrences,
  type CatalogueMutant,
  type MutantEdit,
  type InvalidMutant,
  type MutantCatalogue,
} from './mutants/mutant-catalogue.js';
export { behaviourRows } from './mutants/behaviour-rows.js';
export {
  listAutoMutants,
  sampleAutoMutants,
  applyAutoMutant,
  solutionRegionOffsets,
  type AutoMutant,
} from './mutants/auto-mutants.js';
export {
  proposeMutations,
  type MutationOperator,
  type ProposedMutation,
} from './mutants/mutation-operators.js';
export {
  tokenize,
  isSignificant,
  type SourceToken,
  type TokenKind,
  type TokenLanguage,
} from './mutants/source-tokens.js';
export {
  classifyMutant,
  catalogueProblem,
  type MutantOutcome,
  type MutantStatus,
} from './mutants/mutant-outcome.js';
export {
  toMutantsTable,
  toMutantsMarkdown,
  mutantVerdict,
  catalogueSummary,
  autoSummary,
} from './mutants/mutants-report.js';
export { graderCli } from './bin/grader-cli.js';
export * from './export/index.js';
export {
  sandboxSupport,
  fallbackWarning,
  sandboxUserId,
  SANDBOX_USER_ID,
  sandboxLimits,
  NODE_BASE_MEMORY_MB,
  sandboxCommand,
  sandboxEnv,
  spawnLimited,
  submissionPolicy,
  runtimeMounts,
  sandboxLauncher,
  sandboxWrapCommand,
  type SandboxSupport,
  type SandboxIsolation,
  type SandboxLimits,
  type SandboxPolicy,
  type SandboxedCommand,
  type LimitedChild,
  type SpawnLimitedOptions,
  type SpawnLimitedResult,
  type SubmissionPolicyOptions,
  type RuntimeMounts,
  type ProgramLaunch,
  type SandboxLauncherOptions,
  type WrappedLaunch,
} from './sandbox/index.js';
