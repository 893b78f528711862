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
      'test/rules/explain-false.test.ts',
      'test/rules/explain-request.test.ts',
      'test/rules/parse-rules.test.ts',
      'test/rules/rule-regex.test.ts',
      'test/rules/rules-registry.test.ts',
      'test/rules/rules-table.test.ts',
    ],
    // query-spec is compared with the official SDK, which this run would have to start for every
    // mutant; course-rules reads the repository's rules file, out of reach from Stryker's sandbox.
    exclude: ['test/core/query-spec.test.ts', 'test/rules/course-rules.test.ts'],
    testTimeout: 20_000,
  },
});
