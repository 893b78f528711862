// The grader against known mistakes: the reference solution earns full marks and every bonus,
// and every mutant of the catalogue (grading/mutants/*.json, one per plausible student mistake,
// every README behaviour row covered) is killed by the graded tests it names. The same check as
// `pnpm iotkit mutants a2 --no-auto`, through the same engine: real grading (copy, build, graded
// tests in a child process) against one shared backend.
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthEmulator } from '@iotkit/backend';
import type { RunningAuthEmulator } from '@iotkit/backend';
import { gradeSubmission, loadAssignment, loadCatalogue, makeHandout, runMutants } from '@iotkit/grader';
import { startRtdbServer } from '@iotkit/rtdb-server';
import type { RunningRtdbServer } from '@iotkit/rtdb-server';
import { A2_ROOT } from '../../src/a2-paths.js';

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

describe('A2 grader against its mutant catalogue', () => {
  it('has at least 15 valid mutants covering every README behaviour row', () => {
    const catalogue = loadCatalogue(assignment);
    expect(catalogue.invalid).toEqual([]);
    expect(catalogue.mutants.length).toBeGreaterThanOrEqual(15);
    expect(catalogue.rows).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9', 'B1', 'B2']);
    const covered = new Set(catalogue.mutants.filter((m) => m.equivalent === undefined).map((m) => m.row));
    expect(catalogue.rows.filter((r) => !covered.has(r))).toEqual([]);
  });

  // The whole catalogue is `pnpm iotkit mutants a2` (45 gradings: too slow for every test run).
  // Here: the reference, and the five mistakes that once kept full marks, each through the engine.
  const ONCE_FULL_MARKS = [
    'lcd-shows-digits',
    'star-does-not-delete',
    'lcd-lines-swapped',
    'servo-not-mirrored',
    'function-mode-maps-locally',
  ];

  it('the reference gets full marks and every bonus; the mistakes that once kept full marks are killed by the tests they name', async () => {
    const run = await runMutants({
      assignment,
      jobs: 2,
      auto: false,
      only: ONCE_FULL_MARKS,
      backend: { rtdbUrl: rtdb.url, authUrl: auth.url },
    });
    expect(run.reference.failedTests).toEqual([]);
    expect(run.reference.score).toBe(115);
    expect(run.problems).toEqual([]);
    expect(run.catalogue.survived).toBe(0);
    expect(run.mutants.map((m) => [m.id, m.status]).sort()).toEqual(
      [...ONCE_FULL_MARKS].sort().map((id) => [id, 'killed']),
    );
  }, 3_600_000);

  it('the handout is a starter that builds and fails every public test with a hint and a timeline', async () => {
    const out = join(workDir, 'handout');
    makeHandout({ assignmentDir: A2_ROOT, outDir: out });
    expect(existsSync(join(out, 'grading', 'hidden'))).toBe(false);
    expect(existsSync(join(out, 'grading', 'mutants'))).toBe(false);
    expect(readFileSync(join(out, 'firmware', 'src', 'app', 'a2_app.cpp'), 'utf8')).toContain(
      '// TODO: push {ir, ts: server timestamp}',
    );
    const result = await gradeSubmission({
      assignment,
      submissionDir: out,
      submissionId: 'handout',
      includeHidden: false,
      backend: { rtdbUrl: rtdb.url, authUrl: auth.url, namespace: 'a2-fixture-handout' },
    });
    expect(result.outcome.code).toBe('ok');
    expect(result.maxScore).toBe(60);
    const publicTests = result.tests.filter((t) => t.file.startsWith('public/'));
    expect(publicTests).toHaveLength(8);
    for (const test of publicTests) {
      expect(test.status, test.name).toBe('failed');
      expect(test.feedback?.hint, test.name).toBeTruthy();
      // A test that needs a sign-in the starter never sends fails at once, before the device did anything.
      if (!test.reason?.message.includes('needs "signed in"'))
        expect(test.feedback?.timeline?.length, test.name).toBeGreaterThan(0);
    }
    // The first sign-in failure names the code to write first; the tests needing it refer to it.
    const signIn = publicTests.find((t) => t.name === 'login: the correct password signs in');
    expect(signIn?.reason?.message).toContain('no sign-in request was sent');
    expect(signIn?.feedback?.hint).toContain('A2App::onKey');
    expect(publicTests.filter((t) => t.reason?.message.includes('needs "signed in"')).length).toBeGreaterThan(
      0,
    );
  }, 420_000);
});
