import { cpSync, existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { checkAssignment } from '../../src/assignment/check-assignment.js';
import { resolveAssignmentDir } from '../../src/assignment/load-assignment.js';
import type { GraderError } from '../../src/core/grader-error.js';
import { FIXTURE_ASSIGNMENT, scratchDir } from '../helpers/fixture-paths.js';

const work = scratchDir('check');
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('checks a working copy in place: builds it and runs only the public tests', async () => {
  const copy = join(work, 'assignments', 'a0-calc');
  cpSync(FIXTURE_ASSIGNMENT, copy, { recursive: true });
  expect(resolveAssignmentDir('a0', work)).toBe(copy);
  const r = await checkAssignment(copy);
  expect([r.score, r.maxScore, r.outcome.code]).toEqual([8, 8, 'ok']);
  expect(r.tests.map((t) => t.file)).not.toContain('hidden/calc-hidden.test.ts');
  expect(existsSync(join(copy, 'dist', 'calc.js'))).toBe(true);
}, 120_000);

it('names the known assignments when one is not found', () => {
  try {
    resolveAssignmentDir('a7', work);
    expect.unreachable('should throw');
  } catch (e) {
    expect((e as GraderError).code).toBe('grader/assignment-not-found');
    expect((e as Error).message).toMatch(/known: a0-calc/);
  }
});
