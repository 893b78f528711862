import { buildAppDevice } from '@iotkit/devices';
import { submissionPath } from './submission-dir.js';

const builds = new Map<string, Promise<string>>();

/**
 * The submission's firmware (`firmware/src/app/` of the submission under test) built as a virtual
 * device named `name` (e.g. `a2`), once per test process; later calls share the first build.
 * Rejects with the compiler's first errors when the firmware does not compile.
 * @param name - the assignment's device name
 */
export function submissionDevice(name: string): Promise<string> {
  let build = builds.get(name);
  if (!build) {
    build = buildAppDevice({ appDir: submissionPath('firmware/src/app'), name });
    builds.set(name, build);
  }
  return build;
}
