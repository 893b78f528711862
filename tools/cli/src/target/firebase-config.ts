import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CliError } from '../cli-error.js';

/** Host and port of one emulator. */
export interface EmulatorAddress {
  /** Interface, e.g. `127.0.0.1`. */
  readonly host: string;
  /** TCP port. */
  readonly port: number;
}

/** What the kit reads from `firebase.json` and `.firebaserc` at the repository root. */
export interface FirebaseConfig {
  /** `emulators.auth`, default `127.0.0.1:9099`. */
  readonly auth: EmulatorAddress;
  /** `emulators.database`, default `127.0.0.1:9000`. */
  readonly database: EmulatorAddress;
  /** `.firebaserc` `projects.default`, if any. */
  readonly defaultProject: string | undefined;
}

function readJson(path: string): Record<string, unknown> | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
  try {
    return JSON.parse(text) as Record<string, unknown>;
  } catch (cause) {
    throw new CliError('cli/invalid-config', `${path} is not valid JSON: ${(cause as Error).message}`, {
      cause,
    });
  }
}

function address(
  emulators: Record<string, unknown> | undefined,
  name: string,
  fallback: EmulatorAddress,
  file: string,
): EmulatorAddress {
  const entry = emulators?.[name] as { host?: unknown; port?: unknown } | undefined;
  if (entry === undefined) return fallback;
  const port = entry.port ?? fallback.port;
  if (typeof port !== 'number' || !Number.isInteger(port) || port < 1 || port > 65535) {
    throw new CliError(
      'cli/invalid-config',
      `${file}: emulators.${name}.port must be a port number, got ${JSON.stringify(port)}`,
    );
  }
  const host = entry.host ?? fallback.host;
  if (typeof host !== 'string' || host === '') {
    throw new CliError('cli/invalid-config', `${file}: emulators.${name}.host must be a host name`);
  }
  return { host, port };
}

/**
 * Reads the emulator ports and the default project of the repository.
 *
 * Missing files or entries fall back to the emulator defaults (Auth 9099, Database 9000).
 *
 * @param root - the repository root
 * @returns the configuration
 * @throws {@link CliError} `cli/invalid-config` when a file is not JSON or a port is not a port
 */
export function readFirebaseConfig(root: string): FirebaseConfig {
  const file = join(root, 'firebase.json');
  const json = readJson(file);
  const emulators = json?.['emulators'] as Record<string, unknown> | undefined;
  const rc = readJson(join(root, '.firebaserc'));
  const projects = rc?.['projects'] as Record<string, unknown> | undefined;
  const defaultProject = typeof projects?.['default'] === 'string' ? projects['default'] : undefined;
  return {
    auth: address(emulators, 'auth', { host: '127.0.0.1', port: 9099 }, file),
    database: address(emulators, 'database', { host: '127.0.0.1', port: 9000 }, file),
    defaultProject,
  };
}
