import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Assignment } from '../assignment/load-assignment.js';
import type { GraderConfig } from '../core/grader-config.js';
import { GraderError } from '../core/grader-error.js';
import { selectTests } from '../core/manifest.js';
import type { SubmissionResult } from '../core/result-model.js';
import { scoreTests } from '../core/score.js';
import { toCanvasCsv, toMoodleCsv, toSummaryCsv, type RosterEntry } from '../reporters/class-csv.js';
import { REPORT_FILES, writeReports } from '../reporters/write-reports.js';
import { gradeSubmission } from '../runner/grade-submission.js';
import { TestWorkerPool } from '../runner/test-worker-pool.js';
import { notGradableReason } from './gradable-check.js';
import { ClassProgress, type ProgressSink } from './progress.js';
import { listSubmissions, materializeSubmission, type SubmissionSource } from './submission-source.js';

/** The one backend a class run shares; each submission gets its own namespace on it. */
export interface ClassBackend {
  /** RTDB base URL. */
  rtdbUrl?: string;
  /** Auth emulator URL. */
  authUrl?: string;
}

/** Options of {@link gradeClass}. */
export interface GradeClassOptions {
  /** The assignment. */
  assignment: Assignment;
  /** Submission folders, zips, git repositories, or folders of them. */
  inputs: string[];
  /** Output folder: one folder per student plus the class CSVs. */
  outDir: string;
  /** Submissions graded at once. */
  jobs: number;
  /** Run hidden tests too. */
  includeHidden: boolean;
  /** Regrade submissions that already have a complete report folder. */
  force: boolean;
  /** Shared backend, when the assignment needs one. */
  backend?: ClassBackend;
  /** Names / emails / SIS ids for the LMS CSVs. */
  roster?: Map<string, RosterEntry>;
  /** Progress output; nothing is printed when absent. */
  progress?: ProgressSink;
  /** Limit overrides for every submission. */
  limits?: Partial<Omit<GraderConfig, 'build' | 'backend' | 'requiredFiles'>>;
  /** Put not-gradable submissions into the LMS CSVs as 0 (default: left out until resolved). */
  zeroUngradable?: boolean;
  /**
   * `reused` (default): one long-lived test worker per job grades its submissions one after the
   * other (vitest starts `jobs` times per class, each run's test files still in a fresh process);
   * `fresh`: a new test process per submission, as before. Both give the same results.
   */
  testWorkers?: 'reused' | 'fresh';
}

/** A submission the run could not grade. */
export interface NotGradedSubmission {
  /** Submission id. */
  id: string;
  /** Reason code. */
  code: string;
  /** What went wrong. */
  message: string;
  /**
   * True when the hand-in itself could not be read (a corrupt archive, a failed clone): worth
   * another download; no student feedback is written for it.
   */
  retryable: boolean;
}

/** What a class run produced. */
export interface ClassRunSummary {
  /** A result per submission that has one (graded now or earlier), in input order. */
  results: SubmissionResult[];
  /** Submissions graded in this run. */
  gradedNow: string[];
  /** Submissions skipped because a complete report already existed. */
  resumed: string[];
  /** Submissions that could not be graded, with the reason. */
  notGraded: NotGradedSubmission[];
  /** Wall time of the run in milliseconds. */
  durationMs: number;
}

/** Reasons that mean the submission itself could not be read: retried on the next run. */
const UNREADABLE = new Set([
  'grader/bad-submission',
  'grader/unsafe-path',
  'grader/git-failed',
  'grader/missing-tool',
  'grader/crashed',
]);
/** Reasons a submission is not gradable as handed in; checked again on every run. */
const NOT_GRADABLE = new Set(['grader/empty-submission', 'grader/missing-files']);

function previousResult(file: string, o: GradeClassOptions): SubmissionResult | null {
  if (o.force || !existsSync(file)) return null;
  try {
    const r = JSON.parse(readFileSync(file, 'utf8')) as SubmissionResult;
    const ok =
      r.assignment === o.assignment.id &&
      r.includesHidden === o.includeHidden &&
      !UNREADABLE.has(r.outcome.code) &&
      !NOT_GRADABLE.has(r.outcome.code);
    return ok ? r : null;
  } catch {
    return null;
  }
}

function unreadableResult(o: GradeClassOptions, id: string, e: GraderError, ms: number): SubmissionResult {
  const outcome = { code: e.code, message: e.message };
  const scored = scoreTests(selectTests(o.assignment.manifest, o.includeHidden), [], {
    code: 'grader/bad-submission',
    message: e.message,
  });
  return {
    assignment: o.assignment.id,
    title: o.assignment.manifest.title,
    submission: id,
    score: 0,
    maxScore: scored.maxScore,
    gradable: false,
    outcome,
    tests: scored.tests,
    includesHidden: o.includeHidden,
    warnings: [],
    durationMs: Math.round(ms),
    gradedAt: new Date().toISOString(),
  };
}

/**
 * Grades a whole class: every submission in isolation (own temp folder, own process, own
 * namespace on the shared backend), `jobs` at a time, writing each student's reports as soon as
 * they are ready. Already graded submissions are skipped unless `force`; the class CSVs are
 * written at the end from every result, old and new.
 * @param o - see {@link GradeClassOptions}
 */
export async function gradeClass(o: GradeClassOptions): Promise<ClassRunSummary> {
  const started = performance.now();
  const sources = listSubmissions(o.inputs);
  mkdirSync(o.outDir, { recursive: true });
  const jobs = Math.max(1, Math.floor(o.jobs));
  const progress = o.progress ? new ClassProgress(sources.length, o.progress, jobs) : null;
  const results = new Map<string, SubmissionResult>();
  const summary: ClassRunSummary = { results: [], gradedNow: [], resumed: [], notGraded: [], durationMs: 0 };

  const gradeOne = async (s: SubmissionSource): Promise<void> => {
    const dir = join(o.outDir, s.id);
    const prev = previousResult(join(dir, REPORT_FILES.result), o);
    if (prev) {
      results.set(s.id, prev);
      summary.resumed.push(s.id);
      progress?.finish(s.id, `${prev.score}/${prev.maxScore} (already graded; --force regrades)`);
      return;
    }
    progress?.start(s.id);
    const t0 = performance.now();
    let result: SubmissionResult;
    try {
      const m = await materializeSubmission(s);
      try {
        const reason = notGradableReason(m.dir, o.assignment.config.requiredFiles);
        if (reason) throw reason;
        const namespace = `${o.assignment.id}-${s.id}`.toLowerCase();
        result = pool
          ? await pool.grade({ submissionDir: m.dir, submissionId: s.id, namespace })
          : await gradeSubmission({
              assignment: o.assignment,
              submissionDir: m.dir,
              submissionId: s.id,
              includeHidden: o.includeHidden,
              backend: { ...o.backend, namespace },
              ...(o.limits ? { limits: o.limits } : {}),
            });
      } finally {
        m.dispose();
      }
    } catch (e) {
      const err =
        e instanceof GraderError
          ? e
          : new GraderError('grader/crashed', `grader failure: ${(e as Error).message}`);
      result = unreadableResult(o, s.id, err, performance.now() - t0);
      const retryable = !NOT_GRADABLE.has(err.code);
      summary.notGraded.push({ id: s.id, code: err.code, message: err.message, retryable });
      // A retryable failure is the kit's or the download's problem, not the student's work.
      writeReports(result, dir, { studentReports: !retryable });
      results.set(s.id, result);
      progress?.finish(s.id, `NOT GRADABLE: ${err.message}`, performance.now() - t0);
      return;
    }
    writeReports(result, dir);
    results.set(s.id, result);
    summary.gradedNow.push(s.id);
    progress?.finish(
      s.id,
      `${result.score}/${result.maxScore}${result.outcome.code === 'ok' ? '' : ` ${result.outcome.code}`}`,
      performance.now() - t0,
    );
  };

  const queue = [...sources];
  const width = Math.min(jobs, queue.length);
  const pool =
    o.testWorkers !== 'fresh' && width > 0
      ? new TestWorkerPool({
          assignment: o.assignment,
          includeHidden: o.includeHidden,
          workers: width,
          ...(o.backend ? { backend: o.backend } : {}),
          ...(o.limits ? { limits: o.limits } : {}),
        })
      : undefined;
  try {
    await Promise.all(
      Array.from({ length: width }, async () => {
        for (let s = queue.shift(); s; s = queue.shift()) await gradeOne(s);
      }),
    );
  } finally {
    await pool?.close();
  }
  const order = new Map(sources.map((s, i) => [s.id, i]));
  summary.notGraded.sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0));
  summary.results = sources
    .map((s) => results.get(s.id))
    .filter((r): r is SubmissionResult => r !== undefined);
  // The LMS gets grades only: a flagged submission stays out until resolved, unless asked.
  const forLms = o.zeroUngradable
    ? summary.results
    : summary.results.filter((r) => !summary.notGraded.some((n) => n.id === r.submission));
  writeFileSync(join(o.outDir, 'summary.csv'), toSummaryCsv(summary.results));
  writeFileSync(join(o.outDir, 'canvas.csv'), toCanvasCsv(forLms, o.roster));
  writeFileSync(join(o.outDir, 'moodle.csv'), toMoodleCsv(forLms, o.roster));
  progress?.end();
  summary.durationMs = Math.round(performance.now() - started);
  return summary;
}
