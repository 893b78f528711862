// Submissions that attack the grader, each graded for real (copy, test process, sandboxed
// module) with the hidden tests included. Each must be contained, scored for what its code
// does, and leave no trace of the hidden tests in anything the grader reports.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAssignment, type Assignment } from '../../src/assignment/load-assignment.js';
import { eventually } from '../../src/harness/eventually.js';
import type { SubmissionResult } from '../../src/core/result-model.js';
import { gradeSubmission } from '../../src/runner/grade-submission.js';
import { sandboxSupport } from '../../src/sandbox/sandbox-support.js';
import { FIXTURE_ASSIGNMENT } from '../helpers/fixture-paths.js';

const dir = join(FIXTURE_ASSIGNMENT, '..', 'h0-hostile');
const SECRET = 'HIDDEN-SECRET-h0-5d1c';
let assignment: Assignment;

beforeAll(() => {
  expect(
    sandboxSupport().isolation,
    `the grading sandbox needs bubblewrap: sudo apt-get install -y bubblewrap (${sandboxSupport().reason})`,
  ).toBe('bwrap');
  assignment = loadAssignment(dir);
});

async function grade(id: string): Promise<SubmissionResult> {
  const result = await gradeSubmission({
    assignment,
    submissionDir: join(dir, 'submissions', id),
    submissionId: id,
    includeHidden: true,
  });
  // whatever the submission did, nothing the grader reports may contain the hidden tests
  expect(JSON.stringify(result)).not.toContain(SECRET);
  expect(result.warnings.join('\n')).not.toMatch(/WITHOUT the bwrap sandbox/);
  return result;
}

const scores = (r: SubmissionResult): number[] => r.tests.map((t) => t.score);
const reason = (r: SubmissionResult, i: number): string => r.tests[i]?.reason?.message ?? '';

describe('hostile submissions, graded in the sandbox', () => {
  it('an honest submission earns every point through the proxy', async () => {
    const r = await grade('honest');
    expect([r.outcome.code, r.score, r.maxScore]).toEqual(['ok', 3, 3]);
  }, 180_000);

  it('a module that searches the file system for the tests at import finds nothing and keeps its points', async () => {
    const r = await grade('reads-tests');
    expect(reason(r, 0)).not.toMatch(/found the tests/);
    expect([r.outcome.code, r.score]).toEqual(['ok', 3]);
  }, 180_000);

  it('a module that patches expect, prototypes and globals cannot make wrong answers pass', async () => {
    const r = await grade('patches-globals');
    expect([r.outcome.code, scores(r)]).toEqual(['ok', [0, 0, 0]]);
  }, 180_000);

  it('a module that writes forged results where graders keep them changes nothing', async () => {
    const r = await grade('writes-results');
    expect([r.outcome.code, scores(r)]).toEqual(['ok', [0, 0, 0]]);
    expect(JSON.stringify(r)).not.toContain('FORGED-RESULT');
    expect(existsSync('/autograder/results/results.json')).toBe(false);
  }, 180_000);

  it('a fork bomb fails its own test and leaves no process behind', async () => {
    const r = await grade('fork-bomb');
    expect(scores(r)).toEqual([0, 1, 0]);
    expect(reason(r, 0)).toMatch(/add\(\) did not return within 4000 ms/);
    // The sandbox runs in a PID namespace of its own, in a session of its own: killing it ends the
    // namespace's first process, and the kernel then kills every other process in it, after the
    // grader has seen the sandbox exit. So the forks may still be dying here; they must all be
    // gone within seconds, and any that stays fails the test.
    const bombs = (): string[] =>
      spawnSync('ps', ['-eo', 'args'], { encoding: 'utf8' })
        .stdout.split('\n')
        .filter((line) => line.includes('bomb()'));
    const left = await eventually(
      'every fork of the bomb to be gone',
      () => Promise.resolve(bombs()),
      (lines) => lines.length === 0,
      15_000,
    ).catch(bombs);
    expect(left).toEqual([]);
  }, 180_000);

  it('a memory hog fails its own test with the memory limit named; the next test runs afresh', async () => {
    const r = await grade('memory-hog');
    expect(scores(r)).toEqual([0, 1, 0]);
    expect(reason(r, 0)).toMatch(/memory|allocation failed/i);
  }, 180_000);

  it('a busy loop at import fails every test with the load limit, long before the wall clock', async () => {
    const r = await grade('busy-import');
    expect([r.outcome.code, scores(r)]).toEqual(['ok', [0, 0, 0]]);
    expect(reason(r, 0)).toMatch(/loading src\/lab\.mjs did not finish within 15000 ms/);
    expect(r.durationMs).toBeLessThan(assignment.config.timeoutSeconds * 1000);
  }, 180_000);

  it('a module that opens thousands of sockets is held by the open-file limit and still graded', async () => {
    const r = await grade('many-sockets');
    expect([r.outcome.code, r.score]).toEqual(['ok', 3]);
  }, 180_000);
});
