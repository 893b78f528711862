// The grader against known mistakes: the reference solution earns full marks and every bonus,
// and every mutant of the catalogue (grading/mutants/*.json, one per plausible student mistake,
// every README behaviour row covered) is killed by the graded tests it names. The same check as
// `pnpm iotkit mutants a2 --no-auto`, through the same engine: real grading (copy, build, graded
// tests in a child process) against one shared backend. Their student feedback must name the
// cause each catalogue entry declares (`feedbackMentions`), or the run reports a problem.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startAuthEmulator } from '@iotkit/backend';
import type { RunningAuthEmulator } from '@iotkit/backend';
import { loadAssignment, loadCatalogue, runMutants } from '@iotkit/grader';
import { startRtdbServer } from '@iotkit/rtdb-server';
import type { RunningRtdbServer } from '@iotkit/rtdb-server';
import { A2_ROOT } from '../../src/a2-paths.js';

const assignment = loadAssignment(A2_ROOT);
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
  // The starter is checked as students get it in standalone-handout.test.ts.
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
});
