// Flat config shared by every package: each package runs `eslint src test` from its own folder.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import { gradingLintPlugin } from './packages/grader/lint/no-submission-import.js';

export default tseslint.config(
  {
    ignores: ['**/dist/**', '**/node_modules/**', '**/build/**', '**/.turbo/**', 'site/**', '**/*.d.ts'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        setInterval: 'readonly',
        clearInterval: 'readonly',
        setImmediate: 'readonly',
        URL: 'readonly',
        URLSearchParams: 'readonly',
        fetch: 'readonly',
        AbortController: 'readonly',
        AbortSignal: 'readonly',
        TextEncoder: 'readonly',
        TextDecoder: 'readonly',
        structuredClone: 'readonly',
        queueMicrotask: 'readonly',
        performance: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/utils', '**/utils.js', '**/utils.ts'],
              message: 'No utils grab-bags: name the concept.',
            },
          ],
        },
      ],
    },
  },
  {
    // graded tests reach student code only through the sandbox (see packages/grader/lint)
    files: ['assignments/*/grading/**/*.ts', 'packages/grader/test/fixtures/h0-hostile/grading/**/*.ts'],
    plugins: { iotkit: gradingLintPlugin },
    rules: { 'iotkit/no-submission-import': 'error' },
  },
  {
    // Runtime import cycles make module initialisation order-dependent; `import type` is exempt.
    files: ['packages/rtdb-server/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts'] },
      'import-x/resolver-next': [createNodeResolver({ extensionAlias: { '.js': ['.ts', '.js'] } })],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
