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
import type { CommandArgs, CommandIo } from '../command.js';
import { startGradingBackend } from './grading-backend.js';

const USAGE =
  'iotkit: usage: pnpm iotkit mutants <assignment> [--only ID] [--jobs N] [--no-auto | --auto-limit N] [--out DIR]';

/**
 * Runs `iotkit mutants`, loaded only when that command is chosen. (Not `runMutants`:
 * that is the grader function it calls.)
 *
 * @param args - the parsed command line
 * @param io - output, environment and repository root
 * @returns the exit status
 */
export async function runMutantsCommand(args: CommandArgs, io: CommandIo): Promise<number> {
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
}
