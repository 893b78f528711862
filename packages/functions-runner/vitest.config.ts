import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// Several tests start functions host processes and sign users in: generous ceilings for a loaded machine.
export default mergeConfig(
  sharedConfig,
  defineConfig({ test: { globalSetup: ['./test/global-setup.ts'], testTimeout: 90_000 } }),
);
