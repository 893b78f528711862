/** One option a command accepts, described for both `parseArgs` and `--help`. */
export interface CommandOption {
  /** `boolean` for a flag, `string` for an option that takes a value. */
  readonly type: 'boolean' | 'string';
  /** One-letter alias, e.g. `t` for `-t`. */
  readonly short?: string;
  /** What the option does, shown by `--help`. */
  readonly description: string;
  /** Placeholder shown after a string option in `--help`, e.g. `PORT`. */
  readonly valueName?: string;
}

/** The parsed command line handed to {@link Command.run}. */
export interface CommandArgs {
  /** Option values by name; absent options are `undefined`. */
  readonly values: Readonly<Record<string, string | boolean | undefined>>;
  /** Arguments that are not options, in order. */
  readonly positionals: readonly string[];
}

/** Everything a command may touch besides its arguments, so tests and `main` can supply it. */
export interface CommandIo {
  /** Writes one line (or several) to standard output. */
  out(text: string): void;
  /** Writes one line (or several) to standard error. */
  err(text: string): void;
  /** Environment variables; the CLI is the only place in the kit that reads them. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** The repository root (where `firebase.json` and `pnpm-workspace.yaml` live). */
  readonly root: string;
  /** Resolves with the signal name on the first Ctrl-C (SIGINT) or SIGTERM. */
  waitForInterrupt(): Promise<string>;
}

/**
 * A subcommand of `iotkit`. Each lives in its own file under `src/commands/` and is listed once
 * in `src/commands/index.ts`; the framework handles parsing, `--help` and unknown flags.
 */
export interface Command {
  /** The word after `iotkit`, e.g. `doctor`. */
  readonly name: string;
  /** One line for the command list of `iotkit --help`. */
  readonly summary: string;
  /** Synopsis and a longer explanation, shown first by `iotkit <name> --help`. */
  readonly usage: string;
  /** Accepted options (`--help` is added by the framework). */
  readonly options?: Readonly<Record<string, CommandOption>>;
  /** Whether non-option arguments are accepted; `false` by default. */
  readonly allowPositionals?: boolean;
  /**
   * Runs the command.
   *
   * @returns the process exit status (0 for success)
   * @throws {@link CliError} for problems the user should read
   */
  run(args: CommandArgs, io: CommandIo): Promise<number>;
}
