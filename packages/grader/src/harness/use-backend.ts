import { afterAll, beforeAll, type TestContext } from 'vitest';
import { startGradedBackend, type GradedBackend, type GradedBackendOptions } from './graded-backend.js';
import { failureText, GradedDevice, type GradedDeviceOptions } from './graded-device.js';
import { PrerequisiteError } from './prerequisite.js';

/** What the tests of one graded file share: the backend, started before the first test. */
export interface GradedSuite {
  /** The running backend (only inside tests and hooks). */
  backend(): GradedBackend;
}

/**
 * Gives the calling test file its backend: started (or joined, under the grader) before its
 * first test with the course rules installed, stopped after its last.
 * @param options - e.g. a rules patch for this file
 */
export function useBackend(options: GradedBackendOptions = {}): GradedSuite {
  let backend: GradedBackend | undefined;
  beforeAll(async () => {
    backend = await startGradedBackend(options);
  }, 180_000);
  afterAll(async () => {
    await backend?.stop();
  });
  return {
    backend: () => {
      if (!backend) throw new Error('useBackend(): the backend is only available inside tests and hooks');
      return backend;
    },
  };
}

/**
 * Runs `body` with a fresh device of the submission. When the body fails, the feedback gets what
 * happened (the error's text), the `hint`, and the device's recent timeline; the device is
 * always stopped.
 * @param suite - from {@link useBackend}
 * @param context - the test context (feedback goes there)
 * @param options - executable, account, settings (see {@link GradedDeviceOptions})
 * @param hint - what to look at when this test fails, naming the code to fix
 * @param body - the test, given the running device
 */
export async function withDevice(
  suite: GradedSuite,
  context: TestContext,
  options: GradedDeviceOptions,
  hint: string,
  body: (device: GradedDevice) => Promise<void>,
): Promise<void> {
  const device = new GradedDevice(suite.backend(), options);
  try {
    await body(device);
  } catch (error) {
    const prev = context.task.meta.feedback;
    device.explain(context, {
      ...(prev?.expected === undefined ? {} : { expected: prev.expected }),
      actual: prev?.actual ?? failureText(error),
      // A missing prerequisite points at the code to write first, not at this test's own code.
      hint: error instanceof PrerequisiteError ? error.hint : (prev?.hint ?? hint),
    });
    throw error;
  } finally {
    await device.stop();
  }
}
