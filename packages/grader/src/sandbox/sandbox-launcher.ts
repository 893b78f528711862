import { chownSync } from 'node:fs';
import { submissionDir } from '../harness/submission-dir.js';
import { sandboxCommand } from './sandbox-command.js';
import { sandboxEnv } from './sandbox-env.js';
import type { SandboxLimits } from './sandbox-limits.js';
import { runsAsRoot, sandboxUserId, type SandboxIsolation, type SandboxSupport } from './sandbox-support.js';
import { submissionPolicy } from './submission-sandbox.js';

/** A program another package is about to start for the submission (a virtual device, a functions child). */
export interface ProgramLaunch {
  /** Executable. */
  readonly file: string;
  /** Arguments. */
  readonly args: readonly string[];
  /** Variables the program needs beyond a minimal environment. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Files outside the submission it reads (its executable, a config file, a scenario). */
  readonly files?: readonly string[];
  /**
   * Folders outside the submission it writes (a firmware build's own output folder); as root
   * they are handed to the sandbox user, so they must be fresh folders made for this program.
   */
  readonly writable?: readonly string[];
  /** Working directory (default: the submission folder). */
  readonly cwd?: string;
}

/** The same program, wrapped: spawn `file` with `args`, `env` and `cwd` (and `uid`/`gid` when set). */
export interface WrappedLaunch {
  /** Executable to spawn. */
  file: string;
  /** Its arguments. */
  args: string[];
  /** The complete environment. */
  env: Record<string, string>;
  /** Working directory. */
  cwd: string;
  /** User to run as (fallback as root only). */
  uid?: number;
  /** Group to run as (fallback as root only). */
  gid?: number;
  /** The isolation it gets. */
  isolation: SandboxIsolation;
}

/** Options of {@link sandboxLauncher}. */
export interface SandboxLauncherOptions {
  /** The submission folder (default: the one under test). */
  dir?: string;
  /** Limits that differ from the grader's; the wall clock stays the launcher's own business. */
  limits?: Partial<SandboxLimits>;
  /** What the machine allows (default: probed once; the sandbox bench compares both). */
  support?: SandboxSupport;
}

/**
 * A command wrapper for code that starts submission programs itself: `startDevice({ wrap })`
 * and `buildAppDevice({ wrap })` of `@iotkit/devices` (the virtual device and the compile of its
 * sources), the functions runner's isolated child, a Gradescope bundle's own launcher. The wrapped program runs in the submission's sandbox (as `runSubmission` of the harness does),
 * with read access to the files the launch names and write access to its `writable` folders. Killing the spawned process ends the sandbox.
 * @param options - see {@link SandboxLauncherOptions}
 */
export function sandboxLauncher(
  options: SandboxLauncherOptions = {},
): (launch: ProgramLaunch) => WrappedLaunch {
  return (launch) => {
    const dir = options.dir ?? submissionDir();
    const cwd = launch.cwd ?? dir;
    const writable = [...(launch.writable ?? [])];
    // the sandbox user (a uid of its own as root) must own what it writes
    if (runsAsRoot()) for (const w of writable) chownSync(w, sandboxUserId(), sandboxUserId());
    const policy = submissionPolicy({
      dir,
      cwd,
      readOnly: [...(launch.files ?? [])],
      writable,
      ...(options.limits ? { limits: options.limits } : {}),
    });
    const extra: Record<string, string> = {};
    for (const [k, v] of Object.entries(launch.env ?? {})) if (v !== undefined) extra[k] = v;
    const cmd = sandboxCommand(launch.file, launch.args, policy, sandboxEnv(cwd, extra), options.support);
    return {
      file: cmd.file,
      args: cmd.args,
      env: cmd.env,
      cwd,
      isolation: cmd.isolation,
      ...(cmd.uid !== undefined ? { uid: cmd.uid } : {}),
      ...(cmd.gid !== undefined ? { gid: cmd.gid } : {}),
    };
  };
}

/**
 * {@link sandboxLauncher} in the shape of a `(file, args, env)` command rewriter, e.g. the
 * functions runner's `wrapCommand` (`isolation: 'process'`): the returned command runs inside the
 * submission's sandbox and keeps inherited file descriptors (the runner's channel on fd 3).
 * @param options - see {@link SandboxLauncherOptions}
 */
export function sandboxWrapCommand(
  options: SandboxLauncherOptions = {},
): (
  file: string,
  args: readonly string[],
  env: Readonly<Record<string, string>>,
) => { file: string; args: string[]; env: Record<string, string> } {
  const launch = sandboxLauncher(options);
  return (file, args, env) => {
    const wrapped = launch({ file, args, env });
    return { file: wrapped.file, args: wrapped.args, env: wrapped.env };
  };
}
