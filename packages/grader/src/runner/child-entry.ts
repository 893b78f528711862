// The test process of one submission. The parent starts it in its own process group with an
// explicit environment and kills the group at the wall-clock limit; this side only runs vitest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startVitest } from 'vitest/node';
import { ObservationReporter } from './observation-reporter.js';
import type { ChildJob } from './child-job.js';
import { gradingVitestConfig } from './vitest-options.js';

const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ChildJob;
const reporter = new ObservationReporter(
  job.observationsFile,
  join(job.root, 'grading'),
  job.outputLimitBytes,
);
const { options, vite } = gradingVitestConfig(job, [reporter]);
const vitest = await startVitest('test', [], options, vite);
await vitest.close();
process.exit(0);
