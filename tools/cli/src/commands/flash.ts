import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { BOARD_ENVIRONMENT, requireSecrets } from '../firmware/board-environment.js';
import { findFirmwareProject } from '../firmware/firmware-project.js';
import { chooseBoardPort, listSerialPorts, requirePlatformio, runPlatformio } from '../os/platformio.js';

/** `iotkit flash <assignment>`: builds and uploads the firmware to the ESP32 on USB. */
export const flashCommand: Command = {
  name: 'flash',
  summary: "build an assignment's firmware and upload it to the ESP32 on USB (PlatformIO)",
  usage: [
    'Usage: pnpm iotkit flash <assignment> [--port PORT]',
    '',
    `Finds the board's serial port (the only USB serial port, or the only ESP32 USB bridge), then runs`,
    `\`pio run -e ${BOARD_ENVIRONMENT} -t upload\` in assignments/<assignment>/firmware. If the upload cannot`,
    'connect, hold the BOOT button while "Connecting…" is shown.',
  ].join('\n'),
  options: {
    port: {
      type: 'string',
      valueName: 'PORT',
      description: 'serial port of the board, e.g. /dev/ttyUSB0 or COM3',
    },
  },
  allowPositionals: true,
  async run(args, io) {
    if (args.positionals.length > 1) throw new CliError('cli/usage', 'flash takes one assignment, e.g. `a2`');
    const project = findFirmwareProject(io.root, args.positionals[0]);
    requireSecrets(project);
    const pio = requirePlatformio(io.env, `flash ${project.id}`);
    const requested = typeof args.values['port'] === 'string' ? args.values['port'] : undefined;
    const port = chooseBoardPort(requested ? [] : listSerialPorts(pio, io.env), requested);
    io.out(`Flashing ${project.shown} to the board on ${port}…`);
    const status = await runPlatformio(
      pio,
      [
        'run',
        '--project-dir',
        project.dir,
        '--environment',
        BOARD_ENVIRONMENT,
        '--target',
        'upload',
        '--upload-port',
        port,
      ],
      io.env,
    );
    if (status !== 0) {
      throw new CliError(
        'cli/tool-failed',
        `flashing ${project.id} failed (pio exit ${status}). A compile error is shown above; if the upload could not ` +
          'connect, hold BOOT on the board and run the command again.',
      );
    }
    io.out(`Flashed. Watch it boot: \`pnpm iotkit monitor ${project.id}\`.`);
    return 0;
  },
};
