/** Every stable error and reason code of the grader; docs/packages/grader.md lists them. */
export type GraderErrorCode =
  | 'grader/bad-manifest'
  | 'grader/bad-config'
  | 'grader/assignment-not-found'
  | 'grader/submission-not-found'
  | 'grader/bad-submission'
  | 'grader/empty-submission'
  | 'grader/missing-files'
  | 'grader/unsafe-path'
  | 'grader/git-failed'
  | 'grader/build-failed'
  | 'grader/timeout'
  | 'grader/out-of-memory'
  | 'grader/crashed'
  | 'grader/load-failed'
  | 'grader/test-failed'
  | 'grader/not-run'
  | 'grader/bad-solution-markers'
  | 'grader/missing-tool'
  | 'grader/bad-arguments'
  | 'grader/backend'
  | 'grader/bad-mutant'
  | 'grader/call-timeout'
  | 'grader/submission-crashed'
  | 'grader/not-clonable';

/** The one error class of `@iotkit/grader`; `code` is stable and meant for tests and tooling. */
export class GraderError extends Error {
  /** Stable machine-readable code, e.g. `grader/timeout`. */
  readonly code: GraderErrorCode;

  /**
   * @param code - stable code naming the problem
   * @param message - a sentence a person can act on
   */
  constructor(code: GraderErrorCode, message: string) {
    super(message);
    this.name = 'GraderError';
    this.code = code;
  }
}
