// Base vitest config for every package: resolve workspace packages to their TypeScript sources
// (the `@iotkit/source` export condition), so tests never need a build step.
import { defineConfig, type ViteUserConfig } from 'vitest/config';

const sourceConditions = ['@iotkit/source', 'node', 'import', 'module', 'default'];

/** Shared test settings; packages spread this and add their own `test.globalSetup`. */
export const sharedConfig: ViteUserConfig = defineConfig({
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: ['@iotkit/source'] } },
  // globalSetup files load in vitest's own `__vitest__` environment, which does not inherit
  // `resolve.conditions`; without this, workspace packages would resolve to their unbuilt dist.
  environments: { __vitest__: { resolve: { conditions: sourceConditions } } },
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 90_000,
    pool: 'forks',
  },
});
