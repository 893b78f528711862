import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const tsx = join(packageDir, 'node_modules', 'tsx');

/** The server CLI running as a child process. */
export interface ServerProcess {
  child: ChildProcess;
  url: string;
  output: () => string;
}

/** Spawns `src/server/main.ts` with `args` and waits for its "ready at" line. */
export async function spawnServer(args: string[]): Promise<ServerProcess> {
  if (!existsSync(tsx))
    throw new Error(`tsx is missing at ${tsx}: run \`pnpm install\` at the repository root`);
  // Node itself with tsx's loader, not the tsx CLI: the CLI runs the program in a child process,
  // so a SIGKILL aimed at it would leave the real server running.
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--conditions=@iotkit/source',
      join(packageDir, 'src/server/main.ts'),
      '--port',
      '0',
      ...args,
    ],
    {
      cwd: packageDir,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /ready at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited with ${code}:\n${output}`));
    });
  });
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  return { child, url, output: () => output };
}

/** Resolves when the process has exited. */
export function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}
