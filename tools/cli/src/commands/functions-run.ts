import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeWriter, FunctionsRunnerError, startFunctionsRunner } from '@iotkit/functions-runner';
import type { InvocationRecord } from '@iotkit/functions-runner';
import { CliError } from '../cli-error.js';
import type { CommandArgs, CommandIo } from '../command.js';
import { DEFAULT_NAMESPACE } from './functions.js';

/** One log line per invocation: time, outcome, trigger, path, params, writer, duration, error. */
export function invocationLine(record: InvocationRecord, at: Date): string {
  const kind = record.eventType.split('.').pop() ?? record.eventType;
  const params = Object.entries(record.params)
    .map(([key, value]) => `${key}=${value}`)
    .join(' ');
  const parts = [
    at.toISOString().slice(11, 23),
    record.ok ? 'ok  ' : 'FAIL',
    `${record.name} (${record.api} ${kind})`,
    `/${record.ref}`,
    params === '' ? '-' : params,
    `by ${describeWriter(record.writer)}`,
    `${record.ms.toFixed(1)} ms`,
  ];
  if (!record.ok)
    parts.push(`error: ${record.error instanceof Error ? record.error.message : String(record.error)}`);
  return parts.join('  ');
}

function stringOption(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

/**
 * Runs `iotkit functions`, loaded only when that command is chosen.
 *
 * @param args - the parsed command line
 * @param io - output, environment and repository root
 * @returns the exit status
 */
export async function runFunctions(args: CommandArgs, io: CommandIo): Promise<number> {
  if (args.positionals.length !== 1)
    throw new CliError(
      'cli/usage',
      'give exactly one functions module, e.g. iotkit functions functions/src/index.ts',
    );
  const module = resolve(args.positionals[0] as string);
  if (!existsSync(module)) throw new CliError('cli/usage', `no such file: ${module}`);
  const databaseHost =
    stringOption(args, 'database') ?? io.env['FIREBASE_DATABASE_EMULATOR_HOST'] ?? '127.0.0.1:9000';
  const namespace = stringOption(args, 'ns') ?? DEFAULT_NAMESPACE;
  io.out(`functions: ${module} on ${databaseHost}, database ${namespace}`);
  let functions;
  try {
    functions = await startFunctionsRunner({
      module,
      databaseHost,
      namespace,
      isolation: args.values['isolated'] === true ? 'process' : 'inline',
      log: (line) => io.out(`  ${line}`),
      onInvocation: (record) => io.out(invocationLine(record, new Date())),
      onHostOutput: (line) => io.err(`  [module] ${line}`),
    });
  } catch (error) {
    if (!(error instanceof FunctionsRunnerError)) throw error;
    const details = error.details.map((line) => `\n  ${line}`).join('');
    const backend = error.code === 'functions/load-failed' && /database|write feed/.test(error.message);
    throw new CliError(
      backend
        ? 'cli/backend-failed'
        : error.code === 'functions/invalid-options'
          ? 'cli/usage'
          : 'cli/invalid-config',
      `${error.message}${details}${backend ? '\nIs `pnpm iotkit start` running?' : ''}`,
      { cause: error },
    );
  }
  io.out(`functions: watching ${functions.triggers.length} trigger(s); Ctrl-C to stop`);
  await io.waitForInterrupt();
  await functions.stop();
  io.out(`functions: stopped after ${functions.invocations.length} invocation(s)`);
  return 0;
}
