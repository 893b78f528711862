// The real grader (copy, sandboxed imports of the lab modules, graded tests in a child process) on
// the reference solution with the hidden tests, and on the handout: the reference earns every
// automatic point, the handout fails every public test with a hint naming the function to write.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gradeSubmission, loadAssignment, makeHandout } from '@iotkit/grader';
import type { SubmissionResult } from '@iotkit/grader';
import { A1_ROOT } from '../../src/a1-paths.js';

const assignment = loadAssignment(A1_ROOT);
const workDir = mkdtempSync(join(tmpdir(), 'a1-grading-'));
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

function grade(name: string, dir: string, includeHidden: boolean): Promise<SubmissionResult> {
  return gradeSubmission({
    assignment,
    submissionDir: dir,
    submissionId: name,
    includeHidden,
    backend: { namespace: `a1-${name}` },
  });
}

function why(result: SubmissionResult): string {
  const failed = result.tests.filter((t) => t.status !== 'passed').slice(0, 2);
  return `${result.outcome.message}; ${failed.map((t) => `${t.name}: ${t.reason?.message ?? ''} ${t.feedback?.actual ?? ''}`.slice(0, 400)).join(' | ')}`;
}

const GRADE_LIMIT = 300_000;

describe('A1 grading', () => {
  it(
    'the reference labs get every automatic point, hidden tests included',
    async () => {
      const dir = join(workDir, 'reference');
      for (const folder of ['labs', 'report', 'lab-results'])
        cpSync(join(A1_ROOT, folder), join(dir, folder), { recursive: true });
      // "type": "module" makes the lab files ES modules, as in a student's checkout
      for (const file of ['package.json', 'tsconfig.json']) cpSync(join(A1_ROOT, file), join(dir, file));
      const result = await grade('reference', dir, true);
      expect(result.outcome.code, why(result)).toBe('ok');
      expect(
        result.tests.filter((t) => t.status !== 'passed').map((t) => t.name),
        why(result),
      ).toEqual([]);
      // 30 more points are graded by hand (manual items): never part of the automatic score
      expect(result.maxScore).toBe(70);
      expect(result.score).toBe(70);
    },
    GRADE_LIMIT,
  );

  it(
    'the handout keeps no solution or catalogue and fails every public test with a hint',
    async () => {
      const out = join(workDir, 'handout');
      makeHandout({ assignmentDir: A1_ROOT, outDir: out });
      for (const kitOnly of ['grading/hidden', 'grading/mutants', 'test'])
        expect(existsSync(join(out, kitOnly)), kitOnly).toBe(false);
      const topics = readFileSync(join(out, 'labs', 'mqtt', 'topic-match.ts'), 'utf8');
      expect(topics).not.toContain("level !== '+'");
      expect(topics).toContain('// TODO: split both on "/"');
      const result = await grade('handout', out, false);
      expect(result.outcome.code, result.outcome.message).toBe('ok');
      expect(result.score).toBe(0);
      expect(readFileSync(join(out, 'report', 'report.md'), 'utf8')).toContain(
        '<!-- TODO: write section 1 here',
      );
      expect(existsSync(join(out, 'labs', 'layers', 'loopback-http.pcap'))).toBe(true);
      const scripts = (JSON.parse(readFileSync(join(out, 'package.json'), 'utf8')) as { scripts: object })
        .scripts;
      expect(Object.keys(scripts)).toEqual(expect.arrayContaining(['lab', 'report', 'check']));
      expect(result.tests.length).toBe(7);
      for (const test of result.tests) {
        expect(test.status, test.name).toBe('failed');
        if (test.name.startsWith('report:')) {
          expect(test.score, test.name).toBe(0);
          expect(test.feedback?.hint, test.name).toMatch(/^start with (section 1|lab layers)/);
        } else {
          expect(test.feedback?.actual, test.name).toMatch(/is still a TODO: Not implemented yet/);
          expect(test.feedback?.hint, test.name).toMatch(/look at \w+\(\) in labs\//);
        }
      }
    },
    GRADE_LIMIT,
  );
});
