import { FunctionsRunnerError } from '../core/functions-runner-error.js';
import { startProcessRunner } from './process-runner.js';
import type { FunctionsRunnerOptions, RunningFunctions } from './runner-types.js';

/**
 * Loads a firebase-functions module, finds its Realtime Database triggers (v2 `onValue*` and v1
 * `database.ref().on*`), subscribes to the local RTDB's write feed for their paths and calls each
 * handler with the event production would send — including who wrote — for every write after the
 * start. Every other export is listed in {@link RunningFunctions.report} (and in `log`) with the
 * reason it will not fire locally.
 *
 * Handlers run one at a time in the order writes were committed; a throwing handler is recorded
 * in `invocations` and does not stop the runner (production would log it too).
 *
 * With `isolation: 'process'` the module is imported in a separate functions host process (which
 * `wrapCommand` may put in a sandbox); records, errors and the report cross back as JSON.
 *
 * @throws {@link FunctionsRunnerError} `functions/load-failed`, `functions/no-triggers`,
 *   `functions/invalid-options`, `functions/emulator-host-conflict`, `functions/host-failed`
 */
export async function startFunctionsRunner(options: FunctionsRunnerOptions): Promise<RunningFunctions> {
  if (!/^[^/:\s]+:\d+$/.test(options.databaseHost)) {
    throw new FunctionsRunnerError(
      'functions/invalid-options',
      `databaseHost must be "host:port", got "${options.databaseHost}"`,
    );
  }
  if (!/^[a-z0-9][a-z0-9-]*$/i.test(options.namespace)) {
    throw new FunctionsRunnerError(
      'functions/invalid-options',
      `namespace must be letters, digits and dashes, got "${options.namespace}"`,
    );
  }
  const isolation = options.isolation ?? 'inline';
  if (isolation === 'process') return startProcessRunner(options);
  if (isolation !== 'inline')
    throw new FunctionsRunnerError(
      'functions/invalid-options',
      `isolation must be "inline" or "process", got "${String(isolation)}"`,
    );
  if (options.wrapCommand)
    throw new FunctionsRunnerError('functions/invalid-options', "wrapCommand needs isolation: 'process'");
  // Loaded only here: it brings in the Admin SDK, which a caller that only starts hosts in their
  // own processes (a graded test) need not load.
  const { startInlineRunner } = await import('./inline-runner.js');
  return startInlineRunner(options);
}
