import { test, type TestContext } from 'vitest';
import type { TestFeedback, Visibility } from '../core/result-model.js';

declare module 'vitest' {
  interface TaskMeta {
    /** Points of a graded test (static, known before it runs). */
    points?: number;
    /** Who sees the result. */
    visibility?: Visibility;
    /** Partial score a test awards itself (clamped to its points). */
    score?: number;
    /** Feedback for the student. */
    feedback?: TestFeedback;
  }
}

/** Options of {@link graded}. */
export interface GradedOptions {
  /** Who sees the result; `visible` by default. */
  visibility?: Visibility;
  /** Per-test timeout in milliseconds (async code only). */
  timeout?: number;
}

/**
 * Declares a graded test: a vitest test whose static meta carries its points and visibility,
 * so reporters know them even when the test never runs. The manifest stays the source of truth.
 * @param name - test name; with its describe blocks it must match the manifest entry
 * @param points - points for passing
 * @param fn - the test body
 * @param options - visibility and timeout
 */
export function graded(
  name: string,
  points: number,
  fn: (context: TestContext) => unknown,
  options: GradedOptions = {},
): void {
  test(
    name,
    {
      meta: { points, visibility: options.visibility ?? 'visible' },
      ...(options.timeout !== undefined ? { timeout: options.timeout } : {}),
    },
    async (context) => {
      if (process.env.IOTKIT_GRADER_MEMORY_MB !== undefined) await flushTaskUpdates();
      return fn(context);
    },
  );
}

/**
 * Vitest's worker sends test results to the main process at most every 100 ms. If the next test
 * blocks the event loop for good (a synchronous endless loop), results still waiting would be
 * lost with the killed worker. Yielding just over 100 ms before each graded test lets earlier
 * results and the "this test started" event go out first, so a kill costs only the guilty test.
 */
function flushTaskUpdates(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 110));
}

const TIMELINE_KEEP = 40;

/**
 * Attaches feedback to the running test (merged with what was attached before; notes are
 * appended, other fields replaced). Timelines keep
 * their last 40 entries: the end is where a failure shows.
 * @param context - the test context
 * @param fb - expected / actual / hint / timeline
 */
export function feedback(context: TestContext, fb: TestFeedback): void {
  const prev = context.task.meta.feedback ?? {};
  const merged: TestFeedback = { ...prev, ...fb };
  // Notes add up: the harness notes refused requests, a test may add its own.
  if (prev.notes && fb.notes)
    merged.notes = [...prev.notes, ...fb.notes.filter((n) => !prev.notes?.includes(n))];
  if (merged.timeline && merged.timeline.length > TIMELINE_KEEP)
    merged.timeline = merged.timeline.slice(-TIMELINE_KEEP);
  context.task.meta.feedback = merged;
}

/**
 * Awards partial credit: the test's score becomes `score` (clamped to its points).
 * @param context - the test context
 * @param score - points earned
 */
export function partialScore(context: TestContext, score: number): void {
  context.task.meta.score = score;
}
