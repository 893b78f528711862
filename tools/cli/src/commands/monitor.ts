import { CliError } from '../cli-error.js';
import type { Command } from '../command.js';
import { BOARD_ENVIRONMENT } from '../firmware/board-environment.js';
import { findFirmwareProject } from '../firmware/firmware-project.js';
import { chooseBoardPort, listSerialPorts, requirePlatformio, runPlatformio } from '../os/platformio.js';

/** `iotkit monitor <assignment>`: the board's serial log, at the speed its `platformio.ini` sets. */
export const monitorCommand: Command = {
  name: 'monitor',
  summary: "show the ESP32's serial log (PlatformIO device monitor); Ctrl-C to leave",
  usage: [
    'Usage: pnpm iotkit monitor <assignment> [--port PORT]',
    '',
    `Runs \`pio device monitor -e ${BOARD_ENVIRONMENT}\` in assignments/<assignment>/firmware (115200 baud, from`,
    "platformio.ini) on the board's serial port. Press the board's EN/RESET button to see it boot again.",
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
    if (args.positionals.length > 1)
      throw new CliError('cli/usage', 'monitor takes one assignment, e.g. `a2`');
    const project = findFirmwareProject(io.root, args.positionals[0]);
    const pio = requirePlatformio(io.env, `monitor ${project.id}`);
    const requested = typeof args.values['port'] === 'string' ? args.values['port'] : undefined;
    const port = chooseBoardPort(requested ? [] : listSerialPorts(pio, io.env), requested);
    const status = await runPlatformio(
      pio,
      ['device', 'monitor', '--project-dir', project.dir, '--environment', BOARD_ENVIRONMENT, '--port', port],
      io.env,
    );
    return status === 0 ? 0 : 1;
  },
};
