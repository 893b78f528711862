import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { CliError } from '../cli-error.js';

/** How to get PlatformIO Core, shown whenever `pio` is missing. */
export const PLATFORMIO_INSTALL =
  'install PlatformIO Core: `pipx install platformio` (Debian/Ubuntu: `sudo apt-get install -y pipx` first; ' +
  'macOS: `brew install platformio`; or the PlatformIO IDE extension of VS Code), open a new terminal, ' +
  'and check with `pio --version`';

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Finds the PlatformIO CLI: `pio` or `platformio` on PATH, else the copy the official installer
 * and the VS Code extension put in `~/.platformio/penv/bin` (not on PATH by default).
 *
 * @param env - the environment whose PATH and HOME are searched
 * @returns the program's path, or `undefined`
 */
export function findPlatformio(env: Env): string | undefined {
  const dirs = (env['PATH'] ?? '').split(delimiter).filter((dir) => dir !== '');
  const home = env['HOME'] ?? env['USERPROFILE'];
  if (home) dirs.push(join(home, '.platformio', 'penv', 'bin'), join(home, '.platformio', 'penv', 'Scripts'));
  const names = process.platform === 'win32' ? ['pio.exe', 'platformio.exe'] : ['pio', 'platformio'];
  for (const dir of dirs) {
    for (const name of names) {
      const candidate = join(dir, name);
      if (existsSync(candidate)) return candidate;
    }
  }
  return undefined;
}

/**
 * {@link findPlatformio}, or a {@link CliError} `cli/missing-tool` that says how to install it.
 *
 * @param env - the environment to search
 * @param purpose - what the user asked for, e.g. `build a2`
 * @returns the program's path
 */
export function requirePlatformio(env: Env, purpose: string): string {
  const pio = findPlatformio(env);
  if (pio === undefined) {
    throw new CliError(
      'cli/missing-tool',
      `cannot ${purpose}: PlatformIO (\`pio\`) is not installed or not on PATH. To fix it, ${PLATFORMIO_INSTALL}. ` +
        '`pnpm iotkit doctor` checks it.',
    );
  }
  return pio;
}

/**
 * Runs `pio` with the terminal attached (build logs, the serial monitor's keyboard) and waits.
 *
 * @param pio - path from {@link requirePlatformio}
 * @param args - its arguments
 * @param env - its environment
 * @returns the exit status (1 when killed by a signal)
 */
export function runPlatformio(pio: string, args: readonly string[], env: Env): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(pio, [...args], { stdio: 'inherit', env: { ...env } });
    child.once('error', (cause) =>
      reject(new CliError('cli/tool-failed', `could not run ${pio}: ${cause.message}`, { cause })),
    );
    child.once('close', (code) => resolve(code ?? 1));
  });
}

/** One serial port as `pio device list --json-output` reports it. */
export interface SerialPort {
  /** Device path, e.g. `/dev/ttyUSB0` or `COM3`. */
  readonly port: string;
  /** What the OS calls it, e.g. `CP2102 USB to UART Bridge Controller`. */
  readonly description: string;
  /** Hardware id; USB ports carry `VID:PID=xxxx:yyyy`. */
  readonly hwid: string;
}

/**
 * Asks PlatformIO for the serial ports.
 *
 * @param pio - path from {@link requirePlatformio}
 * @param env - its environment
 * @returns the ports, as reported
 * @throws {@link CliError} `cli/tool-failed` when `pio` fails or answers something else than the list
 */
export function listSerialPorts(pio: string, env: Env): SerialPort[] {
  const run = spawnSync(pio, ['device', 'list', '--json-output'], {
    encoding: 'utf8',
    env: { ...env },
    timeout: 30_000,
  });
  if (run.error !== undefined || run.status !== 0) {
    throw new CliError(
      'cli/tool-failed',
      `\`pio device list\` failed (${run.error?.message ?? `exit ${run.status}`}): ${(run.stderr ?? '').trim()}`,
    );
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(run.stdout);
  } catch {
    throw new CliError(
      'cli/tool-failed',
      '`pio device list --json-output` did not answer JSON; is PlatformIO Core 6 installed?',
    );
  }
  if (!Array.isArray(parsed))
    throw new CliError('cli/tool-failed', '`pio device list --json-output` did not answer a list');
  return parsed
    .filter((entry): entry is Record<string, unknown> => typeof entry === 'object' && entry !== null)
    .map((entry) => ({
      port: String(entry['port'] ?? ''),
      description: String(entry['description'] ?? ''),
      hwid: String(entry['hwid'] ?? ''),
    }))
    .filter((entry) => entry.port !== '');
}

// USB-to-serial bridges found on ESP32 boards: CP210x, CH340/CH9102, FTDI, and the S3/C3's own USB.
const ESP32_BRIDGES = ['10C4:EA60', '1A86:7523', '1A86:55D4', '0403:6001', '0403:6015', '303A:'];

/**
 * Picks the board's port: the one asked for, else the only USB serial port, else the only one
 * whose USB id is a known ESP32 bridge.
 *
 * @param ports - from {@link listSerialPorts}
 * @param requested - `--port`, if given (used as is, even when not listed)
 * @returns the port to use
 * @throws {@link CliError} `cli/no-board` naming what was found and what to do
 */
export function chooseBoardPort(ports: readonly SerialPort[], requested?: string): string {
  if (requested !== undefined && requested !== '') return requested;
  const usb = ports.filter((p) => /VID:PID=/i.test(p.hwid));
  if (usb.length === 1) return usb[0]!.port;
  const esp32 = usb.filter((p) => ESP32_BRIDGES.some((id) => p.hwid.toUpperCase().includes(`VID:PID=${id}`)));
  if (esp32.length === 1) return esp32[0]!.port;
  if (usb.length === 0) {
    throw new CliError(
      'cli/no-board',
      'no ESP32 found on a USB serial port. Plug the board in with a data cable (some cables only charge); ' +
        'on Linux add yourself to the dialout group (`sudo usermod -aG dialout $USER`, then log in again); ' +
        'on macOS/Windows install the CP210x or CH340 driver of your board. Or name the port with --port.',
    );
  }
  const listed = usb.map((p) => `${p.port} (${p.description})`).join(', ');
  throw new CliError(
    'cli/no-board',
    `several serial ports could be the board: ${listed}. Choose one with --port.`,
  );
}

/**
 * The installed PlatformIO's version line, for `doctor`.
 *
 * @param pio - the program
 * @param env - its environment
 * @returns e.g. `PlatformIO Core, version 6.1.16`, or `undefined` when it does not run
 */
export function platformioVersion(pio: string, env: Env): string | undefined {
  const run = spawnSync(pio, ['--version'], { encoding: 'utf8', env: { ...env }, timeout: 20_000 });
  if (run.error !== undefined || run.status !== 0) return undefined;
  return run.stdout.trim().split('\n')[0];
}
