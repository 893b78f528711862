import { startLocalBackend, type RunningLocalBackend } from '@iotkit/backend';
import {
  GraderError,
  checkAssignment,
  loadAssignment,
  manualItemsText,
  resolveAssignmentDir,
  toConsoleTable,
  toMarkdown,
} from '@iotkit/grader';
import { fallbackWarning, sandboxSupport } from '@iotkit/grader/sandbox';
import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';

/** `iotkit check <assignment>`: a student's own run of the public graded tests. */
export const checkCommand: Command = {
  name: 'check',
  summary: 'build your assignment and run its public graded tests: score and what to fix',
  usage: [
    'Usage: pnpm iotkit check <assignment>',
    '',
    'Builds your working copy of the assignment (e.g. `a2` → assignments/a2-sensor-servo) and runs',
    'the same public graded tests the instructor uses, with the same time and memory limits.',
    'Prints the score and, for every lost point, what was expected and what happened.',
    'Items the instructor grades by hand are listed after the score, never counted as failed.',
    'Exits 0 when every public test passes, 1 otherwise.',
  ].join('\n'),
  options: {
    markdown: {
      type: 'boolean',
      description: 'print the feedback as Markdown only (for pasting into an issue)',
    },
    hidden: {
      type: 'boolean',
      description: 'run grading/hidden/ tests too (instructors checking the reference solution)',
    },
  },
  allowPositionals: true,
  async run(args, io) {
    const ref = args.positionals[0];
    if (ref === undefined)
      throw new CliError(
        'cli/usage',
        'check needs an assignment: pnpm iotkit check <assignment>   (e.g. a2)',
      );
    if (args.positionals.length > 1)
      throw new CliError(
        'cli/usage',
        `check takes one assignment; unexpected ${args.positionals
          .slice(1)
          .map((p) => `"${p}"`)
          .join(', ')} (it checks the assignment folder itself)`,
      );
    let backend: RunningLocalBackend | undefined;
    try {
      const dir = resolveAssignmentDir(ref, io.root);
      const assignment = loadAssignment(dir);
      if (assignment.config.backend !== 'none') {
        backend = await startLocalBackend({
          rtdb: {},
          auth: assignment.config.backend === 'rtdb+auth' ? {} : false,
        });
      }
      io.err(
        `checking ${assignment.id}: running the public${args.values.hidden === true ? ' and hidden' : ''} graded tests`,
      );
      const result = await checkAssignment(
        dir,
        {
          namespace: `${assignment.id}-check`,
          ...(backend?.urls.database ? { rtdbUrl: backend.urls.database } : {}),
          ...(backend?.urls.auth ? { authUrl: backend.urls.auth } : {}),
        },
        (line) => io.err(line),
        args.values.hidden === true,
      );
      if (args.values.markdown !== true) io.out(toConsoleTable(result, args.values.hidden === true));
      io.out(toMarkdown(result, { audience: 'student' }));
      const manual = manualItemsText(assignment.manifest.manual);
      if (manual !== '') io.out(manual);
      const sandbox = sandboxSupport();
      if (sandbox.isolation !== 'bwrap') io.err(`warning: ${fallbackWarning(sandbox)}`);
      return result.tests.every((t) => t.status === 'passed') ? 0 : 1;
    } catch (e) {
      if (!(e instanceof GraderError)) throw e;
      io.err(`iotkit: ${e.code}: ${e.message}`);
      return e.code === 'grader/bad-arguments' ? 2 : 1;
    } finally {
      await backend?.stop();
    }
  },
};
