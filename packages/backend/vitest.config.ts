import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    // The Auth emulator (firebase-tools) can take minutes to start on a busy 2-core machine.
    test: { globalSetup: ['./test/global-setup.ts'], hookTimeout: 240_000 },
  }),
);
