import { appendFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Reporter, TestCase, TestModule } from 'vitest/node';

type UserConsoleLog = Parameters<NonNullable<Reporter['onUserConsoleLog']>>[0];
import type { Observation, ObservedError, ObservedMeta } from '../core/observation.js';
import type { TestFeedback } from '../core/result-model.js';
import { BoundedText } from '../core/bounded-text.js';

const MESSAGE_LIMIT = 4000;

function cut(text: string, limit = MESSAGE_LIMIT): string {
  return text.length > limit ? `${text.slice(0, limit)}… [cut]` : text;
}

function stringify(v: unknown): string | undefined {
  if (v === undefined) return undefined;
  return cut(typeof v === 'string' ? v : (JSON.stringify(v) ?? String(v)), 1000);
}

function toObserved(
  e: { message?: string; expected?: unknown; actual?: unknown; name?: string } | undefined,
): ObservedError {
  const message = cut(e?.message ?? e?.name ?? 'unknown error');
  const expected = stringify(e?.expected);
  const actual = stringify(e?.actual);
  return {
    message,
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
  };
}

/**
 * A test's feedback as it leaves the test process: every field kept, each bounded in size.
 * @param fb - what the test attached (`feedback()` in the harness)
 */
export function boundedFeedback(fb: TestFeedback | undefined): TestFeedback | undefined {
  if (!fb || typeof fb !== 'object') return undefined;
  const text = (v: unknown, n: number): string | undefined =>
    v === undefined ? undefined : cut(String(v), n);
  const expected = text(fb.expected, 2000);
  const actual = text(fb.actual, 2000);
  const hint = text(fb.hint, 1000);
  const timeline = Array.isArray(fb.timeline)
    ? fb.timeline.slice(-40).map((e) => ({
        ...(typeof e.t === 'number' ? { t: e.t } : {}),
        kind: cut(String(e.kind), 20),
        text: cut(String(e.text), 300),
      }))
    : undefined;
  // Notes name causes the message cannot (refused requests, what the functions runner found).
  const notes = Array.isArray(fb.notes) ? fb.notes.slice(0, 10).map((n) => cut(String(n), 1000)) : [];
  return {
    ...(expected !== undefined ? { expected } : {}),
    ...(actual !== undefined ? { actual } : {}),
    ...(hint !== undefined ? { hint } : {}),
    ...(notes.length > 0 ? { notes } : {}),
    ...(timeline ? { timeline } : {}),
  };
}

/**
 * Vitest reporter of the test process: appends one JSON line per event to a file, synchronously,
 * so that what finished before a kill is on disk. Console output is kept per test, bounded.
 */
export class ObservationReporter implements Reporter {
  private readonly logs = new Map<string, BoundedText>();

  /**
   * @param file - JSON-lines file to append to (a reused worker moves it with {@link retarget})
   * @param gradingDir - the `grading/` folder; test files are named relative to it
   * @param outputLimit - bytes of console output kept per test
   */
  constructor(
    private file: string,
    private readonly gradingDir: string,
    private readonly outputLimit: number,
  ) {}

  /**
   * Sends the next run's observations to another file and forgets the last run's console output
   * (test ids repeat from one submission to the next).
   * @param file - the next run's JSON-lines file
   */
  retarget(file: string): void {
    this.file = file;
    this.logs.clear();
  }

  private write(o: Observation): void {
    appendFileSync(this.file, `${JSON.stringify(o)}\n`);
  }

  private fileOf(moduleId: string): string {
    return relative(this.gradingDir, moduleId).split('\\').join('/');
  }

  /** @param testCase - the test about to run */
  onTestCaseReady(testCase: TestCase): void {
    this.write({ kind: 'start', file: this.fileOf(testCase.module.moduleId), name: testCase.fullName });
  }

  /** @param log - console output of a test */
  onUserConsoleLog(log: UserConsoleLog): void {
    if (!log.taskId) return;
    let buf = this.logs.get(log.taskId);
    if (!buf) {
      buf = new BoundedText(this.outputLimit);
      this.logs.set(log.taskId, buf);
    }
    buf.push(log.content);
  }

  /** @param testCase - the finished test */
  onTestCaseResult(testCase: TestCase): void {
    const result = testCase.result();
    const meta = testCase.meta() as ObservedMeta;
    const diag = testCase.diagnostic();
    const output = this.logs.get(testCase.id)?.toString();
    const notes = testCase.annotations().map((a) => cut(`${a.type}: ${a.message}`, 1000));
    this.write({
      kind: 'test',
      file: this.fileOf(testCase.module.moduleId),
      name: testCase.fullName,
      state: result.state,
      errors: (result.errors ?? []).slice(0, 3).map((e) => toObserved(e)),
      meta: {
        ...(meta.points !== undefined ? { points: meta.points } : {}),
        ...(meta.visibility !== undefined ? { visibility: meta.visibility } : {}),
        ...(meta.score !== undefined ? { score: meta.score } : {}),
        ...(meta.feedback !== undefined ? { feedback: boundedFeedback(meta.feedback) } : {}),
      },
      ...(diag ? { durationMs: Math.round(diag.duration) } : {}),
      ...(testCase.location ? { line: testCase.location.line } : {}),
      ...(output ? { output } : {}),
      ...(notes.length > 0 ? { notes } : {}),
    });
  }

  /** @param module - a finished test file; load errors are recorded */
  onTestModuleEnd(module: TestModule): void {
    const errors = module.errors();
    if (errors.length > 0) {
      this.write({
        kind: 'module-error',
        file: this.fileOf(module.moduleId),
        errors: errors.slice(0, 3).map((e) => toObserved(e)),
      });
    }
  }

  /**
   * @param _modules - all test files
   * @param unhandledErrors - errors outside any test (e.g. a crashed worker)
   * @param reason - how the run ended
   */
  onTestRunEnd(
    _modules: ReadonlyArray<TestModule>,
    unhandledErrors: ReadonlyArray<unknown>,
    reason: string,
  ): void {
    if (unhandledErrors.length > 0) {
      this.write({
        kind: 'unhandled',
        errors: unhandledErrors.slice(0, 3).map((e) => toObserved(e as { message?: string })),
      });
    }
    this.write({ kind: 'end', reason });
  }
}
