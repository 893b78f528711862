import { join } from 'node:path';
import type { createVitest, Reporter } from 'vitest/node';
import { GradingSequencer } from './grading-sequencer.js';
import type { ChildJob } from './child-job.js';

/** Vitest's options as `createVitest` / `startVitest` take them. */
type VitestOptions = Parameters<typeof createVitest>[1];
/** The Vite options under them. */
type ViteOptions = NonNullable<Parameters<typeof createVitest>[2]>;

/** What {@link gradingVitestConfig} gives `startVitest` / `createVitest`. */
export interface GradingVitestConfig {
  /** Vitest's own options. */
  readonly options: VitestOptions;
  /** Vite options under it (module resolution, cache folder). */
  readonly vite: ViteOptions;
}

/**
 * The one vitest configuration graded tests run under, whether a fresh process runs one
 * submission or a reused worker runs many: the same files, order, limits and module resolution,
 * so both paths give the same scores.
 * @param job - the tests root and limits
 * @param reporters - where observations go
 */
export function gradingVitestConfig(job: ChildJob, reporters: Reporter[]): GradingVitestConfig {
  const conditions = ['@iotkit/source', 'node', 'import', 'module', 'default'];
  return {
    options: {
      root: job.root,
      config: false,
      watch: false,
      include: ['grading/**/*.test.ts'],
      reporters,
      testTimeout: job.testTimeoutMs,
      hookTimeout: Math.max(job.testTimeoutMs, 30_000),
      pool: 'forks',
      maxWorkers: 1,
      fileParallelism: false,
      // per-file: nothing a test file loaded survives into the next. per-submission: the run's files
      // share one process, in order; vitest stops it when the run ends, so nothing survives into the
      // next submission's run either.
      isolate: job.testProcess === 'per-file',
      execArgv: [`--max-old-space-size=${job.memoryMb}`],
      includeTaskLocation: true,
      passWithNoTests: true,
      sequence: { sequencer: GradingSequencer, shuffle: false },
      // vendored kit packages (a handout's vendor/ copies) ship TypeScript sources: transform them
      server: { deps: { inline: [/@iotkit\//, /[\\/]vendor[\\/]/] } },
    },
    vite: {
      cacheDir: join(job.root, '.vite'),
      resolve: { conditions },
      ssr: { resolve: { conditions, externalConditions: ['@iotkit/source'] } },
      logLevel: 'error',
    },
  };
}
