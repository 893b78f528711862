import type { SandboxLimits } from './sandbox-limits.js';

/** What a sandboxed program sees and how far it may go. Paths are absolute and keep their place. */
export interface SandboxPolicy {
  /** Folders the program may write (the submission copy). */
  writable: string[];
  /** Files and folders it may read (Node, the kit's run-time dependencies, a device executable). */
  readOnly: string[];
  /** Folders inside the above hidden behind an empty one (the tests in a working copy, caches). */
  masked: string[];
  /** Working directory. */
  cwd: string;
  /** Limits. */
  limits: SandboxLimits;
  /** When the grader is root: the user to run as (default: the run's sandbox user, see `sandboxUserId`). */
  uid?: number;
  /**
   * Keep the caller's identity instead (mapped to `nobody` inside a user namespace, so files it
   * owns stay writable): for a working copy the caller checks in place, never for a submission copy.
   */
  asCaller?: boolean;
}
