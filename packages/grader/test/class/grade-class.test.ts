import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadAssignment } from '../../src/assignment/load-assignment.js';
import { gradeClass, type ClassRunSummary } from '../../src/class/grade-class.js';
import { gradeSubmission } from '../../src/runner/grade-submission.js';
import type { SubmissionResult } from '../../src/core/result-model.js';
import { parseCsv } from '../../src/reporters/class-csv.js';
import { REPORT_FILES } from '../../src/reporters/write-reports.js';
import { FIXTURE_ASSIGNMENT, FIXTURE_SUBMISSIONS, scratchDir } from '../helpers/fixture-paths.js';
import { writeZip } from '../helpers/make-zip.js';
import { seen } from '../helpers/seen-result.js';

function git(cwd: string, ...args: string[]): void {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error('git is needed for this test: install git (apt-get install git)');
  if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed: ${r.stderr}`);
}

const sandboxed = process.getuid?.() === 0;
let work: string;
let out: string;
let summary: ClassRunSummary;
let lines: string[];
/** The same submissions graded the old way: a fresh test process each. */
const fresh = new Map<string, SubmissionResult>();
/** Submissions graded with `testProcess: 'per-submission'`: all their test files in one process. */
const shared = new Map<string, SubmissionResult>();
// generous: the machine may be shared; only the endless loop pays the full wall clock
const limits = { timeoutSeconds: 45 };
const byId = (id: string): SubmissionResult => {
  const r = summary.results.find((x) => x.submission === id);
  if (!r) throw new Error(`no result for ${id}`);
  return r;
};
const test = (r: SubmissionResult, name: string) => {
  const t = r.tests.find((x) => x.name === name);
  if (!t) throw new Error(`no test ${name}`);
  return t;
};

beforeAll(async () => {
  work = scratchDir('class');
  const subs = join(work, 'class');
  cpSync(FIXTURE_SUBMISSIONS, subs, { recursive: true });
  // the correct submission again, as a zip with a top folder (what LMS downloads look like)
  const files: Record<string, string> = {};
  for (const f of ['package.json', 'tsconfig.json', 'src/calc.ts', 'src/cli.ts'])
    files[`correct-copy/${f}`] = readFileSync(join(subs, 'correct', f), 'utf8');
  writeZip(join(subs, 'zipped.zip'), files);
  writeFileSync(join(subs, 'corrupt.zip'), 'this is not a zip');
  // a folder handed in empty (only what an OS leaves behind)
  mkdirSync(join(subs, 'empty', '__MACOSX'), { recursive: true });
  // the partial submission as a git repository with an uncommitted fix: only commits count
  const repo = join(subs, 'gitrepo');
  cpSync(join(subs, 'partial'), repo, { recursive: true });
  git(repo, 'init', '-q');
  git(repo, '-c', 'user.email=s@example.com', '-c', 'user.name=s', 'add', '.');
  git(repo, '-c', 'user.email=s@example.com', '-c', 'user.name=s', 'commit', '-q', '-m', 'submit');
  cpSync(join(subs, 'correct', 'src', 'calc.ts'), join(repo, 'src', 'calc.ts'));
  out = join(work, 'out');
  lines = [];
  summary = await gradeClass({
    assignment: loadAssignment(FIXTURE_ASSIGNMENT),
    inputs: [subs],
    outDir: out,
    jobs: 2,
    includeHidden: true,
    force: false,
    limits,
    progress: { isTTY: false, write: (t) => lines.push(t) },
  });
  // the class ran on reused test workers (the default); a broken and a correct submission again,
  // each in a fresh test process, must come out the same
  for (const id of ['partial', 'correct'])
    fresh.set(
      id,
      await gradeSubmission({
        assignment: loadAssignment(FIXTURE_ASSIGNMENT),
        submissionDir: join(subs, id),
        submissionId: id,
        includeHidden: true,
        backend: { namespace: `a0-calc-${id}` },
        limits,
      }),
    );
  // A crash under one shared test process; A2 grades its reference this way in its own tests.
  shared.set(
    'oom',
    await gradeSubmission({
      assignment: loadAssignment(FIXTURE_ASSIGNMENT),
      submissionDir: join(subs, 'oom'),
      submissionId: 'oom',
      includeHidden: true,
      backend: { namespace: 'a0-calc-shared-oom' },
      limits: { ...limits, testProcess: 'per-submission' },
    }),
  );
}, 900_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('gradeClass on the fixture class', () => {
  it('gives the correct submission full marks plus the bonus', () => {
    const r = byId('correct');
    expect(r.outcome.code).toBe('ok');
    expect([r.score, r.maxScore]).toEqual([11, 10]);
    expect(r.tests.every((t) => t.status === 'passed')).toBe(true);
    expect(test(r, 'cli > prints the angles as JSON').feedback?.notes).toEqual([
      'notice: ran node dist/cli.js 0 4095 -1',
    ]);
  });

  it('gives a broken and a correct submission the same scores and feedback on a reused worker as in a fresh process', () => {
    for (const id of ['partial', 'correct'])
      expect(seen(byId(id))).toEqual(seen(fresh.get(id) as SubmissionResult));
  });

  it('scores the partially correct submission exactly, with a partial bonus', () => {
    const r = byId('partial');
    expect(r.score).toBe(7.75);
    expect(test(r, 'toAngle > clamps readings outside 0..4095').reason?.code).toBe('grader/test-failed');
    expect(test(r, 'toAngle > clamps readings outside 0..4095').feedback?.actual).toBe('[-2,220]');
    expect(test(r, 'bonus: every reading maps within 0..180').score).toBe(0.75);
    expect(test(r, 'average of no readings is 0').reason?.message).toMatch(/NaN/);
  });

  it('marks a submission that does not compile as not gradable, keeping the full maximum', () => {
    const r = byId('broken');
    expect(r.gradable).toBe(false);
    expect(r.outcome.code).toBe('grader/build-failed');
    expect([r.score, r.maxScore]).toEqual([0, 10]);
    expect(r.buildOutput).toMatch(/TS2322/);
    expect(r.tests.every((t) => t.reason?.code === 'grader/build-failed')).toBe(true);
  });

  it('kills a synchronous endless loop at the wall clock and keeps the points earned before it', () => {
    const r = byId('hang');
    expect(r.outcome.code).toBe('grader/timeout');
    expect(r.score).toBe(2);
    const guilty = test(r, 'toAngle > clamps readings outside 0..4095');
    expect(guilty.reason?.code).toBe('grader/timeout');
    expect(guilty.reason?.message).toMatch(/was running/);
    expect(test(r, 'average > averages readings').status).toBe('not_run');
  });

  it('runs all test files in one process when the config asks: a crash then ends the files after it', () => {
    // In its own process per file, only calc.test.ts's later tests are lost (6 points kept, see below);
    // sharing one process, the files after it never run.
    const oom = shared.get('oom') as SubmissionResult;
    expect(oom.outcome.code).toBe('grader/out-of-memory');
    expect(oom.score).toBe(4);
    expect(test(oom, 'cli > prints the angles as JSON').status).toBe('not_run');
  });

  it('stops a submission that allocates without bound at the memory limit', () => {
    const r = byId('oom');
    expect(r.outcome.code).toBe('grader/out-of-memory');
    expect(test(r, 'average > averages readings').reason?.code).toBe('grader/out-of-memory');
    expect(r.score).toBe(6);
  });

  it('truncates megabytes of output instead of keeping them', () => {
    const r = byId('noisy');
    expect(r.score).toBe(9);
    const limit = 16_384;
    for (const t of r.tests) expect((t.output ?? '').length).toBeLessThan(limit + 200);
    expect(test(r, 'toAngle > maps both ends of the range').output).toMatch(
      /bytes cut: output limit reached/,
    );
    expect((r.runnerOutput ?? '').length).toBeLessThan(limit + 200);
    expect(readFileSync(join(out, 'noisy', REPORT_FILES.result)).length).toBeLessThan(300_000);
  });

  it('keeps the hidden tests and the grader folders away from the submission', () => {
    const r = byId('snoop');
    // the CLI prints "ESCAPED: …" (breaking its JSON) for every read or write that worked
    if (sandboxed) {
      expect(r.score).toBe(11);
    } else {
      expect(test(r, 'cli > prints the angles as JSON').status).toBe('failed');
    }
    expect(existsSync(join(FIXTURE_ASSIGNMENT, 'grading', 'public', 'calc.test.ts'))).toBe(true);
    expect(readFileSync(join(FIXTURE_ASSIGNMENT, 'grading', 'public', 'calc.test.ts'), 'utf8')).not.toMatch(
      /pwned/,
    );
  });

  it('reads zips and clones only the committed work of git repositories', () => {
    expect(byId('zipped').score).toBe(11);
    expect(byId('gitrepo').score).toBe(7.75);
  });

  it('completes the class, flags the unreadable zip and the empty folder as not gradable, and writes every report', () => {
    expect(summary.notGraded.map((n) => [n.id, n.code, n.retryable])).toEqual([
      ['corrupt', 'grader/bad-submission', true],
      ['empty', 'grader/empty-submission', false],
    ]);
    expect(summary.notGraded[1]?.message).toBe('the submission is empty: no file was handed in');
    expect(summary.results).toHaveLength(11);
    for (const id of [
      'correct',
      'partial',
      'broken',
      'hang',
      'oom',
      'noisy',
      'snoop',
      'zipped',
      'gitrepo',
      'empty',
    ]) {
      for (const f of Object.values(REPORT_FILES).filter((f) => !f.endsWith('.log')))
        expect(existsSync(join(out, id, f)), `${id}/${f}`).toBe(true);
    }
    // The empty folder's student feedback says what happened, without a temp path.
    const emptyFeedback = readFileSync(join(out, 'empty', REPORT_FILES.feedback), 'utf8');
    expect(emptyFeedback).toContain('the submission is empty: no file was handed in');
    expect(emptyFeedback).not.toMatch(/\/tmp\/|iotkit-/);
    // A retryable failure gets the instructor's reports only: no student feedback to take back.
    expect(existsSync(join(out, 'corrupt', REPORT_FILES.result))).toBe(true);
    expect(existsSync(join(out, 'corrupt', REPORT_FILES.instructorFeedback))).toBe(true);
    for (const f of [
      REPORT_FILES.feedback,
      REPORT_FILES.gradescope,
      REPORT_FILES.classroom,
      REPORT_FILES.junit,
    ])
      expect(existsSync(join(out, 'corrupt', f)), `corrupt/${f}`).toBe(false);
    const csv = parseCsv(readFileSync(join(out, 'summary.csv'), 'utf8'));
    expect(csv[0]).toEqual([
      'submission',
      'score',
      'max_score',
      'percent',
      'gradable',
      'outcome',
      'reason',
      'tests_passed',
      'tests_total',
      'seconds',
    ]);
    expect(csv.find((row) => row[0] === 'partial')?.slice(1, 3)).toEqual(['7.75', '10']);
    // The LMS files hold grades only: the flagged two stay out until resolved.
    for (const lms of ['canvas.csv', 'moodle.csv']) {
      const text = readFileSync(join(out, lms), 'utf8');
      expect(text, lms).toContain('partial');
      expect(text, lms).not.toMatch(/\bcorrupt\b|\bempty\b/);
    }
    expect(lines.filter((l) => /^\[\d+\/11\] \S+: /.test(l))).toHaveLength(11);
  });

  it('resumes: a second run skips what is graded and retries only the unreadable zip', async () => {
    const again = await gradeClass({
      assignment: loadAssignment(FIXTURE_ASSIGNMENT),
      inputs: [join(work, 'class')],
      outDir: out,
      jobs: 2,
      includeHidden: true,
      force: false,
    });
    expect(again.resumed).toHaveLength(9);
    expect(again.gradedNow).toEqual([]);
    expect(again.notGraded.map((n) => n.id)).toEqual(['corrupt', 'empty']);
    expect(again.results.find((r) => r.submission === 'partial')?.score).toBe(7.75);
  }, 60_000);

  it('puts the flagged submissions into the LMS files as 0 only when asked', async () => {
    const zeroOut = join(work, 'zero');
    cpSync(out, zeroOut, { recursive: true });
    await gradeClass({
      assignment: loadAssignment(FIXTURE_ASSIGNMENT),
      inputs: [join(work, 'class')],
      outDir: zeroOut,
      jobs: 2,
      includeHidden: true,
      force: false,
      zeroUngradable: true,
    });
    const canvas = readFileSync(join(zeroOut, 'canvas.csv'), 'utf8');
    expect(canvas).toMatch(/\bcorrupt\b/);
    expect(canvas).toMatch(/\bempty\b/);
  }, 60_000);
});
