import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import { COMMANDS } from './commands/index.js';
import type { CommandIo } from './command.js';
import { findRepoRoot } from './repo-root.js';
import { runCli } from './run-cli.js';

const io: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  root: findRepoRoot(dirname(fileURLToPath(import.meta.url))),
  waitForInterrupt: () =>
    new Promise((resolve) => {
      process.once('SIGINT', () => resolve('SIGINT'));
      process.once('SIGTERM', () => resolve('SIGTERM'));
    }),
};

const code = await runCli(process.argv.slice(2), COMMANDS, io);
// Libraries such as firebase-tools may leave timers behind; the command is done, so exit now,
// once pending output has been flushed.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
