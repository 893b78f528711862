// The tests Stryker runs against every mutant (`pnpm bench:mutation`): the unit tests of the core
// and of the reporters built on its result model; class runs, sandboxes and handouts start processes
// and are far too slow to rerun for each mutant.
// Stryker copies this package into a sandbox folder, where the repository's shared vitest config
// is out of reach, so the workspace source conditions are repeated here.
import { defineConfig } from 'vitest/config';

const sourceConditions = ['@iotkit/source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@iotkit/source'] } },
  test: {
    include: ['test/core/**/*.test.ts', 'test/reporters/**/*.test.ts'],
    testTimeout: 20_000,
  },
});
