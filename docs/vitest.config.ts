import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../vitest.shared.js';

// The site tests share one build of the site, made once by the global setup (TypeDoc, ~30 s).
export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      globalSetup: ['./test/website/build-site.global.ts'],
      hookTimeout: 300_000,
      // GitHub's workflow parser imports its JSON schema without an import attribute, which only a
      // bundler accepts: let vite transform it.
      server: { deps: { inline: ['@actions/workflow-parser'] } },
    },
  }),
);
