import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { CliError } from '../cli-error.js';
import type { Command, CommandArgs } from '../command.js';
import { findFirmwareProject } from '../firmware/firmware-project.js';
import type { FirmwareProject } from '../firmware/firmware-project.js';
import { parseSecretsHeader, renderSecretsHeader, WIFI_PLACEHOLDERS } from '../firmware/secrets-header.js';
import type { DeviceSecrets } from '../firmware/secrets-header.js';
import { lanAddresses } from '../os/lan-addresses.js';
import { readFirebaseConfig } from '../target/firebase-config.js';
import type { ResolvedTarget } from '../target/resolve-target.js';
import { TARGET_OPTION, targetFromArgs } from '../target/target-option.js';

const GOOGLE_AUTH_URL = 'https://identitytoolkit.googleapis.com';

function text(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}

function port(args: CommandArgs, name: string, fallback: number): number {
  const value = text(args, name);
  if (value === undefined) return fallback;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65535) {
    throw new CliError('cli/usage', `--${name} must be a port number, got "${value}"`);
  }
  return number;
}

/** The values a device needs to reach the target, as the device config JSON names them. */
function connectionFor(
  target: ResolvedTarget,
  args: CommandArgs,
  root: string,
): { fields: Record<string, unknown>; where: string } {
  if (target.kind === 'firebase') {
    return {
      fields: {
        rtdbUrl: target.databaseOrigin,
        namespace: '',
        authUrl: GOOGLE_AUTH_URL,
        apiKey: target.authEndpoints.apiKey,
      },
      where: `Firebase project ${target.projectId}`,
    };
  }
  // A board cannot reach 127.0.0.1 of the laptop: use the address it has on the shared network.
  const host = text(args, 'host') ?? lanAddresses()[0]?.address;
  if (host === undefined) {
    throw new CliError(
      'cli/missing-config',
      'this machine has no network address a board could reach: join the Wi-Fi the ESP32 will use, or pass --host ADDRESS',
    );
  }
  const config = readFirebaseConfig(root);
  const urlHost = host.includes(':') ? `[${host}]` : host;
  const databasePort = port(args, 'database-port', config.database.port);
  const authPort = port(args, 'auth-port', config.auth.port);
  return {
    fields: {
      rtdbUrl: `http://${urlHost}:${databasePort}`,
      namespace: text(args, 'namespace') ?? target.databaseNamespace,
      authUrl: `http://${urlHost}:${authPort}`,
      apiKey: target.authEndpoints.apiKey,
    },
    where:
      target.kind === 'local'
        ? `the local backend at ${urlHost} (start it with \`pnpm iotkit start --lan\`)`
        : `the Emulator Suite at ${urlHost} (its firebase.json hosts must be 0.0.0.0)`,
  };
}

function gitIgnored(root: string, file: string): boolean | undefined {
  const run = spawnSync('git', ['check-ignore', '-q', file], { cwd: root });
  if (run.error !== undefined || (run.status !== 0 && run.status !== 1)) return undefined;
  return run.status === 0;
}

/** Starting point: the existing secrets.h (keeps the student's Wi-Fi), else the example. */
function baseSecrets(project: FirmwareProject, output: string): DeviceSecrets {
  for (const file of [output, project.secretsExample]) {
    if (!existsSync(file)) continue;
    try {
      return parseSecretsHeader(readFileSync(file, 'utf8'), file);
    } catch {
      // An unreadable file is replaced; the example is tried next.
    }
  }
  return { wifiSsid: WIFI_PLACEHOLDERS.ssid, wifiPassword: WIFI_PLACEHOLDERS.password, deviceConfig: {} };
}

/** `iotkit secrets <assignment>`: writes the firmware's git-ignored `include/secrets.h`. */
export const secretsCommand: Command = {
  name: 'secrets',
  summary:
    "write an assignment's firmware/include/secrets.h (backend URLs, device account, Wi-Fi placeholders)",
  usage: [
    'Usage: pnpm iotkit secrets <assignment> [--target KIND] [--host ADDRESS] [--wifi-ssid NAME] [--wifi-password PW]',
    '                                        [--email ADDR] [--password PW] [--insecure-tls] [--output FILE]',
    '',
    'Writes assignments/<assignment>/firmware/include/secrets.h, read by the ESP32 build (`iotkit build|flash`)',
    "and, through its config JSON, by the virtual device. For the local backend the URLs use this machine's LAN",
    "address (run `pnpm iotkit start --lan`); for --target firebase the project's database and Google's Auth.",
    'Wi-Fi stays as it was in an existing secrets.h, else placeholders to fill in. The file is git-ignored.',
  ].join('\n'),
  options: {
    target: TARGET_OPTION,
    host: {
      type: 'string',
      valueName: 'ADDRESS',
      description: "this machine's address as the board sees it (default: its LAN address)",
    },
    'database-port': {
      type: 'string',
      valueName: 'PORT',
      description: 'Realtime Database port (default: firebase.json, 9000)',
    },
    'auth-port': {
      type: 'string',
      valueName: 'PORT',
      description: 'Auth emulator port (default: firebase.json, 9099)',
    },
    namespace: {
      type: 'string',
      valueName: 'NAME',
      description:
        'database namespace on the local backend (default: the project id; `start a2` shows its own)',
    },
    'wifi-ssid': {
      type: 'string',
      valueName: 'NAME',
      description: 'Wi-Fi network (2.4 GHz) the board joins',
    },
    'wifi-password': { type: 'string', valueName: 'PW', description: 'its password' },
    email: {
      type: 'string',
      valueName: 'ADDR',
      description: "the device account's e-mail (default: the assignment's example)",
    },
    password: {
      type: 'string',
      valueName: 'PW',
      description: "the device account's password, for assignments that store it",
    },
    'insecure-tls': {
      type: 'boolean',
      description: 'skip TLS certificate checks on the board (it warns at every boot); only to diagnose',
    },
    output: { type: 'string', valueName: 'FILE', description: 'write here instead of the firmware project' },
  },
  allowPositionals: true,
  async run(args, io) {
    if (args.positionals.length > 1)
      throw new CliError('cli/usage', 'secrets takes one assignment, e.g. `a2`');
    const project = findFirmwareProject(io.root, args.positionals[0]);
    const target = targetFromArgs(args, io);
    const output = text(args, 'output') !== undefined ? resolve(text(args, 'output')!) : project.secretsFile;
    const base = baseSecrets(project, output);
    const { fields, where } = connectionFor(target, args, io.root);
    const deviceConfig: Record<string, unknown> = { ...base.deviceConfig, ...fields };
    const email = text(args, 'email');
    const password = text(args, 'password');
    if (email !== undefined) deviceConfig['email'] = email;
    if (password !== undefined) deviceConfig['password'] = password;
    if (args.values['insecure-tls'] === true) deviceConfig['tls'] = { insecure: true };
    else if (
      typeof deviceConfig['tls'] === 'object' &&
      (deviceConfig['tls'] as { insecure?: unknown }).insecure === true
    ) {
      delete deviceConfig['tls']; // verification comes back unless asked for again
    }
    const secrets: DeviceSecrets = {
      wifiSsid: text(args, 'wifi-ssid') ?? base.wifiSsid,
      wifiPassword: text(args, 'wifi-password') ?? base.wifiPassword,
      deviceConfig,
    };
    mkdirSync(dirname(output), { recursive: true });
    writeFileSync(
      output,
      renderSecretsHeader(secrets, [
        `Written by \`pnpm iotkit secrets ${project.id}\` for ${where}.`,
        'Read by the ESP32 build (src/main.cpp) and, as its --config JSON, by the virtual device.',
        'Holds passwords: it is git-ignored, never commit it. Run the command again to update it.',
      ]),
    );
    const shown = relative(io.root, output).split('\\').join('/');
    io.out(`Wrote ${shown.startsWith('..') ? output : shown} for ${where}.`);
    const ignored = gitIgnored(io.root, output);
    if (ignored === true) io.out('It is git-ignored: it stays on this machine and is never committed.');
    else if (ignored === false)
      io.err(`iotkit: WARNING: ${shown} is NOT git-ignored; add it to .gitignore before committing.`);
    if (secrets.wifiSsid === WIFI_PLACEHOLDERS.ssid) {
      io.out(
        'Next: put your Wi-Fi name and password in it (2.4 GHz network; or pass --wifi-ssid/--wifi-password),',
      );
      io.out(`then \`pnpm iotkit flash ${project.id}\`.`);
    } else {
      io.out(`Next: \`pnpm iotkit flash ${project.id}\`.`);
    }
    if (args.values['insecure-tls'] === true) {
      io.err(
        'iotkit: WARNING: --insecure-tls: the board will not check certificates; remove it once things work.',
      );
    }
    return 0;
  },
};
