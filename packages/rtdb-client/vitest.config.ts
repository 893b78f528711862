import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// globalSetup runs in vitest's own `__vitest__` environment, which does not inherit
// `resolve.conditions`; without this the workspace packages resolve to their (unbuilt) dist.
const sourceConditions = ['@iotkit/source', 'node', 'import', 'module', 'default'];

export default mergeConfig(
  sharedConfig,
  defineConfig({
    environments: { __vitest__: { resolve: { conditions: sourceConditions } } },
    test: { globalSetup: ['./test/global-setup.ts'] },
  }),
);
