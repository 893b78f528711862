import { fileURLToPath } from 'node:url';

/** The assignment's folder (holds README.md, firmware/, companion/, grading/). */
export const A2_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The reference firmware's PlatformIO project. */
export const A2_FIRMWARE_DIR = fileURLToPath(new URL('../firmware/', import.meta.url));

/** The cloud function module, loadable by `@iotkit/functions-runner`. */
export const A2_FUNCTIONS_MODULE = fileURLToPath(
  new URL('../companion/functions/src/index.ts', import.meta.url),
);
