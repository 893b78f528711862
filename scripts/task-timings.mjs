#!/usr/bin/env node
// Prints where the time of the last `turbo run` went: one row per task, slowest first, from the
// run summary turbo writes with --summarize (.turbo/runs/*.json). CI prints it after the tests.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(process.cwd(), '.turbo', 'runs');
if (!existsSync(dir)) {
  console.log('task timings: no turbo run summary found (.turbo/runs)');
  process.exit(0);
}
const latest = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => join(dir, f))
  .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
if (!latest) {
  console.log('task timings: no turbo run summary found (.turbo/runs)');
  process.exit(0);
}
const summary = JSON.parse(readFileSync(latest, 'utf8'));
const rows = summary.tasks
  .map((t) => ({
    id: t.taskId,
    seconds: ((t.execution?.endTime ?? 0) - (t.execution?.startTime ?? 0)) / 1000,
    cache: t.cache?.status === 'HIT' ? 'cached' : 'ran',
    exit: t.execution?.exitCode ?? '',
  }))
  .filter((r) => r.seconds > 0 || r.cache === 'cached')
  .sort((a, b) => b.seconds - a.seconds);
const width = Math.max(4, ...rows.map((r) => r.id.length));
console.log(`\ntask timings (${latest.split('/').pop()})`);
console.log(`${'task'.padEnd(width)}  seconds  cache   exit`);
for (const r of rows)
  console.log(`${r.id.padEnd(width)}  ${r.seconds.toFixed(1).padStart(7)}  ${r.cache.padEnd(6)}  ${r.exit}`);
const wall = ((summary.execution?.endTime ?? 0) - (summary.execution?.startTime ?? 0)) / 1000;
console.log(`turbo wall time: ${wall.toFixed(1)} s for ${rows.length} tasks`);
