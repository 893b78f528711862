#!/usr/bin/env node
// Launcher for handouts and autograder images: loads the grader's TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { graderCli } = await import('../src/bin/grader-cli.ts');
const starting = process.argv[2] === 'start';
// `start` runs until Ctrl-C and then stops in order (device, functions, page, backend); the other
// commands keep Node's own Ctrl-C.
const untilStopped = starting
  ? new Promise((resolve) => {
      for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => resolve(signal));
    })
  : undefined;
process.exitCode = await graderCli(
  process.argv.slice(2),
  (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  starting ? { input: process.stdin, untilStopped } : {},
);
// Standard input, read for the keypad, would keep a stopped `start` alive.
if (starting) process.exit();
