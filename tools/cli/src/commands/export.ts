import type { Command } from '../command.js';

/** Also read by the command body in `./export-run.ts`. */
export const USAGE =
  'pnpm iotkit export gradescope <assignment> --out autograder.zip   |   pnpm iotkit export classroom <assignment> --out DIR';

/** `iotkit export gradescope|classroom <assignment>`: grading on Gradescope or GitHub Classroom. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'package an assignment for Gradescope (autograder.zip) or GitHub Classroom (template repo)',
  usage: [
    `Usage: ${USAGE}`,
    '',
    'gradescope: writes an autograder bundle to upload as a Gradescope "zip file upload". Its setup.sh',
    'installs the OS packages, Node, pnpm and the kit; run_autograder grades /autograder/submission',
    '(public and hidden tests, submission code in the grader sandbox) into /autograder/results/results.json.',
    '',
    'classroom: writes the handout plus .github/workflows/classroom.yml; push DIR as the template',
    'repository of a GitHub Classroom assignment. Every student push runs the public graded tests and',
    "reports the points through GitHub Classroom's reporter.",
  ].join('\n'),
  options: {
    out: {
      type: 'string',
      short: 'o',
      valueName: 'PATH',
      description: 'the zip (gradescope, default autograder.zip) or the new folder (classroom)',
    },
  },
  allowPositionals: true,
  async run(args, io) {
    const { runExport } = await import('./export-run.js');
    return runExport(args, io);
  },
};
