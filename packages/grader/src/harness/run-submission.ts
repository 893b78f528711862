import { isAbsolute, resolve } from 'node:path';
import { sandboxCommand, type SandboxedCommand } from '../sandbox/sandbox-command.js';
import { sandboxEnv } from '../sandbox/sandbox-env.js';
import type { SandboxIsolation } from '../sandbox/sandbox-support.js';
import { spawnLimited } from '../sandbox/spawn-limited.js';
import { submissionPolicy } from '../sandbox/submission-sandbox.js';
import { submissionDir } from './submission-dir.js';

/** Options of {@link runSubmission}. */
export interface RunSubmissionOptions {
  /** `node` runs a JavaScript file with the heap limit; `native` runs the program itself. */
  kind: 'node' | 'native';
  /** Working directory; the submission folder by default. */
  cwd?: string;
  /** Text written to stdin, then stdin is closed. */
  input?: string;
  /** Kill the program after this many milliseconds (default 5000). */
  timeoutMs?: number;
  /** Extra environment variables; nothing else from the test process is passed on. */
  env?: Record<string, string>;
  /** Bytes of stdout/stderr kept (default: the grader's output limit). */
  outputLimitBytes?: number;
  /** Files or folders outside the submission the program must read (an executable built elsewhere). */
  readOnly?: string[];
}

/** What a submission program did. */
export interface RunSubmissionResult {
  /** Exit code, or null when killed by a signal. */
  code: number | null;
  /** Signal that ended it, if any. */
  signal: NodeJS.Signals | null;
  /** Whether the timeout killed it. */
  timedOut: boolean;
  /** Standard output (bounded). */
  stdout: string;
  /** Standard error (bounded). */
  stderr: string;
  /** The isolation it ran with (`fallback` when bwrap cannot run here). */
  isolation: SandboxIsolation;
}

/**
 * The command {@link runSubmission} spawns, for code that starts submission programs itself:
 * the program inside the submission's sandbox (bwrap when available, see `sandboxSupport`),
 * with the grader's limits and an explicit environment. Spawn it in its own process group and
 * spread `uid`/`gid` into the spawn options (they are set only in the fallback).
 * @param command - program, or script path for `kind: 'node'`
 * @param args - arguments
 * @param kind - `node` or `native`
 * @param cwd - working directory (becomes HOME)
 * @param extraEnv - extra environment variables
 * @param readOnly - files or folders outside the submission the program must read
 */
export function sandboxedCommand(
  command: string,
  args: string[],
  kind: 'node' | 'native',
  cwd: string,
  extraEnv?: Record<string, string>,
  readOnly: string[] = [],
): SandboxedCommand {
  const policy = submissionPolicy({ cwd, readOnly });
  const env = sandboxEnv(cwd, extraEnv);
  if (kind === 'node') {
    const script = isAbsolute(command) ? command : resolve(cwd, command);
    return sandboxCommand(
      process.execPath,
      [`--max-old-space-size=${policy.limits.memoryMb}`, script, ...args],
      policy,
      env,
    );
  }
  const program = command.includes('/') && !isAbsolute(command) ? resolve(cwd, command) : command;
  return sandboxCommand(program, args, policy, env);
}

/**
 * Runs a program of the submission as a child of the test, inside the submission's sandbox:
 * working directory in the submission folder, only explicit environment variables, memory,
 * process and file limits, a timeout that kills everything it started, bounded output, and the
 * unprivileged `nobody` user. With bwrap it sees only its own folder, Node and the kit's
 * run-time files; without bwrap (see `sandboxSupport`) the limits and, as root, the user remain.
 * @param command - program (for `kind: 'node'`, the script path relative to `cwd`)
 * @param args - arguments
 * @param options - see {@link RunSubmissionOptions}
 */
export async function runSubmission(
  command: string,
  args: string[],
  options: RunSubmissionOptions,
): Promise<RunSubmissionResult> {
  const cwd = options.cwd ?? submissionDir();
  const cmd = sandboxedCommand(command, args, options.kind, cwd, options.env, options.readOnly);
  const limit =
    options.outputLimitBytes ?? Number(process.env.IOTKIT_GRADER_OUTPUT_LIMIT ?? String(64 * 1024));
  const r = await spawnLimited(cmd.file, cmd.args, {
    cwd,
    env: cmd.env,
    timeoutMs: options.timeoutMs ?? 5000,
    outputLimitBytes: limit,
    input: options.input ?? '',
    ...(cmd.uid !== undefined ? { uid: cmd.uid } : {}),
    ...(cmd.gid !== undefined ? { gid: cmd.gid } : {}),
  }).done;
  return {
    code: r.code,
    signal: r.signal,
    timedOut: r.timedOut,
    stdout: r.stdout,
    stderr: r.stderr,
    isolation: cmd.isolation,
  };
}
