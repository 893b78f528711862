import { startLocalBackend, type RunningLocalBackend } from '@iotkit/backend';
import type { Assignment } from '@iotkit/grader';

/**
 * Starts the local backend that `grade` and `mutants` share between all the submissions they
 * grade, or none when the assignment needs none. Its RTDB logs warnings and errors only: graded
 * submissions are refused by the rules all the time (that is often what a test checks), and a line
 * per refusal would bury the progress. `IOTKIT_LOG` still chooses, when set.
 * @param assignment - the assignment graded
 * @param say - where the start is announced
 * @param what - what shares it, for that line (`submission`, `mutant`)
 */
export async function startGradingBackend(
  assignment: Assignment,
  say: (line: string) => void,
  what: string,
): Promise<RunningLocalBackend | undefined> {
  if (assignment.config.backend === 'none') return undefined;
  say(`starting the local backend (${assignment.config.backend}) shared by every ${what}…`);
  return startLocalBackend({
    rtdb: process.env.IOTKIT_LOG ? {} : { logLevel: 'warn' },
    auth: assignment.config.backend === 'rtdb+auth' ? {} : false,
  });
}
