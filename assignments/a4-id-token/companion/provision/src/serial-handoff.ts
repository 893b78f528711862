import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { A4Error } from './a4-error.js';
import { handoffLine, type TokenHandoff } from './token-handoff.js';

/**
 * Sends the hand-over as one line to an ESP32 on a serial port, at the 115200 baud the
 * assignment's firmware listens at. The port is put in raw mode with `stty` first (Linux `-F`,
 * macOS `-f`); close `pio device monitor` before, a port has one reader.
 * @param port - e.g. `/dev/ttyUSB0` or `/dev/cu.usbserial-0001`
 * @param handoff - the tokens
 * @throws {@link A4Error} `a4/serial-failed` naming the port and the reason
 */
export function sendHandoffOverSerial(port: string, handoff: TokenHandoff): void {
  const flag = process.platform === 'darwin' ? '-f' : '-F';
  const stty = spawnSync('stty', [flag, port, '115200', 'raw', '-echo'], { encoding: 'utf8' });
  if (stty.error || stty.status !== 0)
    throw new A4Error(
      'a4/serial-failed',
      `cannot set up ${port}: ${stty.error?.message ?? stty.stderr.trim()} (is the board plugged in, and the serial monitor closed?)`,
    );
  try {
    writeFileSync(port, `${handoffLine(handoff)}\n`);
  } catch (cause) {
    throw new A4Error('a4/serial-failed', `cannot write to ${port}: ${(cause as Error).message}`, { cause });
  }
}
