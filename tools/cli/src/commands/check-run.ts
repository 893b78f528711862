import { startLocalBackend, type RunningLocalBackend } from '@iotkit/backend';
import {
  GraderError,
  checkAssignment,
  loadAssignment,
  manualItemsText,
  resolveAssignmentDir,
  toConsoleTable,
  toMarkdown,
} from '@iotkit/grader';
import { fallbackWarning, sandboxSupport } from '@iotkit/grader/sandbox';
import { CliError } from '../cli-error.js';
import type { CommandArgs, CommandIo } from '../command.js';

/**
 * Runs `iotkit check`, loaded only when that command is chosen.
 *
 * @param args - the parsed command line
 * @param io - output, environment and repository root
 * @returns the exit status
 */
export async function runCheck(args: CommandArgs, io: CommandIo): Promise<number> {
  const ref = args.positionals[0];
  if (ref === undefined)
    throw new CliError('cli/usage', 'check needs an assignment: pnpm iotkit check <assignment>   (e.g. a2)');
  if (args.positionals.length > 1)
    throw new CliError(
      'cli/usage',
      `check takes one assignment; unexpected ${args.positionals
        .slice(1)
        .map((p) => `"${p}"`)
        .join(', ')} (it checks the assignment folder itself)`,
    );
  let backend: RunningLocalBackend | undefined;
  try {
    const dir = resolveAssignmentDir(ref, io.root);
    const assignment = loadAssignment(dir);
    if (assignment.config.backend !== 'none') {
      backend = await startLocalBackend({
        rtdb: {},
        auth: assignment.config.backend === 'rtdb+auth' ? {} : false,
      });
    }
    io.err(
      `checking ${assignment.id}: running the public${args.values.hidden === true ? ' and hidden' : ''} graded tests`,
    );
    const result = await checkAssignment(
      dir,
      {
        namespace: `${assignment.id}-check`,
        ...(backend?.urls.database ? { rtdbUrl: backend.urls.database } : {}),
        ...(backend?.urls.auth ? { authUrl: backend.urls.auth } : {}),
      },
      (line) => io.err(line),
      args.values.hidden === true,
    );
    if (args.values.markdown !== true) io.out(toConsoleTable(result, args.values.hidden === true));
    io.out(toMarkdown(result, { audience: 'student' }));
    const manual = manualItemsText(assignment.manifest.manual);
    if (manual !== '') io.out(manual);
    const sandbox = sandboxSupport();
    if (sandbox.isolation !== 'bwrap') io.err(`warning: ${fallbackWarning(sandbox)}`);
    return result.tests.every((t) => t.status === 'passed') ? 0 : 1;
  } catch (e) {
    if (!(e instanceof GraderError)) throw e;
    io.err(`iotkit: ${e.code}: ${e.message}`);
    return e.code === 'grader/bad-arguments' ? 2 : 1;
  } finally {
    await backend?.stop();
  }
}
