import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RunningLocalBackend } from '@iotkit/backend';
import {
  defaultJobs,
  GraderError,
  loadAssignment,
  resolveAssignmentDir,
  runMutants,
  toMutantsMarkdown,
  toMutantsTable,
} from '@iotkit/grader';
import type { Command } from '../command.js';
import { startGradingBackend } from './grading-backend.js';

const USAGE =
  'iotkit: usage: pnpm iotkit mutants <assignment> [--only ID] [--jobs N] [--no-auto | --auto-limit N] [--out DIR]';

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
    const ref = args.positionals[0];
    if (ref === undefined || args.positionals.length > 1) {
      io.err(USAGE);
      return 2;
    }
    const jobs = Number(args.values.jobs ?? defaultJobs());
    const autoLimit = Number(args.values['auto-limit'] ?? '20');
    const timeout = args.values.timeout === undefined ? undefined : Number(args.values.timeout);
    if (
      !Number.isInteger(jobs) ||
      jobs < 1 ||
      !Number.isInteger(autoLimit) ||
      autoLimit < 0 ||
      (timeout !== undefined && !(timeout > 0))
    ) {
      io.err(
        'iotkit: --jobs must be a whole number >= 1, --auto-limit >= 0, --timeout a number of seconds > 0',
      );
      return 2;
    }
    let backend: RunningLocalBackend | undefined;
    try {
      const assignment = loadAssignment(resolveAssignmentDir(ref, io.root));
      const outDir = resolve(
        typeof args.values.out === 'string' ? args.values.out : `grades/${assignment.id}-mutants`,
      );
      backend = await startGradingBackend(assignment, (line) => io.err(line), 'mutant');
      mkdirSync(outDir, { recursive: true });
      const run = await runMutants({
        assignment,
        jobs,
        auto: args.values['no-auto'] !== true && autoLimit > 0,
        autoLimit,
        outDir,
        progress: (line) => io.err(line),
        ...(typeof args.values.only === 'string' ? { only: args.values.only } : {}),
        ...(timeout !== undefined ? { limits: { timeoutSeconds: timeout } } : {}),
        backend: {
          ...(backend?.urls.database ? { rtdbUrl: backend.urls.database } : {}),
          ...(backend?.urls.auth ? { authUrl: backend.urls.auth } : {}),
        },
      });
      writeFileSync(join(outDir, 'mutants.md'), toMutantsMarkdown(run));
      writeFileSync(join(outDir, 'mutants.json'), JSON.stringify(run, null, 2));
      io.out(toMutantsTable(run));
      io.out(`report: ${join(outDir, 'mutants.md')}`);
      return run.ok ? 0 : 1;
    } catch (e) {
      if (!(e instanceof GraderError)) throw e;
      io.err(`iotkit: ${e.code}: ${e.message}`);
      return e.code === 'grader/bad-arguments' ? 2 : 1;
    } finally {
      await backend?.stop();
    }
  },
};
