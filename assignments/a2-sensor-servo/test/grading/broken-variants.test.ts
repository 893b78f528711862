// The grader fixtures: the reference solution scores full marks, and each deliberately broken
// variant loses exactly the graded tests that check what it breaks. Runs the real grader
// (gradeSubmission: copy, build, graded tests in a child process) against one shared backend.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthEmulator } from '@iotkit/backend';
import type { RunningAuthEmulator } from '@iotkit/backend';
import { gradeSubmission, loadAssignment, makeHandout } from '@iotkit/grader';
import type { SubmissionResult } from '@iotkit/grader';
import { startRtdbServer } from '@iotkit/rtdb-server';
import type { RunningRtdbServer } from '@iotkit/rtdb-server';
import { A2_ROOT } from '../../src/a2-paths.js';
import { BROKEN_VARIANTS } from '../fixtures/broken-variants.js';
import type { FixtureEdit } from '../fixtures/broken-variants.js';

const assignment = loadAssignment(A2_ROOT);
const workDir = mkdtempSync(join(tmpdir(), 'a2-fixtures-'));
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

/** A submission folder: the reference's firmware and companion code with the edits applied. */
function materialize(name: string, edits: readonly FixtureEdit[]): string {
  const dir = join(workDir, name);
  for (const part of ['firmware', 'companion']) {
    cpSync(join(A2_ROOT, part), join(dir, part), {
      recursive: true,
      filter: (src) => !/node_modules|[\\/]lib$|\.pio/.test(src),
    });
  }
  for (const edit of edits) {
    const file = join(dir, edit.file);
    const text = readFileSync(file, 'utf8');
    const count = text.split(edit.find).length - 1;
    if (count !== 1)
      throw new Error(
        `fixture ${name}: "${edit.find.trim().slice(0, 60)}" occurs ${count} times in ${edit.file}, expected once`,
      );
    writeFileSync(file, text.replace(edit.find, edit.replace));
  }
  return dir;
}

function grade(name: string, dir: string, includeHidden = true): Promise<SubmissionResult> {
  return gradeSubmission({
    assignment,
    submissionDir: dir,
    submissionId: name,
    includeHidden,
    backend: { rtdbUrl: rtdb.url, authUrl: auth.url, namespace: `a2-fixture-${name}` },
  });
}

/** Why the first failures failed, for the assertion message. */
function why(result: SubmissionResult): string {
  const failed = result.tests.filter((t) => t.status !== 'passed').slice(0, 2);
  return `${result.outcome.message}; ${failed.map((t) => `${t.name}: ${t.reason?.message ?? ''} ${t.feedback?.actual ?? ''}`.slice(0, 400)).join(' | ')}`;
}

function failedTests(result: SubmissionResult): string[] {
  return result.tests
    .filter((t) => t.status !== 'passed')
    .map((t) => t.name)
    .sort();
}

const GRADE_LIMIT = 420_000;

describe('A2 grader fixtures', () => {
  it(
    'the reference solution gets full marks and every bonus',
    async () => {
      const result = await grade('reference', materialize('reference', []));
      expect(result.outcome.code).toBe('ok');
      expect(failedTests(result), why(result)).toEqual([]);
      expect(result.maxScore).toBe(100);
      expect(result.score).toBe(115);
    },
    GRADE_LIMIT,
  );

  for (const variant of BROKEN_VARIANTS) {
    it(
      `${variant.name} (${variant.breaks}) loses exactly its tests`,
      async () => {
        const result = await grade(variant.name, materialize(variant.name, variant.edits));
        expect(result.outcome.code).toBe('ok');
        expect(failedTests(result), why(result)).toEqual([...variant.fails].sort());
        const lost = result.tests
          .filter((t) => variant.fails.includes(t.name))
          .reduce((sum, t) => sum + t.points, 0);
        expect(result.score).toBe(115 - lost);
      },
      GRADE_LIMIT,
    );
  }

  it(
    'the handout is a starter that builds and fails every public test with a hint and a timeline',
    async () => {
      const out = join(workDir, 'handout');
      makeHandout({ assignmentDir: A2_ROOT, outDir: out });
      expect(existsSync(join(out, 'grading', 'hidden'))).toBe(false);
      expect(readFileSync(join(out, 'firmware', 'src', 'app', 'a2_app.cpp'), 'utf8')).toContain(
        '// TODO: push {ir, ts: server timestamp}',
      );
      const result = await grade('handout', out, false);
      expect(result.outcome.code).toBe('ok');
      expect(result.maxScore).toBe(60);
      const publicTests = result.tests.filter((t) => t.file.startsWith('public/'));
      expect(publicTests).toHaveLength(6);
      for (const test of publicTests) {
        expect(test.status, test.name).toBe('failed');
        expect(test.feedback?.hint, test.name).toBeTruthy();
        expect(test.feedback?.timeline?.length, test.name).toBeGreaterThan(0);
      }
    },
    GRADE_LIMIT,
  );
});
