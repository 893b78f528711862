// The test process of one submission. The parent starts it in its own process group with an
// explicit environment and kills the group at the wall-clock limit; this side only runs vitest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startVitest } from 'vitest/node';
import { GradingSequencer } from './grading-sequencer.js';
import { ObservationReporter } from './observation-reporter.js';
import type { ChildJob } from './child-job.js';

const job = JSON.parse(readFileSync(process.argv[2] ?? '', 'utf8')) as ChildJob;
const conditions = ['@iotkit/source', 'node', 'import', 'module', 'default'];
const reporter = new ObservationReporter(
  job.observationsFile,
  join(job.root, 'grading'),
  job.outputLimitBytes,
);

const vitest = await startVitest(
  'test',
  [],
  {
    root: job.root,
    config: false,
    watch: false,
    include: ['grading/**/*.test.ts'],
    reporters: [reporter],
    testTimeout: job.testTimeoutMs,
    hookTimeout: Math.max(job.testTimeoutMs, 30_000),
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    execArgv: [`--max-old-space-size=${job.memoryMb}`],
    includeTaskLocation: true,
    passWithNoTests: true,
    sequence: { sequencer: GradingSequencer, shuffle: false },
    // vendored kit packages (a handout's vendor/ copies) ship TypeScript sources: transform them
    server: { deps: { inline: [/@iotkit\//, /[\\/]vendor[\\/]/] } },
  },
  {
    cacheDir: join(job.root, '.vite'),
    resolve: { conditions },
    ssr: { resolve: { conditions, externalConditions: ['@iotkit/source'] } },
    logLevel: 'error',
  },
);
await vitest.close();
process.exit(0);
