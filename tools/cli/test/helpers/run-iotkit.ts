import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const main = fileURLToPath(new URL('../../src/main.ts', import.meta.url));

/** What a finished `iotkit` process left behind. */
export interface IotkitResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Starts `iotkit` exactly as `pnpm iotkit` does (Node with tsx's loader and the source
 * condition) in a child process. It leads its own process group, like a command typed in a
 * terminal, so {@link signalGroup} reaches it as Ctrl-C does.
 */
export function spawnIotkit(args: readonly string[], env: NodeJS.ProcessEnv = process.env): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', '--conditions=@iotkit/source', main, ...args], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
}

/** Sends a signal to the child's whole process group; ignores a group that is already gone. */
export function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already exited
  }
}

/** Collects a child's output and exit status. */
export function finished(child: ChildProcess): Promise<IotkitResult> {
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Runs `iotkit` to completion. */
export function runIotkit(args: readonly string[], env?: NodeJS.ProcessEnv): Promise<IotkitResult> {
  return finished(spawnIotkit(args, env));
}
