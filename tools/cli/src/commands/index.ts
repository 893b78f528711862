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

/**
 * Every `iotkit` subcommand, in the order `iotkit --help` lists them.
 * To add one: create `src/commands/<name>.ts` exporting a {@link Command}, import it here, add it below.
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
