import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { BOARD_ENVIRONMENT, requireSecrets } from '../firmware/board-environment.js';
import { findFirmwareProject } from '../firmware/firmware-project.js';
import { requirePlatformio, runPlatformio } from '../os/platformio.js';

/** `iotkit build <assignment>`: compiles the assignment's firmware for a real ESP32 with PlatformIO. */
export const buildCommand: Command = {
  name: 'build',
  summary: "compile an assignment's firmware for a real ESP32 (PlatformIO)",
  usage: [
    'Usage: pnpm iotkit build <assignment>',
    '',
    `Runs \`pio run -e ${BOARD_ENVIRONMENT}\` in assignments/<assignment>/firmware. Needs PlatformIO Core (\`pio\`)`,
    'and include/secrets.h (`pnpm iotkit secrets <assignment>` writes it). The first build downloads the',
    'ESP32 toolchain and libraries (a few hundred MB), later ones take seconds.',
  ].join('\n'),
  allowPositionals: true,
  async run(args, io) {
    if (args.positionals.length > 1) throw new CliError('cli/usage', 'build takes one assignment, e.g. `a2`');
    const project = findFirmwareProject(io.root, args.positionals[0]);
    requireSecrets(project);
    const pio = requirePlatformio(io.env, `build ${project.id}`);
    io.out(`Building ${project.shown} for ${BOARD_ENVIRONMENT} with ${pio}…`);
    const status = await runPlatformio(
      pio,
      ['run', '--project-dir', project.dir, '--environment', BOARD_ENVIRONMENT],
      io.env,
    );
    if (status !== 0) {
      throw new CliError(
        'cli/tool-failed',
        `the build of ${project.id} failed (pio exit ${status}); the first error above says why`,
      );
    }
    io.out(`Built. Next: \`pnpm iotkit flash ${project.id}\` with the board plugged in.`);
    return 0;
  },
};
