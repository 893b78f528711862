import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultJobs } from '../class/default-jobs.js';
import type { Assignment } from '../assignment/load-assignment.js';
import type { GraderConfig } from '../core/grader-config.js';
import { GraderError } from '../core/grader-error.js';
import type { SubmissionResult } from '../core/result-model.js';
import { gradeSubmission } from '../runner/grade-submission.js';
import { applyAutoMutant, listAutoMutants, sampleAutoMutants, type AutoMutant } from './auto-mutants.js';
import { applyEdits, loadCatalogue, type CatalogueMutant } from './mutant-catalogue.js';
import { catalogueProblem, classifyMutant, type MutantOutcome } from './mutant-outcome.js';
import { copySolution } from './solution-copy.js';

/** Options of {@link runMutants}. */
export interface RunMutantsOptions {
  /** The assignment whose reference solution is mutated. */
  assignment: Assignment;
  /** Mutants graded at once (default: {@link defaultJobs}). */
  jobs?: number;
  /** Grade only this mutant, or these (catalogue or automatic ids), plus the reference. */
  only?: string | readonly string[];
  /** Include automatic mutants (default true). */
  auto?: boolean;
  /** At most this many automatic mutants, sampled deterministically (default 20). */
  autoLimit?: number;
  /** Grade hidden tests too (default true: the instructor's full set is what must catch mistakes). */
  includeHidden?: boolean;
  /** The one backend every mutant shares, each on its own namespace. */
  backend?: { rtdbUrl?: string; authUrl?: string };
  /** Limit overrides, as for a submission. */
  limits?: Partial<Omit<GraderConfig, 'build' | 'backend'>>;
  /** Where each mutant's `result.json` is written (`<outDir>/mutants/<id>.json`); nothing when absent. */
  outDir?: string;
  /** Grade a run that hit the wall-clock limit once more, alone (default true). */
  retryTimeouts?: boolean;
  /** One line per event (started, finished); nothing when absent. */
  progress?: (line: string) => void;
}

/** Totals of one kind of mutant. */
export interface MutantTally {
  /** Mutants of this kind in the run. */
  total: number;
  /** Killed or timed out. */
  detected: number;
  /** Survived. */
  survived: number;
  /** Did not build. */
  notGradable: number;
  /** Equivalent (catalogue only). */
  equivalent: number;
  /** Invalid entries (catalogue only). */
  invalid: number;
  /** detected / (detected + survived), as a percentage; null when nothing was graded. */
  score: number | null;
}

/** Everything `iotkit mutants` reports. */
export interface MutantsRun {
  /** Assignment id. */
  assignment: string;
  /** Assignment title. */
  title: string;
  /** The unmodified reference solution graded the same way. */
  reference: { score: number; maxScore: number; failedTests: string[]; durationMs: number };
  /** One outcome per mutant: catalogue first (by id), then automatic ones (by file and line). */
  mutants: MutantOutcome[];
  /** Catalogue totals. */
  catalogue: MutantTally;
  /** Automatic totals, plus how many exist before sampling. */
  auto: MutantTally & { available: number };
  /** README behaviour rows, and those no catalogue mutant breaks. */
  rows: { all: string[]; uncovered: string[] };
  /** Catalogue problems that make the run fail, one sentence each. */
  problems: string[];
  /** Whether the reference passes and every catalogue mutant is valid and killed by its tests. */
  ok: boolean;
  /** Wall time in milliseconds. */
  durationMs: number;
}

type Job =
  | { kind: 'reference'; id: 'reference' }
  | { kind: 'catalogue'; id: string; mutant: CatalogueMutant }
  | { kind: 'auto'; id: string; mutant: AutoMutant };

function tally(outcomes: MutantOutcome[]): MutantTally {
  const count = (s: MutantOutcome['status']): number => outcomes.filter((o) => o.status === s).length;
  const detected = count('killed') + count('timed-out');
  const survived = count('survived');
  return {
    total: outcomes.length,
    detected,
    survived,
    notGradable: count('not-gradable'),
    equivalent: count('equivalent'),
    invalid: count('invalid'),
    score: detected + survived === 0 ? null : Math.round((1000 * detected) / (detected + survived)) / 10,
  };
}

/** File-name-safe form of a mutant id. */
export function mutantFileName(id: string): string {
  return id.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 120);
}

/**
 * Mutation testing of an assignment's graded tests: grades the reference solution and each
 * mutant of it (the curated `grading/mutants/` catalogue and a deterministic sample of automatic
 * operator mutants inside its SOLUTION regions) exactly as a submission is graded, `jobs` at a
 * time, and reports which tests killed each one.
 * @param o - see {@link RunMutantsOptions}
 * @throws GraderError `grader/bad-arguments` when `only` names no mutant
 */
export async function runMutants(o: RunMutantsOptions): Promise<MutantsRun> {
  const started = performance.now();
  const { assignment } = o;
  const catalogue = loadCatalogue(assignment);
  const allAuto = o.auto === false && o.only === undefined ? [] : listAutoMutants(assignment.dir);
  let catalogueJobs = catalogue.mutants;
  let autoJobs = o.auto === false ? [] : sampleAutoMutants(allAuto, o.autoLimit ?? 20);
  let invalid = catalogue.invalid;
  if (o.only !== undefined) {
    const only = new Set(typeof o.only === 'string' ? [o.only] : o.only);
    catalogueJobs = catalogue.mutants.filter((m) => only.has(m.id));
    invalid = catalogue.invalid.filter((m) => only.has(m.id));
    autoJobs = allAuto.filter((m) => only.has(m.id));
    const found = new Set([...catalogueJobs, ...invalid, ...autoJobs].map((m) => m.id));
    const unknown = [...only].filter((id) => !found.has(id));
    if (unknown.length > 0) {
      throw new GraderError(
        'grader/bad-arguments',
        `no mutant ${unknown.map((id) => `"${id}"`).join(', ')} in ${assignment.id}: catalogue ids are ${catalogue.mutants.map((m) => m.id).join(', ') || 'none'}; automatic ids look like ${allAuto[0]?.id ?? 'file:line:column:operator'}`,
      );
    }
  }
  const jobs: Job[] = [
    { kind: 'reference', id: 'reference' },
    ...catalogueJobs
      .filter((m) => m.equivalent === undefined)
      .map((m): Job => ({ kind: 'catalogue', id: m.id, mutant: m })),
    ...autoJobs.map((m): Job => ({ kind: 'auto', id: m.id, mutant: m })),
  ];
  const work = mkdtempSync(join(tmpdir(), 'iotkit-mutants-'));
  const nonce = Date.now().toString(36);
  const results = new Map<string, SubmissionResult>();
  const say = o.progress ?? (() => undefined);
  let done = 0;
  try {
    const gradeJob = async (job: Job, index: number): Promise<void> => {
      const t0 = performance.now();
      const again = results.has(job.id);
      const dir = join(work, String(index));
      copySolution(assignment.dir, dir);
      try {
        if (job.kind === 'catalogue') applyEdits(dir, job.id, job.mutant.edits);
        if (job.kind === 'auto') applyAutoMutant(dir, job.mutant);
        say(`[${done}/${jobs.length}] grading ${job.id}…`);
        const result = await gradeSubmission({
          assignment,
          submissionDir: dir,
          submissionId: job.kind === 'reference' ? 'reference' : mutantFileName(job.id),
          includeHidden: o.includeHidden !== false,
          backend: {
            ...o.backend,
            namespace: `${assignment.id}-m${index}${again ? 'r' : ''}-${nonce}`.toLowerCase(),
          },
          ...(o.limits ? { limits: o.limits } : {}),
        });
        results.set(job.id, result);
        if (o.outDir) {
          mkdirSync(join(o.outDir, 'mutants'), { recursive: true });
          writeFileSync(
            join(o.outDir, 'mutants', `${mutantFileName(job.id)}.json`),
            JSON.stringify(result, null, 2),
          );
        }
        if (!again) done++;
        const lost = result.tests.filter((t) => t.status !== 'passed').length;
        say(
          `[${done}/${jobs.length}] ${job.id}: ${result.score}/${result.maxScore}, ${lost} test(s) failed (${Math.round((performance.now() - t0) / 1000)} s)${again ? ', graded again' : ''}`,
        );
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    };
    const pool = async (indexes: number[], width: number): Promise<void> => {
      let next = 0;
      const worker = async (): Promise<void> => {
        while (next < indexes.length) {
          const index = indexes[next++] as number;
          await gradeJob(jobs[index] as Job, index);
        }
      };
      await Promise.all(Array.from({ length: Math.max(1, Math.floor(width)) }, worker));
    };
    await pool(
      jobs.map((_, i) => i),
      o.jobs ?? defaultJobs(),
    );
    // A wall-clock timeout on a loaded machine is as often a slow build as a mutant that hangs:
    // those are graded once more, one at a time, and only a second timeout counts.
    const timedOut = jobs.flatMap((j, i) =>
      results.get(j.id)?.outcome.code === 'grader/timeout' ? [i] : [],
    );
    if (timedOut.length > 0 && o.retryTimeouts !== false) {
      say(`grading ${timedOut.length} timed-out run(s) once more, one at a time…`);
      await pool(timedOut, 1);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  const reference = results.get('reference') as SubmissionResult;
  const referencePassed = new Set(reference.tests.filter((t) => t.status === 'passed').map((t) => t.id));
  const outcomes: MutantOutcome[] = [
    ...catalogueJobs.map((m): MutantOutcome => {
      const base = {
        id: m.id,
        kind: 'catalogue' as const,
        row: m.row,
        description: m.description,
        expectedKillers: m.killedBy,
      };
      const r = results.get(m.id);
      if (!r)
        return {
          ...base,
          status: 'equivalent',
          failedTests: [],
          missedKillers: [],
          note: m.equivalent ?? '',
        };
      return { ...base, ...classifyMutant(r, referencePassed, m.killedBy, m.feedbackMentions) };
    }),
    ...invalid.map((m): MutantOutcome => ({
      id: m.id,
      kind: 'catalogue',
      description: `(${m.file})`,
      status: 'invalid',
      failedTests: [],
      expectedKillers: [],
      missedKillers: [],
      note: m.message,
    })),
    ...autoJobs.map((m): MutantOutcome => ({
      id: m.id,
      kind: 'auto',
      description: m.description,
      expectedKillers: [],
      ...classifyMutant(results.get(m.id) as SubmissionResult, referencePassed, []),
    })),
  ];
  const covered = new Set(catalogue.mutants.filter((m) => m.equivalent === undefined).map((m) => m.row));
  const uncovered = catalogue.rows.filter((r) => !covered.has(r));
  const referenceFailed = reference.tests.filter((t) => t.status !== 'passed').map((t) => t.name);
  const problems = [
    ...referenceFailed.map((n) => `the reference solution fails "${n}": fix the test or the reference first`),
    ...outcomes.flatMap((m) => {
      const p = catalogueProblem(m);
      return p === null ? [] : [`${m.id}: ${p}`];
    }),
    ...(o.only === undefined
      ? uncovered.map((r) => `README row ${r} has no catalogue mutant in grading/mutants/`)
      : []),
  ];
  return {
    assignment: assignment.id,
    title: assignment.manifest.title,
    reference: {
      score: reference.score,
      maxScore: reference.maxScore,
      failedTests: referenceFailed,
      durationMs: reference.durationMs,
    },
    mutants: outcomes,
    catalogue: tally(outcomes.filter((m) => m.kind === 'catalogue')),
    auto: { ...tally(outcomes.filter((m) => m.kind === 'auto')), available: allAuto.length },
    rows: { all: catalogue.rows, uncovered },
    problems,
    ok: problems.length === 0,
    durationMs: Math.round(performance.now() - started),
  };
}
