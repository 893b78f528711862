import { parseArgs } from 'node:util';
import { CliError } from './cli-error.js';
import type { Command, CommandIo, CommandOption } from './command.js';

function commandHelp(command: Command): string {
  const lines = [command.usage.trimEnd(), '', 'Options:'];
  const options: Record<string, CommandOption> = {
    ...command.options,
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  };
  const labels = Object.entries(options).map(([name, o]) => {
    const short = o.short ? `-${o.short}, ` : '    ';
    const value = o.type === 'string' ? ` ${o.valueName ?? 'VALUE'}` : '';
    return [`  ${short}--${name}${value}`, o.description] as const;
  });
  const width = Math.max(...labels.map(([label]) => label.length)) + 2;
  for (const [label, description] of labels) lines.push(`${label.padEnd(width)}${description}`);
  return lines.join('\n');
}

/**
 * The overview printed by `iotkit --help`.
 *
 * @param commands - the registered commands
 * @returns the help text
 */
export function overviewHelp(commands: readonly Command[]): string {
  const width = Math.max(...commands.map((c) => c.name.length)) + 2;
  return [
    'Usage: pnpm iotkit <command> [options]',
    '',
    'The IoT Cloud Kit command line.',
    '',
    'Commands:',
    ...commands.map((c) => `  ${c.name.padEnd(width)}${c.summary}`),
    '',
    'Run `pnpm iotkit <command> --help` for the options of one command.',
  ].join('\n');
}

/**
 * Parses `argv` (without the node and script paths), runs the chosen command and returns the
 * exit status: 0 success, 1 failure, 2 usage error. Never throws.
 *
 * @param argv - the arguments after `iotkit`
 * @param commands - the registered commands
 * @param io - output, environment and repository root
 * @returns the exit status
 */
export async function runCli(
  argv: readonly string[],
  commands: readonly Command[],
  io: CommandIo,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    const topic = name === 'help' ? commands.find((c) => c.name === rest[0]) : undefined;
    io.out(topic ? commandHelp(topic) : overviewHelp(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  try {
    if (command === undefined) {
      throw new CliError(
        'cli/unknown-command',
        `unknown command "${name}"; known commands: ${commands.map((c) => c.name).join(', ')}`,
      );
    }
    let parsed;
    try {
      parsed = parseArgs({
        args: [...rest],
        options: { ...command.options, help: { type: 'boolean', short: 'h' } },
        allowPositionals: command.allowPositionals ?? false,
        strict: true,
      });
    } catch (cause) {
      throw new CliError(
        'cli/usage',
        `${parseArgsProblem(cause, command)}\nRun \`pnpm iotkit ${name} --help\` for usage.`,
        {
          cause,
        },
      );
    }
    if (parsed.values['help'] === true) {
      io.out(commandHelp(command));
      return 0;
    }
    return await command.run({ values: parsed.values, positionals: parsed.positionals }, io);
  } catch (error) {
    if (error instanceof CliError) {
      io.err(`iotkit: ${error.message}`);
      return error.exitCode;
    }
    io.err(
      `iotkit: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
    );
    return 1;
  }
}

/**
 * `parseArgs`' own messages quote Node's internals (`as in '-- "--verbose"'`); this names the
 * problem in the command's terms instead.
 */
function parseArgsProblem(cause: unknown, command: Command): string {
  const error = cause as NodeJS.ErrnoException;
  const message = error.message ?? String(cause);
  // Node quotes the option as '--out <value>' or '-j, --jobs <value>': keep the long name.
  const quoted = /'([^']*)'/.exec(message)?.[1] ?? '';
  const option = /--[\w-]+/.exec(quoted)?.[0] ?? (/^-\w$/.test(quoted) ? quoted : undefined);
  const known = Object.keys(command.options ?? {})
    .map((o) => `--${o}`)
    .join(', ');
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `${command.name} has no option ${option ?? message}${known ? `; its options: ${known}` : ''}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      if (option && /argument missing/.test(message)) return `${option} needs a value`;
      if (option && /ambiguous/.test(message))
        return `${option} needs a value (for one that starts with a dash, write ${option}=<value>)`;
      return `${option ? `${option}: ` : ''}${message.replace(/^Option '[^']*' /, '')}`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL': {
      const extra = /'([^']*)'/.exec(message)?.[1];
      return `${command.name} takes no arguments${extra !== undefined ? `; unexpected "${extra}"` : ''}`;
    }
    default:
      return message;
  }
}
