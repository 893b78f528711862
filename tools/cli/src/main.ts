import { fileURLToPath } from 'node:url';
import { dirname } from 'node:path';
import type { Command, CommandIo } from './command.js';
import { doctorCommand } from './commands/doctor.js';
import { setupCommand } from './commands/setup.js';
import { findRepoRoot } from './repo-root.js';
import { runCli } from './run-cli.js';

const io: CommandIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  root: findRepoRoot(dirname(fileURLToPath(import.meta.url))),
  waitForInterrupt: () =>
    new Promise((resolve) => {
      // The first signal starts the shutdown; a second Ctrl-C (impatient user, or a wrapper that
      // relays it) must not kill it halfway, so the handlers stay installed.
      const onSignal = (signal: NodeJS.Signals) => resolve(signal);
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
    }),
};

// The list loads only the command descriptors (bodies load when run), but those still import every
// command file and, through the --target option, a kit package. If one of them is broken, `doctor`
// and `setup` (which need none of them) must still run: they are what you reach for when things are broken.
let commands: readonly Command[];
try {
  ({ COMMANDS: commands } = await import('./commands/index.js'));
} catch (error) {
  const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
  io.err(`iotkit: warning: commands failed to load (${reason}); only doctor and setup are available.`);
  commands = [doctorCommand, setupCommand];
}

const code = await runCli(process.argv.slice(2), commands, io);
// Libraries such as firebase-tools may leave timers behind; the command is done, so exit now,
// once pending output has been flushed.
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
