import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.js';

// test/fixtures holds graded test files of fixture assignments: the grader runs them, vitest must not.
export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      exclude: ['**/node_modules/**', 'test/fixtures/**'],
      // GitHub's workflow parser imports its JSON schema without an import attribute, which only a
      // bundler accepts: let vite transform it.
      server: { deps: { inline: ['@actions/workflow-parser'] } },
    },
  }),
);
