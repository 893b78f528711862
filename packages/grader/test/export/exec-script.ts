import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';

/** How a script ended. */
export interface ScriptRun {
  code: number | null;
  output: string;
}

/**
 * Runs a program and collects its output (last 200 kB); a program that cannot start fails the
 * test with what to install.
 */
export function runProgram(
  command: string,
  args: readonly string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; install: string },
): Promise<ScriptRun> {
  return new Promise((resolveRun, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-200_000);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    child.on('error', (error) =>
      reject(new Error(`cannot run ${command} (${error.message}): ${options.install}`)),
    );
    child.on('close', (code) => resolveRun({ code, output }));
  });
}

/**
 * Raises the fixture's wall-clock limit in an exported copy: these tests share the machine with
 * others, and the fixture's own 30 s limit is meant for an idle one.
 */
export function relaxLimits(configFile: string): void {
  const config = JSON.parse(readFileSync(configFile, 'utf8')) as Record<string, unknown>;
  writeFileSync(configFile, JSON.stringify({ ...config, timeoutSeconds: 240, buildTimeoutSeconds: 240 }));
}
