import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// One real Auth emulator per run, on a free port (see test/helpers/global-setup.ts).
export default mergeConfig(
  sharedConfig,
  defineConfig({ test: { globalSetup: ['test/helpers/global-setup.ts'] } }),
);
