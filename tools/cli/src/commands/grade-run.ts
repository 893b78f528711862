import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { RunningLocalBackend } from '@iotkit/backend';
import {
  defaultJobs,
  GraderError,
  gradeClass,
  loadAssignment,
  manualItemsText,
  parseRosterCsv,
  resolveAssignmentDir,
  type ProgressSink,
} from '@iotkit/grader';
import { fallbackWarning, sandboxSupport } from '@iotkit/grader/sandbox';
import { CliError } from '../cli-error.js';
import type { CommandArgs, CommandIo } from '../command.js';
import { startGradingBackend } from './grading-backend.js';

/**
 * Runs `iotkit grade`, loaded only when that command is chosen.
 *
 * @param args - the parsed command line
 * @param io - output, environment and repository root
 * @returns the exit status
 */
export async function runGrade(args: CommandArgs, io: CommandIo): Promise<number> {
  const [ref, ...inputs] = args.positionals;
  if (ref === undefined || inputs.length === 0)
    throw new CliError(
      'cli/usage',
      `grade needs an assignment and at least one submission: pnpm iotkit grade <assignment> <submission…|class-folder>`,
    );
  const jobsText = typeof args.values.jobs === 'string' ? args.values.jobs : String(defaultJobs());
  const jobs = Number(jobsText);
  if (!/^\d+$/.test(jobsText) || jobs < 1)
    throw new CliError('cli/usage', `--jobs must be a whole number of 1 or more, got "${jobsText}"`);
  const timeoutText = typeof args.values.timeout === 'string' ? args.values.timeout : undefined;
  const timeout = timeoutText === undefined ? undefined : Number(timeoutText);
  if (timeout !== undefined && !(timeout > 0))
    throw new CliError('cli/usage', `--timeout must be a number of seconds above 0, got "${timeoutText}"`);
  // Check every input before the backend starts: a typo should not cost a backend start-up.
  const missing = inputs.filter((i) => !existsSync(resolve(i)));
  if (missing.length > 0)
    throw new CliError(
      'cli/usage',
      `no such submission: ${missing.map((m) => `"${m}"`).join(', ')} (give folders, .zip files or git repositories)`,
    );
  let backend: RunningLocalBackend | undefined;
  try {
    const assignment = loadAssignment(resolveAssignmentDir(ref, io.root));
    const outDir = resolve(typeof args.values.out === 'string' ? args.values.out : `grades/${assignment.id}`);
    const roster =
      typeof args.values.roster === 'string'
        ? parseRosterCsv(readFileSync(args.values.roster, 'utf8'))
        : undefined;
    backend = await startGradingBackend(assignment, (line) => io.err(line), 'submission');
    const tty = process.stderr.isTTY === true;
    const progress: ProgressSink = tty
      ? { isTTY: true, write: (t) => void process.stderr.write(t) }
      : { isTTY: false, write: (t) => io.err(t.replace(/\n$/, '')) };
    const summary = await gradeClass({
      assignment,
      inputs: inputs.map((i) => resolve(i)),
      outDir,
      jobs,
      includeHidden: args.values.hidden === true,
      force: args.values.force === true,
      zeroUngradable: args.values['zero-ungradable'] === true,
      testWorkers: args.values['fresh-workers'] === true ? 'fresh' : 'reused',
      progress,
      ...(roster ? { roster } : {}),
      ...(timeout !== undefined ? { limits: { timeoutSeconds: timeout } } : {}),
      backend: {
        ...(backend?.urls.database ? { rtdbUrl: backend.urls.database } : {}),
        ...(backend?.urls.auth ? { authUrl: backend.urls.auth } : {}),
      },
    });
    const width = Math.max(10, ...summary.results.map((r) => r.submission.length));
    for (const r of summary.results.filter((x) => !summary.notGraded.some((n) => n.id === x.submission))) {
      io.out(
        `${r.submission.padEnd(width)}  ${String(r.score).padStart(6)} / ${r.maxScore}  ${r.outcome.code === 'ok' ? '' : r.outcome.message}`,
      );
    }
    io.out(`reports: ${outDir} (summary.csv, canvas.csv, moodle.csv, one folder per student)`);
    const manual = manualItemsText(assignment.manifest.manual);
    if (manual !== '') io.out(manual);
    const sandbox = sandboxSupport();
    if (sandbox.isolation !== 'bwrap') io.err(`warning: ${fallbackWarning(sandbox)}`);
    for (const n of summary.notGraded) io.err(`not gradable: ${n.id}: ${n.message}`);
    const retry = summary.notGraded.filter((n) => n.retryable).length;
    const flagged = summary.notGraded.length;
    io.out(
      `graded ${summary.results.length - flagged}${flagged > 0 ? `, not gradable ${flagged}` : ''}${retry > 0 ? ` (${retry} to retry after re-download)` : ''}${flagged > 0 && args.values['zero-ungradable'] !== true ? '; not-gradable ones are left out of canvas.csv and moodle.csv (--zero-ungradable puts them in as 0)' : ''}`,
    );
    return flagged === 0 ? 0 : 1;
  } catch (e) {
    if (!(e instanceof GraderError)) throw e;
    io.err(`iotkit: ${e.code}: ${e.message}`);
    return e.code === 'grader/bad-arguments' || e.code === 'grader/submission-not-found' ? 2 : 1;
  } finally {
    await backend?.stop();
  }
}
