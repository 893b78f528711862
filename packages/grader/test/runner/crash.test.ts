import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { loadAssignment } from '../../src/assignment/load-assignment.js';
import type { SubmissionResult } from '../../src/core/result-model.js';
import { gradeSubmission } from '../../src/runner/grade-submission.js';
import { TestWorkerPool } from '../../src/runner/test-worker-pool.js';
import { FIXTURE_ASSIGNMENT } from '../helpers/fixture-paths.js';
import { seen } from '../helpers/seen-result.js';

const dir = join(FIXTURE_ASSIGNMENT, '..', 'c0-crash');
const assignment = loadAssignment(dir);
const submissionDir = join(dir, 'submissions', 'kills-itself');
let fresh: SubmissionResult;
const reused: SubmissionResult[] = [];
let workerStarts = 0;

beforeAll(async () => {
  fresh = await gradeSubmission({
    assignment,
    submissionDir,
    submissionId: 'kills-itself',
    includeHidden: false,
  });
  const pool = new TestWorkerPool({ assignment, includeHidden: false, workers: 1 });
  try {
    // twice on one worker: a test file that kills its own process must not break the next run
    for (let i = 0; i < 2; i++)
      reused.push(await pool.grade({ submissionDir, submissionId: 'kills-itself' }));
    workerStarts = pool.workerStarts;
  } finally {
    await pool.close();
  }
}, 240_000);

it('scores a submission that kills its test process, blaming the test that was running', () => {
  expect(fresh.outcome.code).toBe('grader/crashed');
  expect(fresh.gradable).toBe(true);
  expect([fresh.score, fresh.maxScore]).toEqual([1, 2]);
  const guilty = fresh.tests[1];
  expect(guilty?.reason?.code).toBe('grader/crashed');
  expect(guilty?.reason?.message).toMatch(/^this test was running/);
});

it('scores it the same on a reused test worker, run after run, without restarting the worker', () => {
  expect(reused).toHaveLength(2);
  for (const r of reused) expect(seen(r)).toEqual(seen(fresh));
  expect(workerStarts).toBe(1);
});
