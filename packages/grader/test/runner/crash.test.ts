import { join } from 'node:path';
import { expect, it } from 'vitest';
import { loadAssignment } from '../../src/assignment/load-assignment.js';
import { gradeSubmission } from '../../src/runner/grade-submission.js';
import { FIXTURE_ASSIGNMENT } from '../helpers/fixture-paths.js';

const dir = join(FIXTURE_ASSIGNMENT, '..', 'c0-crash');

it('scores a submission that kills its test process, blaming the test that was running', async () => {
  const r = await gradeSubmission({
    assignment: loadAssignment(dir),
    submissionDir: join(dir, 'submissions', 'kills-itself'),
    submissionId: 'kills-itself',
    includeHidden: false,
  });
  expect(r.outcome.code).toBe('grader/crashed');
  expect(r.gradable).toBe(true);
  expect([r.score, r.maxScore]).toEqual([1, 2]);
  const guilty = r.tests[1];
  expect(guilty?.reason?.code).toBe('grader/crashed');
  expect(guilty?.reason?.message).toMatch(/^this test was running/);
}, 120_000);
