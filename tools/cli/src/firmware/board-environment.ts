import { existsSync } from 'node:fs';
import { CliError } from '../cli-error.js';
import type { FirmwareProject } from './firmware-project.js';

/** The PlatformIO environment of a real ESP32 DevKit in every assignment's `platformio.ini`. */
export const BOARD_ENVIRONMENT = 'esp32dev';

/**
 * Stops a build before PlatformIO starts when `include/secrets.h` is missing: the compiler's
 * "secrets.h: No such file" would come minutes later, after the toolchain download.
 *
 * @param project - the firmware project
 * @throws {@link CliError} `cli/missing-config` saying which command writes it
 */
export function requireSecrets(project: FirmwareProject): void {
  if (existsSync(project.secretsFile)) return;
  throw new CliError(
    'cli/missing-config',
    `${project.shown}/include/secrets.h is missing: run \`pnpm iotkit secrets ${project.id}\` first ` +
      '(it writes the backend URLs and the device account; then fill in your Wi-Fi name and password).',
  );
}
