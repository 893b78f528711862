import type { Command } from '../command.js';

/** `iotkit mutants <assignment>`: mutation testing of an assignment's graded tests. */
export const mutantsCommand: Command = {
  name: 'mutants',
  summary: 'test the graded tests: grade the reference with one mistake at a time, list what survives',
  usage: [
    'Usage: pnpm iotkit mutants <assignment> [--only ID] [--jobs N] [--no-auto | --auto-limit N] [--out DIR]',
    '',
    'Grades the reference solution, then each mutant of it, exactly as a submission is graded',
    '(public and hidden tests, same limits, one shared local backend): the curated catalogue in',
    'grading/mutants/*.json, and a deterministic sample of automatic mutants (operators swapped,',
    'constants ±1, conditions negated, calls deleted, strings changed) inside the SOLUTION regions.',
    'Prints which tests killed each mutant, the catalogue score and the automatic mutation score,',
    'and writes DIR/mutants.md, DIR/mutants.json and DIR/mutants/<id>.json.',
    'Exit status 1 when a catalogue mutant survives or is not killed by the tests it names, when a',
    'catalogue entry is invalid, a README behaviour row has no mutant, or the reference fails a test.',
  ].join('\n'),
  options: {
    only: {
      type: 'string',
      valueName: 'ID',
      description: 'grade this one mutant (catalogue or automatic id) and the reference',
    },
    jobs: {
      type: 'string',
      short: 'j',
      valueName: 'N',
      description: 'mutants graded at once (default: 4 per core, at most 1 per GiB of free memory)',
    },
    'no-auto': { type: 'boolean', description: 'catalogue mutants only' },
    'auto-limit': {
      type: 'string',
      valueName: 'N',
      description: 'grade at most N automatic mutants, sampled deterministically (default: 20)',
    },
    out: {
      type: 'string',
      short: 'o',
      valueName: 'DIR',
      description: 'report folder (default: grades/<assignment>-mutants)',
    },
    timeout: {
      type: 'string',
      valueName: 'SECONDS',
      description: 'override the wall-clock limit per mutant',
    },
  },
  allowPositionals: true,
  async run(args, io) {
    const { runMutantsCommand } = await import('./mutants-run.js');
    return runMutantsCommand(args, io);
  },
};
