import { fileURLToPath } from 'node:url';

/** The assignment's folder (holds README.md, firmware/, companion/, grading/). */
export const A5_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** The reference firmware's PlatformIO project. */
export const A5_FIRMWARE_DIR = fileURLToPath(new URL('../firmware/', import.meta.url));
