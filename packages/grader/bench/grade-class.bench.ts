// Bench: grade a class of 30 fixture submissions with 2 jobs, against baselines measured in the
// same run on the same machine: one bare `tsc` build, and one submission graded alone.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { availableParallelism, loadavg } from 'node:os';
import { loadAssignment } from '../src/assignment/load-assignment.js';
import { gradeClass } from '../src/class/grade-class.js';
import { gradeSubmission } from '../src/runner/grade-submission.js';
import { FIXTURE_ASSIGNMENT, FIXTURE_SUBMISSIONS } from '../test/helpers/fixture-paths.js';

const CLASS_SIZE = Number(process.env.BENCH_CLASS_SIZE ?? '30');
const JOBS = 2;
// Endless-loop and memory-hog submissions cost their limits, not grader overhead: left out here.
const KINDS = ['correct', 'partial', 'broken', 'noisy', 'snoop'];

const base = join(FIXTURE_ASSIGNMENT, '..', '..', '..', 'node_modules', '.cache', 'grader-bench');
mkdirSync(base, { recursive: true });
const work = mkdtempSync(join(base, 'run-'));
const assignment = loadAssignment(FIXTURE_ASSIGNMENT);
const secs = (ms: number): string => (ms / 1000).toFixed(2);

try {
  // baseline 1: a bare build of one submission
  const buildDir = join(work, 'build-baseline');
  cpSync(join(FIXTURE_SUBMISSIONS, 'correct'), buildDir, { recursive: true });
  const tsc = join(FIXTURE_ASSIGNMENT, '..', '..', '..', 'node_modules', 'typescript', 'bin', 'tsc');
  let t = performance.now();
  spawnSync(process.execPath, [tsc, '-p', 'tsconfig.json'], { cwd: buildDir });
  const buildMs = performance.now() - t;

  // baseline 2: one submission graded alone (build + isolated test process)
  t = performance.now();
  const single = await gradeSubmission({
    assignment,
    submissionDir: join(FIXTURE_SUBMISSIONS, 'correct'),
    submissionId: 'single',
    includeHidden: true,
  });
  const singleMs = performance.now() - t;
  const testBodyMs = single.tests.reduce((s, x) => s + (x.durationMs ?? 0), 0);

  // the class
  const cls = join(work, 'class');
  for (let i = 0; i < CLASS_SIZE; i++) {
    const kind = KINDS[i % KINDS.length] as string;
    cpSync(join(FIXTURE_SUBMISSIONS, kind), join(cls, `s${String(i).padStart(2, '0')}-${kind}`), {
      recursive: true,
    });
  }
  t = performance.now();
  const summary = await gradeClass({
    assignment,
    inputs: [cls],
    outDir: join(work, 'out'),
    jobs: JOBS,
    includeHidden: true,
    force: true,
  });
  const wallMs = performance.now() - t;
  const per = summary.results.map((r) => r.durationMs);
  const meanMs = per.reduce((a, b) => a + b, 0) / per.length;
  const mean = (xs: number[]): number => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
  const builds = mean(summary.results.map((r) => r.timings?.buildMs ?? 0));
  const ran = summary.results.filter((r) => r.timings?.testsMs !== undefined);
  const testProcess = mean(ran.map((r) => r.timings?.testsMs ?? 0));
  const bodies = mean(ran.map((r) => r.tests.reduce((s, x) => s + (x.durationMs ?? 0), 0)));

  console.log(`grader bench (${CLASS_SIZE} submissions, --jobs ${JOBS}, ${KINDS.join('/')})`);
  console.log(`  baseline: bare tsc build of one submission      ${secs(buildMs)} s`);
  console.log(
    `  baseline: one submission graded alone           ${secs(singleMs)} s (test bodies ${secs(testBodyMs)} s)`,
  );
  console.log(
    `  class wall time                                 ${secs(wallMs)} s (${(CLASS_SIZE / (wallMs / 60000)).toFixed(1)} submissions/min)`,
  );
  console.log(`  mean time per submission inside the class run   ${secs(meanMs)} s`);
  console.log(`  wall time per submission (wall / N)             ${secs(wallMs / CLASS_SIZE)} s`);
  console.log(
    `  in the class: mean build ${secs(builds)} s, mean test process ${secs(testProcess)} s of which test bodies ${secs(bodies)} s`,
  );
  const setup = mean(
    summary.results.map((r) => r.durationMs - (r.timings?.buildMs ?? 0) - (r.timings?.testsMs ?? 0)),
  );
  console.log(`  in the class: copy + setup + cleanup per submission ${secs(setup)} s`);
  console.log(
    `  machine load average at the end: ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on ${availableParallelism()} cores`,
  );
  console.log(
    `  grader overhead per submission (alone − build − test bodies) ${secs(singleMs - buildMs - testBodyMs)} s`,
  );
  console.log(
    `  speed-up vs grading one by one (N × alone / wall) ${((CLASS_SIZE * singleMs) / wallMs).toFixed(2)}×`,
  );
  console.log(`  graded ${summary.gradedNow.length}, not graded ${summary.notGraded.length}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
