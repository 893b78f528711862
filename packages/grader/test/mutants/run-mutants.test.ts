// Grades the m0-clamp fixture's reference and mutants with the real grader (copy, isolated test
// process, limits), so each case costs a few vitest start-ups: kept to the ones that matter.
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAssignment } from '../../src/assignment/load-assignment.js';
import { toMutantsMarkdown, toMutantsTable } from '../../src/mutants/mutants-report.js';
import { runMutants } from '../../src/mutants/run-mutants.js';
import { MUTANTS_FIXTURE, scratchDir } from '../helpers/fixture-paths.js';

const GRADING = 240_000;

/** The fixture with its label test reduced to a case the mutant `opens-above-90` also passes. */
function weakenedFixture(): string {
  const dir = scratchDir('weakened');
  cpSync(MUTANTS_FIXTURE, dir, { recursive: true });
  const file = join(dir, 'grading', 'public', 'servo.test.ts');
  const text = readFileSync(file, 'utf8');
  const strong = "expect([label(90), label(89), label(180)]).toEqual(['open', 'closed', 'open']);";
  expect(text).toContain(strong);
  writeFileSync(file, text.replace(strong, "expect(label(180)).toBe('open');"));
  return dir;
}

describe('runMutants', () => {
  it(
    'kills every catalogue mutant of the fixture with its expected tests, skips the equivalent one, scores an automatic sample',
    async () => {
      const lines: string[] = [];
      const out = scratchDir('mutants-out');
      const run = await runMutants({
        assignment: loadAssignment(MUTANTS_FIXTURE),
        jobs: 2,
        autoLimit: 1,
        outDir: out,
        progress: (l) => lines.push(l),
      });
      expect(run.problems).toEqual([]);
      expect(run.ok).toBe(true);
      expect(run.reference).toMatchObject({ score: 3, maxScore: 3, failedTests: [] });
      const byId = new Map(run.mutants.map((m) => [m.id, m]));
      expect(byId.get('no-lower-limit')).toMatchObject({
        status: 'killed',
        failedTests: ['clamp > limits values below and above'],
        missedKillers: [],
      });
      expect(byId.get('opens-above-90')?.failedTests).toEqual(['label > open from 90 degrees']);
      // Both declare feedbackMentions; the student feedback on each names its test.
      expect(run.mutants.filter((m) => m.misleadingFeedback !== undefined)).toEqual([]);
      expect(byId.get('upper-limit-inclusive')).toMatchObject({
        status: 'equivalent',
        note: 'v equal to hi is returned either way',
      });
      expect(run.catalogue).toMatchObject({ total: 3, detected: 2, survived: 0, equivalent: 1, score: 100 });
      expect(run.auto.total).toBe(1);
      expect(run.auto.available).toBe(9);
      expect(run.rows).toEqual({ all: ['1', '2'], uncovered: [] });
      expect(lines.some((l) => /^\[\d+\/4\] opens-above-90: 2\/3, 1 test\(s\) failed/.test(l))).toBe(true);
      expect(JSON.parse(readFileSync(join(out, 'mutants', 'opens-above-90.json'), 'utf8')).score).toBe(2);
      expect(toMutantsTable(run)).toMatch(
        /catalogue: 2\/2 killed \(0 survived, 1 equivalent, 0 invalid, 0 not gradable\)/,
      );
      expect(toMutantsMarkdown(run)).toMatch(
        /\| opens-above-90 \| 2 \| 90 degrees itself still counts as closed \| killed by: label > open from 90 degrees \|/,
      );
    },
    GRADING,
  );

  it(
    'reports a catalogue mutant that survives a weakened test, and fails the run',
    async () => {
      const run = await runMutants({
        assignment: loadAssignment(weakenedFixture()),
        jobs: 2,
        only: 'opens-above-90',
      });
      expect(run.mutants.map((m) => [m.id, m.status, m.missedKillers])).toEqual([
        ['opens-above-90', 'survived', ['label > open from 90 degrees']],
      ]);
      expect(run.ok).toBe(false);
      expect(run.problems).toEqual(['opens-above-90: survived: no graded test noticed this mistake']);
      expect(toMutantsTable(run)).toMatch(/opens-above-90 +2 +SURVIVED/);
    },
    GRADING,
  );

  it(
    'grades a run that hit the wall-clock limit once more, alone, and then counts it as timed out',
    async () => {
      const lines: string[] = [];
      const run = await runMutants({
        assignment: loadAssignment(MUTANTS_FIXTURE),
        only: 'no-lower-limit',
        // Too short for vitest to even start: every run times out.
        limits: { timeoutSeconds: 0.2 },
        progress: (l) => lines.push(l),
      });
      expect(lines.filter((l) => l.endsWith(', graded again'))).toHaveLength(2);
      expect(lines).toContain('grading 2 timed-out run(s) once more, one at a time…');
      expect(run.mutants.map((m) => m.status)).toEqual(['timed-out']);
      expect(run.ok).toBe(false);
    },
    GRADING,
  );

  it('names the known ids when --only matches no mutant', async () => {
    await expect(
      runMutants({ assignment: loadAssignment(MUTANTS_FIXTURE), only: 'nope' }),
    ).rejects.toMatchObject({
      code: 'grader/bad-arguments',
      message: expect.stringMatching(
        /no mutant "nope" in m0-clamp: catalogue ids are no-lower-limit, opens-above-90, upper-limit-inclusive/,
      ),
    });
  });
});
