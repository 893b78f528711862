#!/usr/bin/env node
// Launcher for handouts and autograder images: loads the grader's TypeScript sources through tsx.
import { register } from 'tsx/esm/api';

register();
const { graderCli } = await import('../src/bin/grader-cli.ts');
process.exitCode = await graderCli(process.argv.slice(2), (s) =>
  process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
);
