import { isAbsolute, join, resolve } from 'node:path';

/**
 * The folder of the submission under test (`IOTKIT_SUBMISSION_DIR`, set by `iotkit check` and
 * `iotkit grade`). Outside the grader it falls back to the current directory so a test file can
 * also run with plain `vitest` from the assignment folder.
 */
export function submissionDir(): string {
  return resolve(process.env.IOTKIT_SUBMISSION_DIR ?? process.cwd());
}

/**
 * A path inside the submission, e.g. `submissionPath('dist/calc.js')`.
 * @param relative - path relative to the submission folder
 */
export function submissionPath(relative: string): string {
  if (isAbsolute(relative)) throw new Error(`submissionPath expects a relative path, got ${relative}`);
  return join(submissionDir(), relative);
}

/** The backend settings the grader passes to tests (each submission gets its own namespace). */
export interface GraderBackendEnv {
  /** RTDB base URL, e.g. `http://127.0.0.1:9000`, when a backend is running. */
  rtdbUrl?: string;
  /** Auth emulator URL, when one is running. */
  authUrl?: string;
  /** The RTDB namespace (`?ns=`) of this submission. */
  namespace: string;
}

/** Reads `IOTKIT_RTDB_URL`, `IOTKIT_AUTH_URL` and `IOTKIT_NAMESPACE`. */
export function graderBackendEnv(): GraderBackendEnv {
  const env = process.env;
  return {
    ...(env.IOTKIT_RTDB_URL ? { rtdbUrl: env.IOTKIT_RTDB_URL } : {}),
    ...(env.IOTKIT_AUTH_URL ? { authUrl: env.IOTKIT_AUTH_URL } : {}),
    namespace: env.IOTKIT_NAMESPACE ?? 'iotkit-check',
  };
}
