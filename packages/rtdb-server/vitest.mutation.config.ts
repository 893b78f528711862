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
    include: ['test/core/**/*.test.ts', 'test/rules/**/*.test.ts'],
    // query-spec is compared with the official SDK, which this run would have to start for every
    // mutant (its cases also run in process, from a recorded table, in query-spec-cases.test.ts);
    // the others start a server or read the repository's rules file, out of reach from Stryker's
    // sandbox copy.
    exclude: [
      'test/core/query-spec.test.ts',
      'test/rules/course-rules.test.ts',
      'test/rules/denied-transaction.test.ts',
      'test/rules/rules-enforcement.test.ts',
      'test/rules/rules-realtime.test.ts',
      'test/rules/rules-work-bound.test.ts',
    ],
    // generous: under instrumentation on a busy machine the index test alone has taken over 20 s
    testTimeout: 60_000,
  },
});
