// Bench: a class of 30 A2 submissions (20 correct, 10 broken of different kinds from A2's mutant
// catalogue, 3 of which never sign in), public + hidden tests, graded with one long-lived test
// worker per job on one shared backend; beside it, in the same run, the old way (a fresh test
// process per submission), graded on a sample of the class and extrapolated to 30 by kind.
// Run: pnpm --filter @iotkit/grader bench:class   (BENCH_JOBS, default the grader's own --jobs default;
// BENCH_OLD_SAMPLE)
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { join } from 'node:path';
import { startLocalBackend } from '@iotkit/backend';
import { buildAppDevice } from '@iotkit/devices';
import { loadAssignment } from '../src/assignment/load-assignment.js';
import { defaultJobs } from '../src/class/default-jobs.js';
import { gradeClass, type ClassRunSummary } from '../src/class/grade-class.js';
import { gradeSubmission } from '../src/runner/grade-submission.js';
import { stripSolutions } from '../src/core/strip-solutions.js';
import type { SubmissionResult } from '../src/core/result-model.js';
import { applyEdits, loadCatalogue } from '../src/mutants/mutant-catalogue.js';
import { copySolution } from '../src/mutants/solution-copy.js';
import { FIXTURE_ASSIGNMENT } from '../test/helpers/fixture-paths.js';

const JOBS = Number(process.env.BENCH_JOBS ?? defaultJobs());
const OLD_SAMPLE = Number(process.env.BENCH_OLD_SAMPLE ?? '4');
/** The old way as it was: two submissions at a time (the old default), a test process per file. */
const OLD_JOBS = 2;
/** The whole bench gives up after this long (every loop below is over a fixed list). */
const BENCH_LIMIT_MS = 80 * 60_000;
const CORRECT = 20;
/** Broken on purpose, one README row each, all from the catalogue. */
const BROKEN = [
  'lcd-shows-digits',
  'wrong-password-silent',
  'no-lockout',
  'latest-not-set',
  'polling',
  'angle-reversed',
  'servo-not-mirrored',
];
/** Never signs in: a wrong e-mail (catalogue), the untouched starter, `#` that never submits. */
const NEVER_SIGN_IN = ['sign-in-wrong-email', 'starter', 'hash-never-submits'];

const repo = join(FIXTURE_ASSIGNMENT, '..', '..', '..', '..', '..');
const a2 = loadAssignment(join(repo, 'assignments', 'a2-sensor-servo'));
const base = join(repo, 'packages', 'grader', 'node_modules', '.cache', 'grader-bench');
mkdirSync(base, { recursive: true });
const work = mkdtempSync(join(base, 'class30-'));
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const load = (): string =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');
const giveUp = setTimeout(() => {
  console.error(`class-of-30 bench: gave up after ${secs(BENCH_LIMIT_MS)}`);
  rmSync(work, { recursive: true, force: true });
  process.exit(1);
}, BENCH_LIMIT_MS);
giveUp.unref();

type Kind = 'correct' | 'broken' | 'never signs in';
const kindOf = (id: string): Kind =>
  id.includes('-correct')
    ? 'correct'
    : NEVER_SIGN_IN.some((n) => id.endsWith(n))
      ? 'never signs in'
      : 'broken';

/** Writes one submission: the reference, then the named mistake. */
function makeSubmission(dir: string, mistake: string | null): void {
  copySolution(a2.dir, dir);
  if (mistake === null) return;
  const app = join(dir, 'firmware', 'src', 'app');
  if (mistake === 'starter') {
    for (const f of readdirSync(app)) {
      const file = join(app, f);
      writeFileSync(file, stripSolutions(readFileSync(file, 'utf8'), f).text);
    }
    return;
  }
  if (mistake === 'hash-never-submits') {
    applyEdits(dir, mistake, [
      {
        file: 'firmware/src/app/a2_app.cpp',
        find: 'if (!typed_.empty()) submitPassword(board);',
        replace: 'if (!typed_.empty()) typed_.clear();',
      },
    ]);
    return;
  }
  const m = loadCatalogue(a2).mutants.find((x) => x.id === mistake);
  if (!m) throw new Error(`A2's catalogue has no mutant ${mistake}`);
  applyEdits(dir, m.id, m.edits);
}

/** The class in a plausible order: broken submissions spread among the correct ones. */
function makeClass(dir: string): string[] {
  // never-signing-in ones alternate with the other mistakes, so each kind is spread over the class
  const mistakes = [...BROKEN];
  for (const [i, n] of NEVER_SIGN_IN.entries()) mistakes.splice(i * 3 + 1, 0, n);
  const size = CORRECT + mistakes.length;
  const ids: string[] = [];
  let c = 0;
  for (let i = 0; i < size; i++) {
    const broken = i % 3 === 1 && mistakes.length > 0 ? (mistakes.shift() as string) : null;
    const id = `s${String(i + 1).padStart(2, '0')}-${broken ?? `correct${++c}`}`;
    makeSubmission(join(dir, id), broken);
    ids.push(id);
  }
  return ids;
}

const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const bodies = (r: SubmissionResult): number => r.tests.reduce((s, t) => s + (t.durationMs ?? 0), 0);

/** Per kind: how many, mean busy time per submission, mean score. */
function byKind(results: SubmissionResult[]): Map<Kind, { n: number; ms: number; score: number }> {
  const out = new Map<Kind, { n: number; ms: number; score: number }>();
  for (const kind of ['correct', 'broken', 'never signs in'] as Kind[]) {
    const rs = results.filter((r) => kindOf(r.submission) === kind);
    out.set(kind, {
      n: rs.length,
      ms: mean(rs.map((r) => r.durationMs)),
      score: mean(rs.map((r) => r.score)),
    });
  }
  return out;
}

/** Class wall time predicted from per-kind busy times: Σ count × mean time, shared by `jobs`. */
function predictWall(perKind: Map<Kind, { ms: number }>, counts: Map<Kind, number>, jobs: number): number {
  let total = 0;
  for (const [kind, n] of counts) total += n * (perKind.get(kind)?.ms ?? 0);
  return total / jobs;
}

function whereTimeGoes(label: string, s: Pick<ClassRunSummary, 'results'>): void {
  const rs = s.results;
  const tests = mean(rs.map((r) => r.timings?.testsMs ?? 0));
  const body = mean(rs.map(bodies));
  const total = mean(rs.map((r) => r.durationMs));
  console.log(`  ${label}: mean per submission ${secs(total)} =`);
  console.log(`    own backend (old) / copy + setup + cleanup   ${secs(total - tests)}`);
  console.log(`    test process: start-up, hooks, firmware build ${secs(tests - body)}`);
  console.log(`    test bodies (devices running, waits)        ${secs(body)}`);
}

const backendStarted = performance.now();
const backend = await startLocalBackend({ rtdb: {}, auth: {} });
const backendMs = performance.now() - backendStarted;
try {
  const classDir = join(work, 'class');
  const ids = makeClass(classDir);
  const counts = new Map<Kind, number>();
  for (const id of ids) counts.set(kindOf(id), (counts.get(kindOf(id)) ?? 0) + 1);
  const shared = {
    assignment: a2,
    includeHidden: true,
    force: true,
    backend: { rtdbUrl: backend.urls.database, ...(backend.urls.auth ? { authUrl: backend.urls.auth } : {}) },
  };
  console.log(
    `class of ${ids.length} A2 submissions (${[...counts].map(([k, n]) => `${n} ${k}`).join(', ')}), public + hidden, --jobs ${JOBS}, ${availableParallelism()} cores, load ${load()}`,
  );
  console.log(`  shared backend start (RTDB + Auth emulator), once per class: ${secs(backendMs)}`);

  // warm-up, not counted on either side: the kit's firmware library is built once per machine
  const warm = join(work, 'warm');
  makeSubmission(join(warm, 'w-correct'), null);
  const warmed = await gradeClass({ ...shared, inputs: [warm], outDir: join(work, 'out-warm'), jobs: 1 });
  console.log(
    `  warm-up (kit library built if missing, one submission): ${secs(warmed.durationMs)}, ${warmed.results[0]?.score}/${warmed.results[0]?.maxScore}`,
  );

  // one device build with the library already built: what each graded test file pays for it
  const app = join(warm, 'w-correct', 'firmware', 'src', 'app');
  let t = performance.now();
  await buildAppDevice({ appDir: app, name: 'a2' });
  const appBuildMs = performance.now() - t;
  writeFileSync(
    join(app, 'a2_settings.cpp'),
    `${readFileSync(join(app, 'a2_settings.cpp'), 'utf8')}\n// edited\n`,
  );
  t = performance.now();
  await buildAppDevice({ appDir: app, name: 'a2' });
  console.log(
    `  one device build, kit library prebuilt: ${secs(appBuildMs)}; again with one app file changed: ${secs(performance.now() - t)} (the library is not rebuilt)`,
  );

  // the new way: the whole class
  t = performance.now();
  const fast = await gradeClass({
    ...shared,
    inputs: [classDir],
    outDir: join(work, 'out-reused'),
    jobs: JOBS,
    testWorkers: 'reused',
    progress: {
      isTTY: false,
      write: (line) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}`),
    },
  });
  const fastMs = performance.now() - t;
  const loadAfterFast = load();
  const fastKinds = byKind(fast.results);
  console.log('');
  console.log(
    `NEW (one reused test worker per job): ${ids.length} submissions in ${secs(fastMs)} = ${(ids.length / (fastMs / 60000)).toFixed(1)} submissions/min (load ${loadAfterFast})`,
  );
  console.log(`  graded ${fast.gradedNow.length}, not gradable ${fast.notGraded.length}`);
  for (const [kind, k] of fastKinds)
    console.log(
      `  ${kind.padEnd(15)} ${String(k.n).padStart(2)} × mean ${secs(k.ms)}, mean score ${k.score.toFixed(1)}`,
    );

  // the old way, on a sample with the class's mix: a fresh vitest process and a backend of its own
  // per submission (the Gradescope path), every test file building the firmware again
  const sampleIds = [
    ...ids.filter((id) => kindOf(id) === 'correct').slice(0, Math.max(1, OLD_SAMPLE - 2)),
    ...ids.filter((id) => kindOf(id) === 'broken').slice(0, 1),
    ...ids.filter((id) => kindOf(id) === 'never signs in').slice(0, 1),
  ];
  const oldResults: SubmissionResult[] = [];
  const queue = [...sampleIds];
  t = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(OLD_JOBS, queue.length) }, async () => {
      for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
        const started = performance.now();
        const own = await startLocalBackend({ rtdb: {}, auth: {} });
        try {
          const r = await gradeSubmission({
            assignment: a2,
            submissionDir: join(classDir, id),
            submissionId: id,
            includeHidden: true,
            oneDeviceBuild: false,
            limits: { testProcess: 'per-file' },
            backend: {
              rtdbUrl: own.urls.database,
              ...(own.urls.auth ? { authUrl: own.urls.auth } : {}),
              namespace: `a2-${id}`,
            },
          });
          oldResults.push({ ...r, durationMs: Math.round(performance.now() - started) });
        } finally {
          await own.stop();
        }
      }
    }),
  );
  const old = { results: oldResults };
  const oldSampleMs = performance.now() - t;
  const oldKinds = byKind(old.results);
  const oldEstimate = predictWall(oldKinds, counts, OLD_JOBS);
  const check = predictWall(fastKinds, counts, JOBS);

  console.log(
    `OLD (fresh vitest + own backend per submission, a process and a firmware build per test file, ${OLD_JOBS} at a time), sampled on ${sampleIds.length} of ${ids.length} (${sampleIds.join(', ')}): ${secs(oldSampleMs)} (load ${load()})`,
  );
  for (const [kind, k] of oldKinds)
    if (k.n > 0)
      console.log(
        `  ${kind.padEnd(15)} ${String(k.n).padStart(2)} × mean ${secs(k.ms)}, mean score ${k.score.toFixed(1)}`,
      );
  console.log(
    `  extrapolated to the class (Σ count × mean time per kind ÷ ${OLD_JOBS} jobs): ${secs(oldEstimate)}; the same estimate from the new run's own times (÷ ${JOBS}) gives ${secs(check)} against ${secs(fastMs)} measured`,
  );
  console.log(
    `RATIO old ÷ new: ${(oldEstimate / fastMs).toFixed(2)}×   (class of ${ids.length}: ${secs(fastMs)}, target ≤ 180 s)`,
  );
  const same = old.results.every((o) => {
    const n = fast.results.find((r) => r.submission === o.submission);
    return n !== undefined && n.score === o.score && n.tests.every((x, i) => x.status === o.tests[i]?.status);
  });
  console.log(
    `  the sampled submissions get the same score and test statuses on both paths: ${same ? 'yes' : 'NO'}`,
  );
  console.log('where the time goes:');
  whereTimeGoes('new', fast);
  whereTimeGoes('old', old);
  const slow = [...fast.results].sort((a, b) => b.durationMs - a.durationMs).slice(0, 3);
  console.log(`  slowest (new): ${slow.map((r) => `${r.submission} ${secs(r.durationMs)}`).join(', ')}`);
} finally {
  await backend.stop();
  rmSync(work, { recursive: true, force: true });
}
