// Bench: where the time of one A2 submission goes, phase by phase, each measured once on this
// machine in this run: the local backend (RTDB + Auth emulator) start, the virtual device build
// (a cold CMake folder, then the shared warm one with an unchanged app and with a one-line
// change, as a class run meets it), and the grader's fixed cost per submission (copy, build,
// one vitest start-up) on the small fixture assignment whose tests take milliseconds.
// Run: pnpm --filter @iotkit/grader exec tsx --conditions=@iotkit/source bench/where-time-goes.bench.ts
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalBackend } from '@iotkit/backend';
import { buildAppDevice } from '@iotkit/devices';
import { loadAssignment } from '../src/assignment/load-assignment.js';
import { gradeSubmission } from '../src/runner/grade-submission.js';
import { FIXTURE_ASSIGNMENT, FIXTURE_SUBMISSIONS } from '../test/helpers/fixture-paths.js';

const A2_APP = join(
  FIXTURE_ASSIGNMENT,
  '..',
  '..',
  '..',
  '..',
  '..',
  'assignments',
  'a2-sensor-servo',
  'firmware',
  'src',
  'app',
);
const work = mkdtempSync(join(tmpdir(), 'grader-phases-'));
const secs = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const rows: [string, number][] = [];
async function phase(name: string, run: () => Promise<unknown>): Promise<void> {
  const t = performance.now();
  await run();
  rows.push([name, performance.now() - t]);
  console.log(`${name.padEnd(58)} ${secs(performance.now() - t)}`);
}

try {
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')} on this machine`,
  );
  await phase('backend start + stop (RTDB + Auth emulator)', async () => {
    const backend = await startLocalBackend({ rtdb: {}, auth: {} });
    await backend.stop();
  });
  const buildRoot = join(work, 'cmake');
  // buildAppDevice waits for its lock in buildRoot: a missing folder would make it wait forever
  mkdirSync(buildRoot);
  await phase('device build, cold CMake folder (library + app)', () =>
    buildAppDevice({ appDir: A2_APP, name: 'a2', buildRoot }),
  );
  await phase('device build, warm folder, same app', () =>
    buildAppDevice({ appDir: A2_APP, name: 'a2', buildRoot }),
  );
  const changed = join(work, 'app-changed');
  cpSync(A2_APP, changed, { recursive: true });
  const main = join(changed, 'a2_app.cpp');
  writeFileSync(main, `${readFileSync(main, 'utf8')}\n// a student's edit\n`);
  await phase('device build, warm folder, one file changed', () =>
    buildAppDevice({ appDir: changed, name: 'a2', buildRoot }),
  );
  const fixture = loadAssignment(FIXTURE_ASSIGNMENT);
  let fixed = { tests: 0, bodies: 0 };
  await phase('grader fixed cost: copy + tsc build + one vitest start-up', async () => {
    const r = await gradeSubmission({
      assignment: fixture,
      submissionDir: join(FIXTURE_SUBMISSIONS, 'correct'),
      submissionId: 'phases',
      includeHidden: true,
    });
    fixed = { tests: r.tests.length, bodies: r.tests.reduce((s, t) => s + (t.durationMs ?? 0), 0) };
  });
  console.log(`  (of which ${fixed.tests} test bodies: ${secs(fixed.bodies)})`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
