import { basename, delimiter, dirname } from 'node:path';
import { runtimeMounts } from '../sandbox/runtime-paths.js';
import { sandboxCommand } from '../sandbox/sandbox-command.js';
import { sandboxEnv } from '../sandbox/sandbox-env.js';
import { spawnLimited } from '../sandbox/spawn-limited.js';
import { submissionPolicy } from '../sandbox/submission-sandbox.js';
import type { SandboxIsolation } from '../sandbox/sandbox-support.js';
import type { LimitedProcessResult } from './limited-process.js';

/** Options of {@link runSubmissionBuild}. */
export interface SubmissionBuildOptions {
  /** The submission copy (or the working copy `check` grades in place): the build's working folder. */
  dir: string;
  /** Folders put first on PATH: the assignment's `node_modules/.bin` (that `node_modules` is readable). */
  binPath: readonly string[];
  /** When the grader is root: the user the build runs as (the run's sandbox uid); unset keeps the caller's identity, for a working copy it owns. */
  uid?: number | undefined;
  /** Wall clock, in ms. */
  timeoutMs: number;
  /** Memory in MB (data-segment limit of every build process, plus Node's allowance). */
  memoryMb: number;
  /** Output bytes kept. */
  outputLimitBytes: number;
}

/** How the build ended, and the isolation it had. */
export interface SubmissionBuildResult extends LimitedProcessResult {
  /** `bwrap`, or `fallback` when the sandbox cannot run here. */
  isolation: SandboxIsolation;
}

/**
 * Runs the `build` command of an assignment's `grader.config.json` (e.g. `tsc -p tsconfig.json`)
 * in the submission's sandbox, like every other program of the submission: its copy writable and
 * nothing else, the kit's run-time dependencies read-only, no `grading/` folder, the submission's
 * user, a private `/tmp`, and the grader's wall-clock, memory, process and output limits. Whatever
 * ends it, the sandbox's whole process group goes with it.
 * @param command - argv; a bare name is looked up on PATH inside the sandbox
 * @param options - see {@link SubmissionBuildOptions}
 */
export async function runSubmissionBuild(
  command: readonly string[],
  options: SubmissionBuildOptions,
): Promise<SubmissionBuildResult> {
  const [file, ...args] = command as [string, ...string[]];
  const nodeModules = options.binPath.filter((b) => basename(b) === '.bin').map((b) => dirname(b));
  const tools = nodeModules.length > 0 ? runtimeMounts(nodeModules) : undefined;
  const policy = {
    ...submissionPolicy({
      dir: options.dir,
      ...(tools ? { readOnly: tools.readOnly } : {}),
      limits: {
        timeoutMs: options.timeoutMs,
        memoryMb: options.memoryMb,
        outputLimitBytes: options.outputLimitBytes,
      },
    }),
    ...(options.uid !== undefined ? { uid: options.uid } : { asCaller: true }),
  };
  if (tools) policy.masked = [...new Set([...policy.masked, ...tools.masked])].sort();
  const base = sandboxEnv(policy.cwd);
  const env = {
    ...base,
    PATH: [...options.binPath, base.PATH].join(delimiter),
    NO_COLOR: '1',
    CI: '1',
  };
  // prlimit and setpriv exec the program by name, so PATH inside the sandbox finds `tsc`, `cmake`, …
  const cmd = sandboxCommand(file, args, policy, env);
  const r = await spawnLimited(cmd.file, cmd.args, {
    cwd: policy.cwd,
    env: cmd.env,
    timeoutMs: options.timeoutMs,
    outputLimitBytes: options.outputLimitBytes,
    ...(cmd.uid !== undefined ? { uid: cmd.uid } : {}),
    ...(cmd.gid !== undefined ? { gid: cmd.gid } : {}),
  }).done;
  return {
    code: r.code,
    signal: r.signal,
    timedOut: r.timedOut,
    output: r.output,
    durationMs: r.durationMs,
    isolation: cmd.isolation,
  };
}
