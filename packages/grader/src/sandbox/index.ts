/**
 * The sandbox every piece of submission code runs in: bubblewrap (`bwrap`) with a minimal file
 * system, the `nobody` user, its own PID namespace and the grader's limits, or a visible fallback
 * where bwrap cannot run. Reached from graded tests through `@iotkit/grader/harness`
 * (`runSubmission`, `importSubmission`, `sandboxLauncher`); exported here for launchers that
 * live outside a test process (a Gradescope bundle's entry script).
 * @packageDocumentation
 */
export { sandboxSupport, fallbackWarning, sandboxUserId, SANDBOX_USER_ID } from './sandbox-support.js';
export type { SandboxSupport, SandboxIsolation } from './sandbox-support.js';
export { sandboxLimits, NODE_BASE_MEMORY_MB } from './sandbox-limits.js';
export type { SandboxLimits } from './sandbox-limits.js';
export type { SandboxPolicy } from './sandbox-policy.js';
export { sandboxCommand } from './sandbox-command.js';
export type { SandboxedCommand } from './sandbox-command.js';
export { sandboxEnv } from './sandbox-env.js';
export { spawnLimited } from './spawn-limited.js';
export type { LimitedChild, SpawnLimitedOptions, SpawnLimitedResult } from './spawn-limited.js';
export { submissionPolicy } from './submission-sandbox.js';
export type { SubmissionPolicyOptions } from './submission-sandbox.js';
export { runtimeMounts } from './runtime-paths.js';
export type { RuntimeMounts } from './runtime-paths.js';
export { sandboxLauncher, sandboxWrapCommand } from './sandbox-launcher.js';
export type { ProgramLaunch, SandboxLauncherOptions, WrappedLaunch } from './sandbox-launcher.js';
