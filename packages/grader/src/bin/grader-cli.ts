import { resolve } from 'node:path';
import { checkAssignment } from '../assignment/check-assignment.js';
import { loadAssignment } from '../assignment/load-assignment.js';
import { GraderError } from '../core/grader-error.js';
import { toConsoleTable } from '../reporters/console-table.js';
import { toMarkdown } from '../reporters/markdown-feedback.js';
import { writeReports } from '../reporters/write-reports.js';
import { gradeSubmission } from '../runner/grade-submission.js';
import { startStandalone } from '../handout/start-standalone.js';

const USAGE = `Usage:
  iotkit-grader check [assignment-folder]          run the public tests on your working copy
  iotkit-grader start [assignment-folder] [--database-port N] [--auth-port N]
                                                    the local backend and the assignment's demo (your
                                                    device, its page) until Ctrl-C; type keys for the
                                                    device's keypad, then Enter
  iotkit-grader grade-one <assignment-folder> <submission-folder> --out <dir> [--hidden]
                                                    grade one submission and write every report
                                                    (e.g. Gradescope: --out /autograder/results)`;

/** `--name N` of `args` as a port number, or undefined when absent. */
function portOption(args: string[], name: string): number | undefined {
  const at = args.indexOf(name);
  if (at < 0) return undefined;
  const value = args[at + 1];
  const port = Number(value);
  if (value === undefined || !Number.isInteger(port) || port < 0 || port > 65535)
    throw new GraderError(
      'grader/bad-arguments',
      `${name} must be a port number (0 picks a free one), got "${value ?? ''}"`,
    );
  return port;
}

/** What the standalone `start` needs from the process it runs in. */
export interface GraderCliProcess {
  /** Lines the user types (the device's keypad). */
  input?: NodeJS.ReadableStream;
  /** Resolves on Ctrl-C (or another stop signal) with its name. */
  untilStopped?: Promise<string>;
}

/**
 * The standalone grader command shipped with handouts and autograder images (the monorepo uses
 * `pnpm iotkit check|grade|start` instead).
 * @param argv - arguments after the command name
 * @param out - standard output
 * @param proc - standard input and the stop signal, for `start`
 */
export async function graderCli(
  argv: string[],
  out: (s: string) => void,
  proc: GraderCliProcess = {},
): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    if (cmd === 'start') {
      const known = new Set(['--database-port', '--auth-port']);
      // `pnpm start -- --auth-port 0` passes the `--` along.
      const args = rest.filter((a) => a !== '--');
      const unknown = args.filter(
        (a, i) => a.startsWith('--') && !known.has(a) && !known.has(args[i - 1] ?? ''),
      );
      if (unknown.length > 0)
        throw new GraderError(
          'grader/bad-arguments',
          `start: unknown option ${unknown.join(', ')}\n${USAGE}`,
        );
      const folders = args.filter((a, i) => !a.startsWith('--') && !known.has(args[i - 1] ?? ''));
      if (folders.length > 1)
        throw new GraderError(
          'grader/bad-arguments',
          `start takes one assignment folder, got ${folders.join(' ')}`,
        );
      const databasePort = portOption(args, '--database-port');
      const authPort = portOption(args, '--auth-port');
      return await startStandalone({
        assignmentDir: resolve(folders[0] ?? '.'),
        ...(databasePort !== undefined ? { databasePort } : {}),
        ...(authPort !== undefined ? { authPort } : {}),
        out,
        ...(proc.input ? { input: proc.input } : {}),
        untilStopped: proc.untilStopped ?? new Promise<string>(() => undefined),
      });
    }
    if (cmd === 'check') {
      out('running the public graded tests (each test is listed as it starts and ends)');
      const result = await checkAssignment(resolve(rest[0] ?? '.'), undefined, out);
      out(toConsoleTable(result, false));
      out(toMarkdown(result, { audience: 'student' }));
      return result.score >= result.maxScore ? 0 : 1;
    }
    if (cmd === 'grade-one') {
      const outIdx = rest.indexOf('--out');
      const outDir = outIdx >= 0 ? rest[outIdx + 1] : undefined;
      const [assignmentDir, submissionDir] = rest.filter((a, i) => !a.startsWith('--') && i !== outIdx + 1);
      if (!assignmentDir || !submissionDir || !outDir) throw new GraderError('grader/bad-arguments', USAGE);
      const assignment = loadAssignment(resolve(assignmentDir));
      // One backend for the whole submission: left to the tests, every graded file would start
      // its own (the Auth emulator alone takes seconds to start).
      const backend =
        assignment.config.backend === 'none'
          ? undefined
          : await (
              await import('@iotkit/backend')
            ).startLocalBackend({
              rtdb: {},
              auth: assignment.config.backend === 'rtdb+auth' ? {} : false,
            });
      const result = await gradeSubmission({
        assignment,
        submissionDir: resolve(submissionDir),
        submissionId: 'submission',
        includeHidden: rest.includes('--hidden'),
        ...(backend
          ? {
              backend: {
                namespace: `${assignment.id}-submission`,
                ...(backend.urls.database ? { rtdbUrl: backend.urls.database } : {}),
                ...(backend.urls.auth ? { authUrl: backend.urls.auth } : {}),
              },
            }
          : {}),
      }).finally(() => backend?.stop());
      writeReports(result, resolve(outDir));
      out(toConsoleTable(result, true));
      return 0;
    }
    out(USAGE);
    return cmd === undefined || cmd === '--help' ? 0 : 2;
  } catch (e) {
    out(
      e instanceof GraderError
        ? `iotkit-grader: ${e.code}: ${e.message}`
        : `iotkit-grader: ${(e as Error).stack ?? String(e)}`,
    );
    return e instanceof GraderError && e.code === 'grader/bad-arguments' ? 2 : 1;
  }
}
