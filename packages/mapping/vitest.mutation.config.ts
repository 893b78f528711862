// The tests Stryker runs against every mutant of src/core (`pnpm bench:mutation`): the core's unit
// tests (test/data checks where vectors.json lives, which a sandbox copy moves). Stryker copies this package into a sandbox folder, where
// the repository's shared vitest config is out of reach, so the workspace source conditions are
// repeated here.
import { defineConfig } from 'vitest/config';

const sourceConditions = ['@iotkit/source', 'node', 'import', 'module', 'default'];

export default defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@iotkit/source'] } },
  test: { include: ['test/core/**/*.test.ts'], testTimeout: 20_000 },
});
