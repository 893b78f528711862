import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// globalSetup files are loaded by vitest's own `__vitest__` environment, which does not inherit
// `resolve.conditions`; without this, `@iotkit/backend` resolves to its (unbuilt) dist.
const sourceConditions = ['@iotkit/source', 'node', 'import', 'module', 'default'];

export default mergeConfig(
  sharedConfig,
  defineConfig({
    environments: { __vitest__: { resolve: { conditions: sourceConditions } } },
    test: { globalSetup: ['test/helpers/global-setup.ts'] },
  }),
);
