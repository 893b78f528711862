import { GraderError } from './grader-error.js';

/** `grading/grader.config.json`: limits and the build step. Every field is optional. */
export interface GraderConfig {
  /** What `iotkit grade` / `check` start before the tests: nothing, the RTDB server, or RTDB + Auth emulator. */
  backend: 'none' | 'rtdb' | 'rtdb+auth';
  /** Build command run in the submission folder before the tests (argv, no shell). */
  build: string[] | null;
  /** Wall-clock limit of the build, in seconds. */
  buildTimeoutSeconds: number;
  /** Wall-clock limit of the whole test run of one submission, in seconds. */
  timeoutSeconds: number;
  /** Per-test timeout vitest applies (async code only; synchronous loops need the wall clock). */
  testTimeoutMs: number;
  /** Heap limit of the test process (`--max-old-space-size`) and address-space limit of native children. */
  memoryMb: number;
  /** Bytes of output kept per stream (build log, runner log) and per test; the rest is cut. */
  outputLimitBytes: number;
  /**
   * Paths (relative to the submission; a trailing `/` for a folder that must hold a file) without
   * which a submission is flagged "not gradable" instead of graded as a 0, e.g. `firmware/src/app/`.
   */
  requiredFiles: string[];
}

/** Limits used when `grader.config.json` does not say otherwise. */
export const DEFAULT_CONFIG: GraderConfig = {
  backend: 'none',
  build: null,
  buildTimeoutSeconds: 120,
  timeoutSeconds: 120,
  testTimeoutMs: 10_000,
  memoryMb: 512,
  outputLimitBytes: 64 * 1024,
  requiredFiles: [],
};

function positive(raw: Record<string, unknown>, key: keyof GraderConfig, fallback: number): number {
  const v = raw[key];
  if (v === undefined) return fallback;
  if (typeof v !== 'number' || !Number.isFinite(v) || v <= 0) {
    throw new GraderError(
      'grader/bad-config',
      `grading/grader.config.json: "${key}" must be a positive number`,
    );
  }
  return v;
}

/**
 * Checks a parsed `grader.config.json` and fills in defaults.
 * @param raw - parsed JSON, or undefined when the file does not exist
 * @throws GraderError `grader/bad-config`
 */
export function parseGraderConfig(raw: unknown): GraderConfig {
  if (raw === undefined) return { ...DEFAULT_CONFIG };
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new GraderError('grader/bad-config', 'grading/grader.config.json must be a JSON object');
  }
  const r = raw as Record<string, unknown>;
  let build: string[] | null = DEFAULT_CONFIG.build;
  if (r.build !== undefined && r.build !== null) {
    if (!Array.isArray(r.build) || r.build.length === 0 || !r.build.every((a) => typeof a === 'string')) {
      throw new GraderError(
        'grader/bad-config',
        'grading/grader.config.json: "build" must be a non-empty array of strings (argv)',
      );
    }
    build = r.build as string[];
  }
  const backend = r.backend ?? DEFAULT_CONFIG.backend;
  if (backend !== 'none' && backend !== 'rtdb' && backend !== 'rtdb+auth') {
    throw new GraderError(
      'grader/bad-config',
      'grading/grader.config.json: "backend" must be "none", "rtdb" or "rtdb+auth"',
    );
  }
  const requiredFiles = r.requiredFiles ?? [];
  if (
    !Array.isArray(requiredFiles) ||
    !requiredFiles.every(
      (f) => typeof f === 'string' && f !== '' && !f.startsWith('/') && !f.split('/').includes('..'),
    )
  ) {
    throw new GraderError(
      'grader/bad-config',
      'grading/grader.config.json: "requiredFiles" must be an array of relative paths inside the submission',
    );
  }
  return {
    backend,
    build,
    requiredFiles: requiredFiles as string[],
    buildTimeoutSeconds: positive(r, 'buildTimeoutSeconds', DEFAULT_CONFIG.buildTimeoutSeconds),
    timeoutSeconds: positive(r, 'timeoutSeconds', DEFAULT_CONFIG.timeoutSeconds),
    testTimeoutMs: positive(r, 'testTimeoutMs', DEFAULT_CONFIG.testTimeoutMs),
    memoryMb: positive(r, 'memoryMb', DEFAULT_CONFIG.memoryMb),
    outputLimitBytes: positive(r, 'outputLimitBytes', DEFAULT_CONFIG.outputLimitBytes),
  };
}
