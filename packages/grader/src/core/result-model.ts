import type { GraderErrorCode } from './grader-error.js';

/** Who sees a test's result (Gradescope's vocabulary). */
export type Visibility = 'visible' | 'hidden' | 'after_due_date';

/** One moment of a device or service timeline attached to a test's feedback. */
export interface TimelineEntry {
  /** Milliseconds since the scenario started, when known. */
  t?: number;
  /** What produced it: `lcd`, `servo`, `http`, `log`, … */
  kind: string;
  /** Human-readable text of the event. */
  text: string;
}

/** Feedback a test attaches for the student (via `feedback()` in the harness). */
export interface TestFeedback {
  /** What the test expected, in words or as a value. */
  expected?: string;
  /** What actually happened. */
  actual?: string;
  /** A hint about where to look. */
  hint?: string;
  /** An excerpt of the LCD / servo / HTTP timeline. */
  timeline?: TimelineEntry[];
  /** Messages the test recorded with vitest's `annotate()`, as `type: message`. */
  notes?: string[];
}

/** Why a test lost points. */
export interface TestReason {
  /** Stable reason code, e.g. `grader/timeout`. */
  code: GraderErrorCode;
  /** One sentence for the student. */
  message: string;
}

/** Outcome of one graded test. */
export type TestStatus = 'passed' | 'failed' | 'not_run';

/** The graded result of one manifest test. */
export interface GradedTestResult {
  /** `file::name`, the manifest key. */
  id: string;
  /** Test file relative to `grading/`, e.g. `public/calc.test.ts`. */
  file: string;
  /** Full vitest name (`describe > test`). */
  name: string;
  /** Points earned. */
  score: number;
  /** Points available (from the manifest). */
  points: number;
  /** Bonus tests add to the score but not to the maximum. */
  bonus: boolean;
  /** Who may see this result. */
  visibility: Visibility;
  /** Whether the test passed, failed, or never ran. */
  status: TestStatus;
  /** Why points were lost (absent when the test passed). */
  reason?: TestReason;
  /** Structured feedback the test attached. */
  feedback?: TestFeedback;
  /** Console output the test produced (bounded). */
  output?: string;
  /** Duration in milliseconds, when it ran. */
  durationMs?: number;
  /** Line of the test in its file, when known. */
  line?: number;
}

/** What happened to the run as a whole. */
export interface RunOutcome {
  /** `ok`, or the code explaining why the run ended early or did not start. */
  code: 'ok' | GraderErrorCode;
  /** One sentence for people. */
  message: string;
}

/** Where a submission's grading time went. */
export interface SubmissionTimings {
  /** The build step, in milliseconds. */
  buildMs?: number;
  /** The test process, start to exit, in milliseconds. */
  testsMs?: number;
}

/** The single result model every reporter reads. */
export interface SubmissionResult {
  /** Assignment id (folder name, e.g. `a2-sensor-servo`). */
  assignment: string;
  /** Assignment title for reports. */
  title: string;
  /** Submission id (student folder / zip / repository name). */
  submission: string;
  /** Points earned, bonus included. */
  score: number;
  /** Maximum points of the graded selection, bonus excluded. */
  maxScore: number;
  /** False when the submission could not be graded at all (e.g. does not build). */
  gradable: boolean;
  /** How the run ended. */
  outcome: RunOutcome;
  /** Every manifest test of the selection, in manifest order. */
  tests: GradedTestResult[];
  /** Whether hidden tests were part of the run. */
  includesHidden: boolean;
  /** Build output (bounded), for instructors. */
  buildOutput?: string;
  /** Test runner stdout/stderr (bounded), for instructors. */
  runnerOutput?: string;
  /** Problems with the assignment itself (e.g. a test missing from the manifest). */
  warnings: string[];
  /** Wall time of the whole grading, in milliseconds. */
  durationMs: number;
  /** Where the time went: the build and the test process, in milliseconds. */
  timings?: SubmissionTimings;
  /** ISO time the grading finished. */
  gradedAt: string;
}
