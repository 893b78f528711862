import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Readable } from 'node:stream';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Socket } from 'node:net';
import { FunctionsRunnerError } from '../core/functions-runner-error.js';
import { bundleForHost } from './host-bundle.js';
import type { FunctionsRunnerErrorCode } from '../core/functions-runner-error.js';
import type { HostConfig, HostMessage, RunnerMessage } from '../host/host-protocol.js';
import { fromWireError, HOST_CONFIG_ENV } from '../host/host-protocol.js';
import { encodeJsonLine, JsonLinesDecoder } from '../host/json-lines.js';
import type {
  FunctionsRunnerOptions,
  HostCommand,
  InvocationRecord,
  RunningFunctions,
} from './runner-types.js';

/** Environment variables passed on to the host when set here (nothing else of this process's environment is). */
const PASSED_ENV = ['PATH', 'LANG', 'TZ', 'FIREBASE_AUTH_EMULATOR_HOST'];

/**
 * The command that starts a functions host for these options, before `wrapCommand`, with a
 * minimal environment pointing the SDKs at the local backend. Given a bundle, plain Node runs the
 * bundled host, which imports the bundled module; without one, Node runs the host entry with
 * tsx's loader (the module may be TypeScript) and the workspace's source condition.
 * @param options - the runner's options
 * @param module - the functions module, as the user named it (messages quote it)
 * @param bundle - the host entry and the module as plain JavaScript files (the runner makes them
 *   with esbuild before it starts a host)
 */
export function functionsHostCommand(
  options: FunctionsRunnerOptions,
  module: string,
  bundle?: { readonly hostEntry: string; readonly module: string },
): HostCommand {
  const projectId = options.projectId ?? 'demo-iotkit';
  const config: HostConfig = {
    module: module.startsWith('file:') ? fileURLToPath(module) : module,
    databaseHost: options.databaseHost,
    namespace: options.namespace,
    projectId,
    ...(options.location ? { location: options.location } : {}),
    ...(bundle ? { load: bundle.module } : {}),
  };
  const env: Record<string, string> = {};
  for (const name of PASSED_ENV) {
    const value = process.env[name];
    if (value !== undefined) env[name] = value;
  }
  Object.assign(env, {
    FIREBASE_DATABASE_EMULATOR_HOST: options.databaseHost,
    GCLOUD_PROJECT: projectId,
    FIREBASE_CONFIG: JSON.stringify({
      projectId,
      databaseURL: `http://${options.databaseHost}/?ns=${options.namespace}`,
    }),
    [HOST_CONFIG_ENV]: JSON.stringify(config),
  });
  if (bundle) return { file: process.execPath, args: ['--enable-source-maps', bundle.hostEntry], env };
  return {
    file: process.execPath,
    args: ['--conditions=@iotkit/source', '--import', tsxLoaderUrl(), hostEntryFile()],
    env,
  };
}

/** The host's entry file: its TypeScript source when this file runs from source. */
function hostEntryFile(): string {
  const own = fileURLToPath(import.meta.url);
  return join(dirname(own), '..', 'host', `functions-host${own.endsWith('.ts') ? '.ts' : '.js'}`);
}

function tsxLoaderUrl(): string {
  const require = createRequire(import.meta.url);
  const loader = join(dirname(require.resolve('tsx/package.json')), 'dist', 'loader.mjs');
  if (!existsSync(loader))
    throw new FunctionsRunnerError(
      'functions/host-failed',
      `tsx's loader is missing (${loader}); run pnpm install`,
    );
  return pathToFileURL(loader).href;
}

/** Runs the module in a functions host process (see {@link startFunctionsRunner}). */
export async function startProcessRunner(options: FunctionsRunnerOptions): Promise<RunningFunctions> {
  if (typeof options.module !== 'string')
    throw new FunctionsRunnerError(
      'functions/invalid-options',
      "isolation: 'process' needs the module as a file path, not imported exports",
    );
  const modulePath = options.module.startsWith('file:') ? fileURLToPath(options.module) : options.module;
  const bundle = await bundleForHost(modulePath, hostEntryFile());
  let child: ChildProcess;
  try {
    const base = functionsHostCommand(options, options.module, bundle);
    const command = options.wrapCommand ? options.wrapCommand(base.file, base.args, base.env) : base;
    child = spawn(command.file, [...command.args], {
      env: { ...command.env },
      stdio: ['ignore', 'pipe', 'pipe', 'pipe'],
    });
  } catch (error) {
    bundle?.remove();
    throw error;
  }
  const output = options.onHostOutput ?? ((line: string) => process.stderr.write(`[functions] ${line}\n`));
  for (const stream of [child.stdout, child.stderr] as Readable[])
    createInterface({ input: stream, crlfDelay: Infinity }).on('line', output);
  const channel = child.stdio[3] as Socket;
  const send = (message: RunnerMessage): void => {
    if (!channel.destroyed) channel.write(encodeJsonLine(message));
  };
  // The host must not outlive this process, even when it ends without stopping the runner.
  const killChild = (): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killChild);

  const invocations: InvocationRecord[] = [];
  const idleWaiters = new Map<number, () => void>();
  let nextIdle = 0;
  let exited = false;
  const exitedPromise = new Promise<void>((resolve) =>
    child.once('exit', (code, signal) => {
      exited = true;
      process.off('exit', killChild);
      for (const resolveIdle of idleWaiters.values()) resolveIdle();
      idleWaiters.clear();
      if (!stopping)
        options.log?.(
          `functions: the functions host exited (${signal ?? `code ${code}`}); triggers stop firing`,
        );
      resolve();
    }),
  );
  let stopping = false;

  const started = new Promise<Extract<HostMessage, { type: 'started' }>>((resolve, reject) => {
    const timeoutMs = options.hostStartTimeoutMs ?? 60_000;
    const timer = setTimeout(
      () =>
        reject(
          new FunctionsRunnerError(
            'functions/host-failed',
            `the functions host did not start within ${timeoutMs} ms (a module that blocks at import?)`,
          ),
        ),
      timeoutMs,
    );
    const decoder = new JsonLinesDecoder();
    channel.on('data', (chunk: Buffer) => {
      for (const message of decoder.push(chunk) as HostMessage[]) {
        switch (message.type) {
          case 'started':
            clearTimeout(timer);
            resolve(message);
            break;
          case 'failed':
            clearTimeout(timer);
            reject(
              new FunctionsRunnerError(message.code as FunctionsRunnerErrorCode, message.message, {
                details: message.details,
              }),
            );
            break;
          case 'log':
            options.log?.(message.line);
            break;
          case 'invocation': {
            const { error, ...rest } = message.record;
            const record: InvocationRecord = error ? { ...rest, error: fromWireError(error) } : rest;
            invocations.push(record);
            if (invocations.length > 1000) invocations.shift();
            options.onInvocation?.(record);
            break;
          }
          case 'idle':
            idleWaiters.get(message.id)?.();
            idleWaiters.delete(message.id);
            break;
          default:
            break;
        }
      }
    });
    channel.on('error', () => undefined);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(
        new FunctionsRunnerError(
          'functions/host-failed',
          `cannot start the functions host: ${error.message}`,
        ),
      );
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(
        new FunctionsRunnerError(
          'functions/host-failed',
          `the functions host exited before it was ready (${signal ?? `code ${code}`})`,
        ),
      );
    });
  });

  let hello: Extract<HostMessage, { type: 'started' }>;
  try {
    hello = await started;
  } catch (error) {
    killChild();
    await exitedPromise;
    throw error;
  } finally {
    // the host has imported both files by now, or never will
    bundle?.remove();
  }

  let stopPromise: Promise<void> | undefined;
  return {
    isolation: 'process',
    triggers: hello.triggers,
    report: hello.report,
    invocations,
    idle: async () => {
      // Drain until stable: a handler's own writes may fire more triggers in the host.
      for (let round = 0; round < 100 && !exited; round++) {
        const before = invocations.length;
        const id = nextIdle++;
        await new Promise<void>((resolve) => {
          idleWaiters.set(id, resolve);
          send({ type: 'idle', id });
        });
        if (invocations.length === before) return;
      }
    },
    stop: () =>
      (stopPromise ??= (async () => {
        stopping = true;
        send({ type: 'stop' });
        const timer = setTimeout(killChild, 10_000);
        await exitedPromise;
        clearTimeout(timer);
      })()),
  };
}
