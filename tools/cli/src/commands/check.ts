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
    const { runCheck } = await import('./check-run.js');
    return runCheck(args, io);
  },
};
