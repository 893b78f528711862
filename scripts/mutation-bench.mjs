#!/usr/bin/env node
// `pnpm bench:mutation [package …]`: runs StrykerJS on the kit's core packages one after the other
// and prints, per package, the mutation score and every surviving mutant. The goal is 90 % each;
// survivors that no test can kill are listed, with the reason, in the package's test/README.md.
//
// Each package's Stryker run is bounded in time (MUTATION_MINUTES, default 30): a run that hits the
// bound is stopped and reported as such. MUTATION_CONCURRENCY overrides the packages' worker count
// (1 or 2 in their configs) on a machine with cores to spare. Stryker's own log goes to reports/stryker/stryker.log in
// the package; its JSON report (reports/stryker/mutation.json) is what this script reads.
import { spawn } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

const GOAL = 90;
const PACKAGES = {
  mapping: 'packages/mapping',
  'rtdb-client': 'packages/rtdb-client',
  'rtdb-server': 'packages/rtdb-server',
  grader: 'packages/grader',
};

const root = process.cwd();
const stryker = join(root, 'node_modules', '@stryker-mutator', 'core', 'bin', 'stryker.js');
const minutes = Number(process.env.MUTATION_MINUTES ?? 30);
const concurrency = process.env.MUTATION_CONCURRENCY;
const asked = process.argv.slice(2);
const unknown = asked.filter((name) => !(name in PACKAGES));
if (unknown.length > 0) {
  console.error(
    `bench:mutation: unknown package ${unknown.join(', ')}; choose from ${Object.keys(PACKAGES).join(', ')}`,
  );
  process.exit(2);
}
if (!existsSync(stryker)) {
  console.error('bench:mutation: StrykerJS is not installed; run `pnpm install` at the repository root');
  process.exit(2);
}
if (concurrency !== undefined && !/^[1-9]\d*$/.test(concurrency)) {
  console.error(`bench:mutation: MUTATION_CONCURRENCY must be a whole number >= 1, got ${concurrency}`);
  process.exit(2);
}
if (!Number.isFinite(minutes) || minutes <= 0) {
  console.error(
    `bench:mutation: MUTATION_MINUTES must be a positive number, got ${process.env.MUTATION_MINUTES}`,
  );
  process.exit(2);
}

/** Runs Stryker in `dir`, its output into the log file; resolves with how the run ended. */
function runStryker(dir) {
  const reports = join(dir, 'reports', 'stryker');
  mkdirSync(reports, { recursive: true });
  const log = createWriteStream(join(reports, 'stryker.log'));
  return new Promise((resolve) => {
    const started = Date.now();
    const args = [
      stryker,
      'run',
      'stryker.config.mjs',
      ...(concurrency ? ['--concurrency', concurrency] : []),
    ];
    const child = spawn(process.execPath, args, {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    child.stdout.pipe(log, { end: false });
    child.stderr.pipe(log, { end: false });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      // Stryker's workers are its children: stop the whole group.
      process.kill(-child.pid, 'SIGTERM');
    }, minutes * 60_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      log.end();
      resolve({ code, timedOut, seconds: (Date.now() - started) / 1000 });
    });
  });
}

/** Score and survivors from Stryker's JSON report (mutation-testing-report-schema). */
function readReport(dir) {
  const file = join(dir, 'reports', 'stryker', 'mutation.json');
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  const counts = {};
  const survivors = [];
  for (const [name, source] of Object.entries(report.files)) {
    const lines = source.source.split('\n');
    for (const mutant of source.mutants) {
      counts[mutant.status] = (counts[mutant.status] ?? 0) + 1;
      if (mutant.status !== 'Survived' && mutant.status !== 'NoCoverage') continue;
      const { line, column } = mutant.location.start;
      const original = (lines[line - 1] ?? '').trim();
      survivors.push({
        where: `${relative(dir, join(dir, name))}:${line}:${column}`,
        status: mutant.status,
        mutator: mutant.mutatorName,
        replacement: mutant.replacement ?? '',
        original,
      });
    }
  }
  const detected = (counts.Killed ?? 0) + (counts.Timeout ?? 0);
  const valid = detected + (counts.Survived ?? 0) + (counts.NoCoverage ?? 0);
  return { counts, score: valid === 0 ? 0 : (100 * detected) / valid, survivors, valid };
}

const names = asked.length > 0 ? asked : Object.keys(PACKAGES);
const rows = [];
for (const name of names) {
  const dir = join(root, PACKAGES[name]);
  console.log(
    `\n== ${name}: running Stryker (bounded to ${minutes} min; log in ${PACKAGES[name]}/reports/stryker/stryker.log)`,
  );
  const run = await runStryker(dir);
  const result = run.code === 0 && !run.timedOut ? readReport(dir) : undefined;
  if (!result) {
    const why = run.timedOut ? `stopped after ${minutes} min` : `Stryker exited with code ${run.code}`;
    console.log(`${name}: no score (${why}); see the log`);
    rows.push({ name, score: undefined, seconds: run.seconds });
    continue;
  }
  const c = result.counts;
  console.log(
    `${name}: ${result.score.toFixed(1)} % of ${result.valid} mutants detected ` +
      `(killed ${c.Killed ?? 0}, timeout ${c.Timeout ?? 0}, survived ${c.Survived ?? 0}, ` +
      `no coverage ${c.NoCoverage ?? 0}, compile/runtime errors ${(c.CompileError ?? 0) + (c.RuntimeError ?? 0)}) ` +
      `in ${run.seconds.toFixed(0)} s`,
  );
  for (const s of result.survivors) {
    console.log(`  ${s.status === 'NoCoverage' ? 'no coverage' : 'survived'}  ${s.where}  ${s.mutator}`);
    console.log(`      ${s.original}`);
    console.log(`      → ${s.replacement.split('\n').join(' ').slice(0, 160)}`);
  }
  rows.push({ name, score: result.score, seconds: run.seconds, survivors: result.survivors.length });
}

console.log(
  '\nMutation score per package (goal ≥ 90 %; equivalent survivors are listed in each test/README.md)',
);
for (const row of rows) {
  const score = row.score === undefined ? '   —   ' : `${row.score.toFixed(1).padStart(5)} %`;
  const verdict = row.score === undefined ? 'no result' : row.score >= GOAL ? 'ok' : 'below goal';
  console.log(
    `  ${row.name.padEnd(12)} ${score}  ${String(row.survivors ?? '—').padStart(3)} survivors  ${row.seconds.toFixed(0).padStart(5)} s  ${verdict}`,
  );
}
process.exitCode = rows.every((row) => row.score !== undefined && row.score >= GOAL) ? 0 : 1;
