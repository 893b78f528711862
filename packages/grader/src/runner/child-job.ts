/** What the grader hands the test process (written as JSON next to the tests). */
export interface ChildJob {
  /** Folder holding `grading/` (the copied tests) and the linked `node_modules`. */
  root: string;
  /** JSON-lines file the reporter appends to. */
  observationsFile: string;
  /** Per-test vitest timeout. */
  testTimeoutMs: number;
  /** Heap limit of the vitest worker. */
  memoryMb: number;
  /** Console bytes kept per test. */
  outputLimitBytes: number;
  /** One fresh process per test file, or one for all of the run's files (`grader.config.json`). */
  testProcess: 'per-file' | 'per-submission';
}
