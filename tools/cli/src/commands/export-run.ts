import { resolve } from 'node:path';
import { GraderError, exportClassroom, exportGradescope, resolveAssignmentDir } from '@iotkit/grader';
import { CliError } from '../cli-error.js';
import type { CommandArgs, CommandIo } from '../command.js';
import { NODE_MINIMUM, OS_PACKAGES, PNPM_VERSION } from '../os/requirements.js';
import { USAGE } from './export.js';

/**
 * Runs `iotkit export`, loaded only when that command is chosen.
 *
 * @param args - the parsed command line
 * @param io - output, environment and repository root
 * @returns the exit status
 */
export async function runExport(args: CommandArgs, io: CommandIo): Promise<number> {
  const [target, ref, ...extra] = args.positionals;
  if (target === undefined || ref === undefined || extra.length > 0)
    throw new CliError('cli/usage', `export needs a target and an assignment: ${USAGE}`);
  if (target !== 'gradescope' && target !== 'classroom')
    throw new CliError('cli/usage', `unknown export target "${target}"; use gradescope or classroom`);
  const out = typeof args.values.out === 'string' ? args.values.out : undefined;
  const versions = { osPackages: OS_PACKAGES, nodeMajor: NODE_MINIMUM[0], pnpmVersion: PNPM_VERSION };
  try {
    const assignmentDir = resolveAssignmentDir(ref, io.root);
    if (target === 'gradescope') {
      const done = exportGradescope({
        ...versions,
        assignmentDir,
        outFile: resolve(out ?? 'autograder.zip'),
      });
      io.out(`Gradescope autograder written to ${done.outFile} (${done.files} files)`);
      io.out('Upload it in the assignment\'s "Configure Autograder" page ("Zip file upload").');
      const manual = done.outline.questions.filter((q) => q.grading === 'manual');
      if (manual.length > 0) {
        io.out(
          `Outline (also in ${done.outlineFile}): Autograder ${done.outline.questions[0]?.points ?? 0} points, then add these manually graded questions:`,
        );
        for (const q of manual)
          io.out(`  ${q.title} (${q.points} points)${q.rubric.map((r) => `\n    - ${r}`).join('')}`);
      }
      return 0;
    }
    if (out === undefined)
      throw new CliError(
        'cli/usage',
        'export classroom needs --out DIR (a new folder for the template repository)',
      );
    const done = exportClassroom({ ...versions, assignmentDir, outDir: resolve(out) });
    io.out(`GitHub Classroom template written to ${resolve(out)} (${done.files} files, ${done.workflow})`);
    io.out("Push it to a repository, mark it as a template, and pick it as the assignment's starter code.");
    return 0;
  } catch (e) {
    if (!(e instanceof GraderError)) throw e;
    io.err(`iotkit: ${e.code}: ${e.message}`);
    return e.code === 'grader/bad-arguments' ? 2 : 1;
  }
}
