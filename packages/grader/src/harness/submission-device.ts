import { chmodSync } from 'node:fs';
import { dirname } from 'node:path';
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
    // the copy's folder is private (0700); the sandbox user must be able to walk to the executable
    build = buildAppDevice({ appDir: submissionPath('firmware/src/app'), name }).then((exe) => {
      chmodSync(dirname(exe), 0o711);
      return exe;
    });
    builds.set(name, build);
  }
  return build;
}
