import type { TestFeedback, Visibility } from './result-model.js';

/** An error as the test process saw it, already cut to size. */
export interface ObservedError {
  /** The error message. */
  message: string;
  /** Serialised expected value of a failed assertion. */
  expected?: string;
  /** Serialised actual value of a failed assertion. */
  actual?: string;
}

/** Meta a graded test carries (static from `graded()`, plus what the test set while running). */
export interface ObservedMeta {
  /** Points declared in the test file. */
  points?: number;
  /** Visibility declared in the test file. */
  visibility?: Visibility;
  /** Partial score the test awarded itself. */
  score?: number;
  /** Feedback the test attached. */
  feedback?: TestFeedback;
}

/**
 * One line of the JSON-lines stream the test process writes while it runs, so that whatever
 * finished before a kill still counts.
 */
export type Observation =
  StartObservation | TestObservation | ModuleErrorObservation | UnhandledObservation | EndObservation;

/** A test is about to run (so a kill can name it). */
export interface StartObservation {
  /** Discriminant. */
  kind: 'start';
  /** Test file relative to `grading/`. */
  file: string;
  /** Full test name. */
  name: string;
}

/** A test finished. */
export interface TestObservation {
  /** Discriminant. */
  kind: 'test';
  /** Test file relative to `grading/`. */
  file: string;
  /** Full test name. */
  name: string;
  /** Vitest's final state. */
  state: 'passed' | 'failed' | 'skipped' | 'pending';
  /** First errors, cut to size. */
  errors: ObservedError[];
  /** Points, visibility, partial score and feedback. */
  meta: ObservedMeta;
  /** Milliseconds the test took. */
  durationMs?: number;
  /** Line of the test. */
  line?: number;
  /** Console output of the test, bounded. */
  output?: string;
  /** Vitest annotations, as `type: message`. */
  notes?: string[];
}

/** A test file failed to load or collect. */
export interface ModuleErrorObservation {
  /** Discriminant. */
  kind: 'module-error';
  /** Test file relative to `grading/`. */
  file: string;
  /** The load errors. */
  errors: ObservedError[];
}

/** Errors outside any test (e.g. a crashed worker). */
export interface UnhandledObservation {
  /** Discriminant. */
  kind: 'unhandled';
  /** The errors. */
  errors: ObservedError[];
}

/** The run finished normally. */
export interface EndObservation {
  /** Discriminant. */
  kind: 'end';
  /** Vitest's reason: `passed`, `failed` or `interrupted`. */
  reason: string;
}

/**
 * Parses the JSON-lines stream; a torn last line (the process was killed mid-write) is ignored.
 * @param text - file contents
 */
export function parseObservations(text: string): Observation[] {
  const out: Observation[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      out.push(JSON.parse(line) as Observation);
    } catch {
      // a line cut short by a kill: nothing after it can exist either
      break;
    }
  }
  return out;
}
