import { resolve } from 'node:path';
import { checkAssignment } from '../assignment/check-assignment.js';
import { loadAssignment } from '../assignment/load-assignment.js';
import { GraderError } from '../core/grader-error.js';
import { toConsoleTable } from '../reporters/console-table.js';
import { toMarkdown } from '../reporters/markdown-feedback.js';
import { writeReports } from '../reporters/write-reports.js';
import { gradeSubmission } from '../runner/grade-submission.js';

const USAGE = `Usage:
  iotkit-grader check [assignment-folder]          run the public tests on your working copy
  iotkit-grader grade-one <assignment-folder> <submission-folder> --out <dir> [--hidden]
                                                    grade one submission and write every report
                                                    (e.g. Gradescope: --out /autograder/results)`;

/**
 * The standalone grader command shipped with handouts and autograder images (the monorepo uses
 * `pnpm iotkit check|grade` instead).
 * @param argv - arguments after the command name
 * @param out - standard output
 */
export async function graderCli(argv: string[], out: (s: string) => void): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
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
