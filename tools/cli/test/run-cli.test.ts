import { describe, expect, it } from 'vitest';
import { CliError, runCli } from '../src/index.js';
import type { Command, CommandArgs, CommandIo } from '../src/index.js';

function capture(): CommandIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (text) => stdout.push(text),
    err: (text) => stderr.push(text),
    env: {},
    root: '/nonexistent',
    waitForInterrupt: () => new Promise(() => {}),
  };
}

const seen: CommandArgs[] = [];
const echo: Command = {
  name: 'echo',
  summary: 'prints its arguments',
  usage: 'Usage: pnpm iotkit echo [--loud] [--name NAME] WORDS…',
  allowPositionals: true,
  options: {
    loud: { type: 'boolean', short: 'l', description: 'shout' },
    name: { type: 'string', valueName: 'NAME', description: 'who speaks' },
  },
  async run(args, io) {
    seen.push(args);
    const text = args.positionals.join(' ');
    io.out(args.values['loud'] ? text.toUpperCase() : text);
    return 0;
  },
};
const failing: Command = {
  name: 'fail',
  summary: 'always fails',
  usage: 'Usage: pnpm iotkit fail',
  async run(args) {
    if (args.values['x'] === undefined) throw new CliError('cli/missing-config', 'nothing configured');
    return 0;
  },
};
const crashing: Command = {
  name: 'crash',
  summary: 'has a bug',
  usage: 'Usage: pnpm iotkit crash',
  async run() {
    throw new TypeError('boom');
  },
};
const commands = [echo, failing, crashing];

describe('runCli()', () => {
  it('runs the named command with parsed options and positionals', async () => {
    const io = capture();
    expect(await runCli(['echo', '-l', '--name', 'ada', 'hello', 'world'], commands, io)).toBe(0);
    expect(io.stdout).toEqual(['HELLO WORLD']);
    expect(seen.at(-1)).toMatchObject({
      values: { loud: true, name: 'ada' },
      positionals: ['hello', 'world'],
    });
  });

  it('prints the overview for --help and for no command (exit 2: nothing was asked)', async () => {
    const help = capture();
    expect(await runCli(['--help'], commands, help)).toBe(0);
    expect(help.stdout.join('\n')).toMatch(/^ {2}echo {3}prints its arguments$/m);
    const none = capture();
    expect(await runCli([], commands, none)).toBe(2);
    expect(none.stdout.join('\n')).toContain('Commands:');
  });

  it('prints per-command help with every option, via --help and via `help <name>`', async () => {
    for (const argv of [
      ['echo', '--help'],
      ['help', 'echo'],
    ]) {
      const io = capture();
      expect(await runCli(argv, commands, io)).toBe(0);
      const text = io.stdout.join('\n');
      expect(text).toContain('Usage: pnpm iotkit echo');
      expect(text).toMatch(/-l, --loud +shout/);
      expect(text).toMatch(/--name NAME +who speaks/);
    }
  });

  it.each([
    [['nope'], /unknown command "nope"; known commands: echo, fail, crash/],
    [['echo', '--quiet'], /echo has no option --quiet; its options: --loud, --name/],
    [['echo', '--name'], /--name/],
    [['fail', 'extra'], /fail takes no arguments; unexpected "extra"/],
  ])('exits 2 on the usage error %j', async (argv, message) => {
    const io = capture();
    expect(await runCli(argv, commands, io)).toBe(2);
    expect(io.stderr.join('\n')).toMatch(message);
  });

  it('exits 1 with the message of a CliError', async () => {
    const io = capture();
    expect(await runCli(['fail'], commands, io)).toBe(1);
    expect(io.stderr).toEqual(['iotkit: nothing configured']);
  });

  it('exits 1 on an unexpected exception and shows it', async () => {
    const io = capture();
    expect(await runCli(['crash'], commands, io)).toBe(1);
    expect(io.stderr.join('\n')).toContain('unexpected failure: TypeError: boom');
  });
});
