import { parseObservations } from '../core/observation.js';
import type { RunOutcome } from '../core/result-model.js';
import type { LimitedProcessResult } from './limited-process.js';

const OOM =
  /heap out of memory|Reached heap limit|ERR_WORKER_OUT_OF_MEMORY|Fatal process OOM|std::bad_alloc/i;

/**
 * How a submission's test run ended, from the process result and the observations it wrote:
 * stopped at the wall clock, out of memory, crashed, an error outside any test, or all tests ran.
 * @param run - the test process (or the reused worker's part of it for this submission)
 * @param observations - the JSON-lines observations of this run
 * @param timeoutSeconds - the wall-clock limit, for the message
 * @param memoryMb - the memory limit, for the message
 */
export function runOutcome(
  run: LimitedProcessResult,
  observations: string,
  timeoutSeconds: number,
  memoryMb: number,
): RunOutcome {
  const parsed = parseObservations(observations);
  const ended = parsed.some((o) => o.kind === 'end');
  const unhandled = parsed.find((o) => o.kind === 'unhandled');
  const unhandledText =
    unhandled && unhandled.kind === 'unhandled' ? unhandled.errors.map((e) => e.message).join('\n') : '';
  if (run.timedOut) {
    return {
      code: 'grader/timeout',
      message: `the tests did not finish within ${timeoutSeconds} s (wall-clock limit) and were stopped; an endless loop is the usual cause`,
    };
  }
  if (OOM.test(run.output) || OOM.test(unhandledText)) {
    return {
      code: 'grader/out-of-memory',
      message: `the submission used more than the ${memoryMb} MB memory limit and was stopped`,
    };
  }
  if (!ended || run.code !== 0) {
    return {
      code: 'grader/crashed',
      message: `the test process ended unexpectedly (exit code ${run.code ?? run.signal})`,
    };
  }
  if (unhandled) {
    return {
      code: 'grader/crashed',
      message: `an error happened outside any test: ${unhandledText.split('\n')[0]}`,
    };
  }
  return { code: 'ok', message: 'all graded tests ran' };
}
