// The real grader (copy, build, graded tests in a child process) on the reference solution, with
// the hidden tests, and on the handout: the reference earns 100 + the 20 bonus points, the
// starter builds and fails every public test with a hint naming what to write.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthEmulator } from '@iotkit/backend';
import type { RunningAuthEmulator } from '@iotkit/backend';
import { gradeSubmission, loadAssignment, makeHandout } from '@iotkit/grader';
import type { SubmissionResult } from '@iotkit/grader';
import { startRtdbServer } from '@iotkit/rtdb-server';
import type { RunningRtdbServer } from '@iotkit/rtdb-server';
import { A5_ROOT } from '../../src/a5-paths.js';

const assignment = loadAssignment(A5_ROOT);
const workDir = mkdtempSync(join(tmpdir(), 'a5-grading-'));
let auth: RunningAuthEmulator;
let rtdb: RunningRtdbServer;

beforeAll(async () => {
  [auth, rtdb] = await Promise.all([
    startAuthEmulator({ port: 0 }),
    startRtdbServer({ port: 0, log: () => undefined }),
  ]);
}, 180_000);
afterAll(async () => {
  await rtdb?.close();
  await auth?.stop();
  rmSync(workDir, { recursive: true, force: true });
});

function grade(name: string, dir: string, includeHidden: boolean): Promise<SubmissionResult> {
  return gradeSubmission({
    assignment,
    submissionDir: dir,
    submissionId: name,
    includeHidden,
    backend: { rtdbUrl: rtdb.url, authUrl: auth.url, namespace: `a5-${name}` },
  });
}

function why(result: SubmissionResult): string {
  const failed = result.tests.filter((t) => t.status !== 'passed').slice(0, 2);
  return `${result.outcome.message}; ${failed.map((t) => `${t.name}: ${t.reason?.message ?? ''} ${t.feedback?.actual ?? ''}`.slice(0, 400)).join(' | ')}`;
}

const GRADE_LIMIT = 420_000;

describe('A5 grading', () => {
  it(
    'the reference solution gets 100 and the bonus, hidden tests included',
    async () => {
      const dir = join(workDir, 'reference');
      for (const part of ['firmware', 'companion'])
        cpSync(join(A5_ROOT, part), join(dir, part), {
          recursive: true,
          filter: (src) => !/\.pio|node_modules/.test(src),
        });
      const result = await grade('reference', dir, true);
      expect(result.outcome.code).toBe('ok');
      expect(
        result.tests.filter((t) => t.status !== 'passed').map((t) => t.name),
        why(result),
      ).toEqual([]);
      expect(result.maxScore).toBe(100);
      expect(result.score).toBe(120);
    },
    GRADE_LIMIT,
  );

  it(
    'the handout builds, keeps no solution or catalogue, and fails every public test with a hint',
    async () => {
      const out = join(workDir, 'handout');
      makeHandout({ assignmentDir: A5_ROOT, outDir: out });
      for (const kitOnly of ['grading/hidden', 'grading/mutants', 'test'])
        expect(existsSync(join(out, kitOnly)), kitOnly).toBe(false);
      const app = readFileSync(join(out, 'firmware', 'src', 'app', 'a5_app.cpp'), 'utf8');
      expect(app).not.toContain('query.startsWith(settings_.prefix.c_str());');
      expect(app).toContain('// TODO: order by settings_.orderBy');
      // The live bonus is the student's too: no stream opened, no change applied in the starter.
      expect(app).not.toContain('stream_->begin(node.c_str(), query, *this)');
      expect(app).toContain('// TODO: open ONE stream on queryNode() with the same query');
      expect(app).toContain('// TODO: a put of "/" is the whole selection');
      const matches = readFileSync(join(out, 'firmware', 'src', 'app', 'a5_matches.cpp'), 'utf8');
      expect(matches).not.toContain('kOrderByValue ? child');
      expect(matches).toContain('// TODO: the value this child is ordered by');
      const result = await grade('handout', out, false);
      expect(result.outcome.code, result.outcome.message).toBe('ok');
      expect(result.score).toBe(0);
      for (const test of result.tests.filter((t) => t.points > 0 || t.name.includes(':'))) {
        expect(test.status, test.name).toBe('failed');
        expect(test.feedback?.hint, test.name).toBeTruthy();
      }
      const query = result.tests.find((t) => t.name.startsWith('query:'));
      expect(query?.feedback?.actual).toContain('no query');
      const byValue = result.tests.find((t) => t.name.startsWith('bonus: orderBy "$value"'));
      expect(byValue?.feedback?.hint).toContain('matchOf()');
      const live = result.tests.find((t) => t.name.startsWith('bonus: live'));
      expect(live?.feedback?.hint).toContain('startLive()');
    },
    GRADE_LIMIT,
  );
});
