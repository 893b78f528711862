// The tests Stryker runs against every mutant (`pnpm bench:mutation`): the in-process tests of the data
// tree and the rules (no server, no SDK clients). REST, realtime and SDK tests start servers and are
// far too slow to rerun for each mutant.
// Stryker copies this package into a sandbox folder, where the repository's shared vitest config
// is out of reach, so the workspace source conditions are repeated here.
import { defineConfig } from 'vitest/config';

const sourceConditions = ['@iotkit/source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@iotkit/source'] } },
  test: {
    include: [
      'test/core/**/*.test.ts',
      'test/rules/course-rules.test.ts',
      'test/rules/explain-false.test.ts',
      'test/rules/explain-request.test.ts',
      'test/rules/parse-rules.test.ts',
      'test/rules/rule-regex.test.ts',
      'test/rules/rules-registry.test.ts',
      'test/rules/rules-table.test.ts',
    ],
    // Compared with the official SDK, which this run would have to start for every mutant.
    exclude: ['test/core/query-spec.test.ts'],
    testTimeout: 20_000,
    // One worker that keeps its modules between runs: Stryker switches mutants at run time, so nothing
    // needs reloading, and a fresh worker per run would cost more than the tests themselves.
    isolate: false,
  },
});
