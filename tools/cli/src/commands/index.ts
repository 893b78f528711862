import type { Command } from '../command.js';
import { buildCommand } from './build.js';
import { checkCommand } from './check.js';
import { docsCommand } from './docs.js';
import { doctorCommand } from './doctor.js';
import { exportCommand } from './export.js';
import { flashCommand } from './flash.js';
import { functionsCommand } from './functions.js';
import { gradeCommand } from './grade.js';
import { handoutCommand } from './handout.js';
import { monitorCommand } from './monitor.js';
import { mutantsCommand } from './mutants.js';
import { rulesCommand } from './rules.js';
import { secretsCommand } from './secrets.js';
import { setupCommand } from './setup.js';
import { startCommand } from './start.js';

// Only the descriptors are imported here; each heavy command body sits in `<name>-run.ts` and is
// imported by its `run` when that command is chosen. Importing every body up front loaded the
// grader, the backend, the functions runner and playwright on every call, even `--help`: about
// 2.4 s of CPU under tsx, where `--help` now takes about 0.8 s (0.7 s of it is Node and tsx
// starting). Each call pays only for the command it runs.

/**
 * Every `iotkit` subcommand, in the order `iotkit --help` lists them.
 * To add one: create `src/commands/<name>.ts` exporting a {@link Command}, import it here, add it below.
 * If its body needs more than Node built-ins and small local helpers, put the body in
 * `<name>-run.ts` and have `run` import it, so other commands do not pay for loading it.
 */
export const COMMANDS: readonly Command[] = [
  startCommand,
  doctorCommand,
  setupCommand,
  rulesCommand,
  checkCommand,
  gradeCommand,
  handoutCommand,
  mutantsCommand,
  exportCommand,
  docsCommand,
  functionsCommand,
  secretsCommand,
  buildCommand,
  flashCommand,
  monitorCommand,
];
