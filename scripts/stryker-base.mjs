// Stryker settings shared by the core packages' `stryker.config.mjs` (run by `pnpm bench:mutation`).
// Kept light on CPU: the machine running it is usually busy with other work, so one or two workers,
// only the unit tests a package lists in its `vitest.mutation.config.ts` (no servers, no emulators),
// per-test coverage so each mutant runs only the tests that reach it, and incremental reruns.

/**
 * @param {{ mutate: string[], concurrency?: number, ignorePatterns?: string[] }} own
 * @returns {import('@stryker-mutator/api/core').PartialStrykerOptions}
 */
export function strykerConfig(own) {
  return {
    testRunner: 'vitest',
    // Resolved from here: pnpm does not put the runner where Stryker's own bare import would look.
    plugins: [import.meta.resolve('@stryker-mutator/vitest-runner')],
    // Stryker runs the package's copy in a sandbox folder, so the vitest config must sit in the package.
    vitest: { configFile: 'vitest.mutation.config.ts', related: false },
    mutate: own.mutate,
    coverageAnalysis: 'perTest',
    // Module-level constants would otherwise rerun every test for each of their mutants.
    ignoreStatic: true,
    concurrency: own.concurrency ?? 1,
    timeoutMS: 10_000,
    dryRunTimeoutMinutes: 10,
    incremental: true,
    incrementalFile: 'reports/stryker/incremental.json',
    tempDirName: '.stryker-tmp',
    reporters: ['json', 'clear-text', 'progress-append-only'],
    jsonReporter: { fileName: 'reports/stryker/mutation.json' },
    clearTextReporter: {
      allowColor: false,
      reportTests: false,
      reportMutants: false,
      reportScoreTable: true,
    },
    ignorePatterns: ['bench', 'dist', '.turbo', 'coverage', 'reports', ...(own.ignorePatterns ?? [])],
  };
}
