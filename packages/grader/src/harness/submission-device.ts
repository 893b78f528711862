import { buildAppDevice } from '@iotkit/devices';
import { sandboxLauncher } from '../sandbox/sandbox-launcher.js';
import { buildOncePerSubmission } from './device-build-cache.js';
import { submissionPath } from './submission-dir.js';

const builds = new Map<string, Promise<string>>();

/** Wall clock of one firmware build in a graded run: the kit's library when it is not built yet, then the app. */
const BUILD_TIMEOUT_MS = 10 * 60_000;

/**
 * The submission's firmware (`firmware/src/app/` of the submission under test) built as a virtual
 * device named `name` (e.g. `a2`), once per test process (once per submission under the grader,
 * see {@link buildOncePerSubmission}); later calls share the first build.
 * The compile of the submission's sources runs in its sandbox (as its user, seeing its own copy,
 * the kit's headers and prebuilt library, and a build folder of its own) with the grader's memory,
 * process and output limits; the kit's library itself is built once per machine, outside it.
 * Rejects with the compiler's first errors when the firmware does not compile.
 * @param name - the assignment's device name
 */
export function submissionDevice(name: string): Promise<string> {
  let build = builds.get(name);
  if (!build) {
    build = buildOncePerSubmission(name, () =>
      buildAppDevice({
        appDir: submissionPath('firmware/src/app'),
        name,
        timeoutMs: BUILD_TIMEOUT_MS,
        outputLimit: Number(process.env.IOTKIT_GRADER_OUTPUT_LIMIT) || undefined,
        wrap: sandboxLauncher(),
      }),
    );
    builds.set(name, build);
  }
  return build;
}
