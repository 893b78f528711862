import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { delimiter, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Assignment } from '../assignment/load-assignment.js';
import type { GraderConfig } from '../core/grader-config.js';
import type { RunOutcome } from '../core/result-model.js';
import type { LimitedProcessResult } from './limited-process.js';
import { runSubmissionBuild } from './submission-build.js';

/** Backend settings handed to the tests of one submission. */
export interface SubmissionBackend {
  /** RTDB base URL (`http://127.0.0.1:9000`). */
  rtdbUrl?: string;
  /** Auth emulator URL. */
  authUrl?: string;
  /** This submission's RTDB namespace. */
  namespace: string;
}

/**
 * Node flags that let a test process load the grader's TypeScript sources when the grader runs
 * from source (its entry file ends in `.ts`); none for the built grader.
 *
 * Vitest's own modules are imported first, before tsx's loader is registered: every module loaded
 * after it passes through the loader's hooks, and vitest with vite is several hundred modules.
 * Loaded that way, a test process took about 2 s more CPU to start; preloaded, the entry's
 * `import 'vitest/node'` finds them already evaluated.
 * @param entry - the file the process runs
 */
export function loaderArgs(entry: string): string[] {
  if (!entry.endsWith('.ts')) return [];
  const require = createRequire(import.meta.url);
  const vitest = pathToFileURL(require.resolve('vitest/node')).href;
  const tsx = require.resolve('tsx/esm');
  return ['--conditions=@iotkit/source', '--import', vitest, '--import', tsx];
}

/** The `.bin` folder of the assignment's dependencies, put first on the PATH of builds and tests. */
export function assignmentBinPath(assignment: Assignment): string[] {
  return assignment.nodeModulesDir ? [join(assignment.nodeModulesDir, '.bin')] : [];
}

/**
 * The environment every grading process starts from: nothing of the grader's own is inherited
 * but the PATH.
 * @param extraPath - folders put before the PATH
 */
export function baseEnv(extraPath: string[]): Record<string, string> {
  return {
    PATH: [...extraPath, process.env.PATH ?? '/usr/bin:/bin'].join(delimiter),
    LANG: 'C.UTF-8',
    NO_COLOR: '1',
    CI: '1',
  };
}

/**
 * Variables the graded tests read that are the same for every submission of a run: limits and
 * the backend's URLs.
 * @param config - the limits
 * @param backend - the shared backend, when there is one
 */
export function sharedTestEnv(
  config: GraderConfig,
  backend: Omit<SubmissionBackend, 'namespace'> | undefined,
): Record<string, string> {
  return {
    IOTKIT_GRADER_MEMORY_MB: String(config.memoryMb),
    IOTKIT_GRADER_OUTPUT_LIMIT: String(config.outputLimitBytes),
    ...(backend?.rtdbUrl
      ? { IOTKIT_RTDB_URL: backend.rtdbUrl, FIREBASE_DATABASE_EMULATOR_HOST: new URL(backend.rtdbUrl).host }
      : {}),
    ...(backend?.authUrl
      ? { IOTKIT_AUTH_URL: backend.authUrl, FIREBASE_AUTH_EMULATOR_HOST: new URL(backend.authUrl).host }
      : {}),
  };
}

/** The variables that change from one submission to the next. */
export const PER_SUBMISSION_VARS = [
  'IOTKIT_SUBMISSION_DIR',
  'IOTKIT_NAMESPACE',
  'IOTKIT_SANDBOX_UID',
  'IOTKIT_SANDBOX_GID',
  'IOTKIT_DEVICE_BUILDS',
] as const;

/**
 * The variables of one submission: its folder, its namespace, the uid its code runs as, and a
 * folder of the grader's (created here, unreadable to the submission) where its test files share
 * one firmware build.
 * @param runRoot - the submission's grading folder; `undefined` lets every test file build the firmware itself
 * @param submissionDir - the submission copy
 * @param namespace - its RTDB namespace
 * @param sandboxId - its uid/gid when sandboxed
 */
export function submissionTestEnv(
  runRoot: string | undefined,
  submissionDir: string,
  namespace: string,
  sandboxId: number | undefined,
): Record<string, string> {
  const deviceBuilds = runRoot === undefined ? undefined : join(runRoot, 'device-builds');
  if (deviceBuilds !== undefined) mkdirSync(deviceBuilds, { mode: 0o700 });
  return {
    IOTKIT_SUBMISSION_DIR: submissionDir,
    IOTKIT_NAMESPACE: namespace,
    ...(deviceBuilds !== undefined ? { IOTKIT_DEVICE_BUILDS: deviceBuilds } : {}),
    ...(sandboxId !== undefined
      ? { IOTKIT_SANDBOX_UID: String(sandboxId), IOTKIT_SANDBOX_GID: String(sandboxId) }
      : {}),
  };
}

/** The build step's process and, when it failed, the outcome to report. */
export interface BuildStep {
  /** The build process. */
  build: LimitedProcessResult;
  /** Set when the submission does not build. */
  failure?: RunOutcome;
}

/**
 * Runs `grader.config.json`'s `build` command in the submission's sandbox (see
 * `runSubmissionBuild`), within the build time limit; nothing when there is no build command.
 * @param config - the limits and the command
 * @param submissionDir - the submission copy
 * @param binPath - folders put first on the PATH
 * @param sandboxId - the uid/gid to build as, when sandboxed
 */
export async function runBuildStep(
  config: GraderConfig,
  submissionDir: string,
  binPath: string[],
  sandboxId: number | undefined,
): Promise<BuildStep | undefined> {
  if (!config.build) return undefined;
  // the build runs the submission's own scripts and compiles its sources: inside its sandbox
  const build = await runSubmissionBuild(config.build, {
    dir: submissionDir,
    binPath,
    uid: sandboxId,
    timeoutMs: config.buildTimeoutSeconds * 1000,
    memoryMb: config.memoryMb,
    outputLimitBytes: config.outputLimitBytes,
  });
  if (!build.timedOut && build.code === 0) return { build };
  const why = build.timedOut
    ? `the build did not finish within ${config.buildTimeoutSeconds} s`
    : `\`${config.build.join(' ')}\` failed (exit code ${build.code})`;
  return {
    build,
    failure: { code: 'grader/build-failed', message: `the submission does not build: ${why}` },
  };
}
