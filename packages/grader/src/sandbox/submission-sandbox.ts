import { existsSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { submissionDir } from '../harness/submission-dir.js';
import { collapse, graderRuntimeMounts, runtimeMounts } from './runtime-paths.js';
import { sandboxLimits, type SandboxLimits } from './sandbox-limits.js';
import type { SandboxPolicy } from './sandbox-policy.js';

/** Options of {@link submissionPolicy}. */
export interface SubmissionPolicyOptions {
  /** The submission folder (default: the one under test, `IOTKIT_SUBMISSION_DIR`). */
  dir?: string;
  /** Working directory (default: the submission folder). */
  cwd?: string;
  /** More files or folders to read (a device executable, a config file). */
  readOnly?: string[];
  /** More folders to write (a build's own output folder). */
  writable?: string[];
  /** Limits that differ from the grader's. */
  limits?: Partial<SandboxLimits>;
}

/**
 * The sandbox of a submission: its folder writable (its `grading/` folder hidden, for `check`
 * on a working copy), its `node_modules` dependency closure and the grader's run-time files
 * read-only, the grader's limits. Nothing else of the machine but `/usr` and a few system files.
 * @param options - see {@link SubmissionPolicyOptions}
 */
export function submissionPolicy(options: SubmissionPolicyOptions = {}): SandboxPolicy {
  const dir = realpathSync(options.dir ?? submissionDir());
  const deps = runtimeMounts(existsSync(join(dir, 'node_modules')) ? [join(dir, 'node_modules')] : []);
  const grader = graderRuntimeMounts();
  const grading = join(dir, 'grading');
  return {
    writable: collapse([dir, ...(options.writable ?? []).map((w) => realpathSync(w))]),
    readOnly: collapse([...deps.readOnly, ...grader.readOnly, ...(options.readOnly ?? [])]),
    masked: [
      ...new Set([...deps.masked, ...grader.masked, ...(existsSync(grading) ? [grading] : [])]),
    ].sort(),
    cwd: options.cwd ?? dir,
    limits: sandboxLimits(options.limits),
  };
}
