import { spawn, spawnSync } from 'node:child_process';
import { BoundedText } from '../core/bounded-text.js';
import { submissionDir } from './submission-dir.js';

/** Options of {@link runSubmission}. */
export interface RunSubmissionOptions {
  /** `node` runs a JavaScript file with the heap limit; `native` wraps the program in `prlimit --as`. */
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
}

let prlimitAvailable: boolean | undefined;
function hasPrlimit(): boolean {
  prlimitAvailable ??= spawnSync('prlimit', ['--version'], { stdio: 'ignore' }).status === 0;
  return prlimitAvailable;
}

/** The environment a submission program gets: PATH plus the kit's explicit variables. */
function childEnv(extra: Record<string, string> | undefined, cwd: string): Record<string, string> {
  const env: Record<string, string> = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: cwd };
  for (const [k, v] of Object.entries(process.env)) {
    const internal = k.startsWith('IOTKIT_GRADER_') || k.startsWith('IOTKIT_SANDBOX_');
    if (v !== undefined && !internal && (k.startsWith('IOTKIT_') || k.startsWith('FIREBASE_'))) env[k] = v;
  }
  return { ...env, ...extra };
}

/** How to start a submission program under the grader's limits (see {@link sandboxedCommand}). */
export interface SandboxedCommand {
  /** Executable to spawn (`node`, `prlimit`, or the program itself). */
  file: string;
  /** Its arguments. */
  args: string[];
  /** The complete environment to pass. */
  env: Record<string, string>;
  /** Sandbox user, when the grader runs as root. */
  uid?: number;
  /** Sandbox group, when the grader runs as root. */
  gid?: number;
}

/**
 * The spawn arguments {@link runSubmission} uses, for code that starts submission programs
 * itself (e.g. a virtual device launcher): heap or address-space limit, explicit environment,
 * and the sandbox user when available. Spread `uid`/`gid` into the spawn options.
 * @param command - program, or script path for `kind: 'node'`
 * @param args - arguments
 * @param kind - `node` or `native`
 * @param cwd - working directory (becomes HOME)
 * @param extraEnv - extra environment variables
 */
export function sandboxedCommand(
  command: string,
  args: string[],
  kind: 'node' | 'native',
  cwd: string,
  extraEnv?: Record<string, string>,
): SandboxedCommand {
  const memoryMb = Number(process.env.IOTKIT_GRADER_MEMORY_MB ?? '512');
  let file = command;
  let argv = args;
  if (kind === 'node') {
    file = process.execPath;
    argv = [`--max-old-space-size=${memoryMb}`, command, ...args];
  } else if (hasPrlimit()) {
    file = 'prlimit';
    argv = [`--as=${memoryMb * 1024 * 1024}`, '--', command, ...args];
  }
  const uid = Number(process.env.IOTKIT_SANDBOX_UID);
  const gid = Number(process.env.IOTKIT_SANDBOX_GID);
  const sandbox =
    process.getuid?.() === 0 && Number.isInteger(uid) && Number.isInteger(gid) && uid > 0 ? { uid, gid } : {};
  return { file, args: argv, env: childEnv(extraEnv, cwd), ...sandbox };
}

/**
 * Runs a program of the submission as a child of the test: working directory in the submission
 * folder, only explicit environment variables, a memory limit (`--max-old-space-size` for Node,
 * `prlimit --as` for native programs when available), a timeout, bounded output, and — when the
 * grader runs as root — the unprivileged sandbox user, so it cannot read the tests or write
 * outside its own folder.
 * @param command - program (for `kind: 'node'`, the script path relative to `cwd`)
 * @param args - arguments
 * @param options - see {@link RunSubmissionOptions}
 */
export function runSubmission(
  command: string,
  args: string[],
  options: RunSubmissionOptions,
): Promise<RunSubmissionResult> {
  const cwd = options.cwd ?? submissionDir();
  const limit =
    options.outputLimitBytes ?? Number(process.env.IOTKIT_GRADER_OUTPUT_LIMIT ?? String(64 * 1024));
  const cmd = sandboxedCommand(command, args, options.kind, cwd, options.env);
  const ids = cmd.uid !== undefined && cmd.gid !== undefined ? { uid: cmd.uid, gid: cmd.gid } : {};
  return new Promise((resolve, reject) => {
    const child = spawn(cmd.file, cmd.args, { cwd, env: cmd.env, stdio: ['pipe', 'pipe', 'pipe'], ...ids });
    const out = new BoundedText(limit);
    const err = new BoundedText(limit);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 5000);
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.stdin.on('error', () => undefined);
    child.stdin.end(options.input ?? '');
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, stdout: out.toString(), stderr: err.toString() });
    });
  });
}
