import type { Command } from '../command.js';

/** `iotkit grade <assignment> <submissions…>`: grades a class in parallel, one isolated run each. */
export const gradeCommand: Command = {
  name: 'grade',
  summary: 'grade a class: folders, zips or git repos in parallel; every report format; resumable',
  usage: [
    'Usage: pnpm iotkit grade <assignment> <submission…|class-folder> [--out DIR] [--jobs N] [--hidden] [--force] [--fresh-workers]',
    '',
    'Each submission (a folder, a .zip, or a local git repository — cloned, so only commits count) is',
    'copied to a private temp folder, built, and tested with the wall-clock and memory limits of',
    'grading/grader.config.json, on its own namespace of one shared local backend. Each job keeps one',
    'test worker for all its submissions (each submission still gets a fresh test process);',
    '--fresh-workers starts a whole new test process per submission instead (same results, slower).',
    'A folder that is not itself a submission is read as a class folder of submissions.',
    '',
    'DIR/<student>/ gets result.json, gradescope-results.json, classroom-result.json/.b64, junit.xml,',
    'prairielearn-results.json, feedback.md, feedback-instructor.md; DIR/ gets summary.csv, canvas.csv',
    'and moodle.csv. Students already graded are skipped unless --force. Exit status 0 only when every',
    'submission was graded.',
  ].join('\n'),
  options: {
    out: {
      type: 'string',
      short: 'o',
      valueName: 'DIR',
      description: 'output folder (default: grades/<assignment>)',
    },
    jobs: {
      type: 'string',
      short: 'j',
      valueName: 'N',
      description: 'submissions graded at once (default: 4 per core, at most 1 per GiB of free memory)',
    },
    hidden: { type: 'boolean', description: 'run grading/hidden/ tests too' },
    'fresh-workers': {
      type: 'boolean',
      description:
        'start a new test process for every submission (default: one long-lived test worker per job, same results, faster)',
    },
    force: { type: 'boolean', description: 'regrade submissions that already have reports' },
    'zero-ungradable': {
      type: 'boolean',
      description: 'put not-gradable submissions (empty, missing files, unreadable) into the LMS CSVs as 0',
    },
    roster: {
      type: 'string',
      valueName: 'CSV',
      description: 'roster with id,name,email,sis_id,sis_login,section for the LMS CSVs',
    },
    timeout: {
      type: 'string',
      valueName: 'SECONDS',
      description: 'override the wall-clock limit per submission',
    },
  },
  allowPositionals: true,
  async run(args, io) {
    const { runGrade } = await import('./grade-run.js');
    return runGrade(args, io);
  },
};
