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
  /**
   * `per-file` (default): every graded test file runs in a fresh process of its own, so a test
   * process that crashes or runs out of memory costs only that file's remaining tests.
   * `per-submission`: a submission's graded files run one after the other in one fresh process:
   * one process start and one module graph per submission instead of per file, and a prerequisite
   * declared in a support module carries from the public file into the hidden one. Right for
   * assignments whose student code runs outside the test process (virtual devices, sandboxed
   * modules), where that process does not crash on a student's mistake.
   */
  testProcess: 'per-file' | 'per-submission';
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
  testProcess: 'per-file',
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
  const testProcess = r.testProcess ?? DEFAULT_CONFIG.testProcess;
  if (testProcess !== 'per-file' && testProcess !== 'per-submission') {
    throw new GraderError(
      'grader/bad-config',
      'grading/grader.config.json: "testProcess" must be "per-file" or "per-submission"',
    );
  }
  return {
    backend,
    build,
    testProcess,
    requiredFiles: requiredFiles as string[],
    buildTimeoutSeconds: positive(r, 'buildTimeoutSeconds', DEFAULT_CONFIG.buildTimeoutSeconds),
    timeoutSeconds: positive(r, 'timeoutSeconds', DEFAULT_CONFIG.timeoutSeconds),
    testTimeoutMs: positive(r, 'testTimeoutMs', DEFAULT_CONFIG.testTimeoutMs),
    memoryMb: positive(r, 'memoryMb', DEFAULT_CONFIG.memoryMb),
    outputLimitBytes: positive(r, 'outputLimitBytes', DEFAULT_CONFIG.outputLimitBytes),
  };
}
