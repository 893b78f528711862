import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { BackendError, startAuthEmulator, startLocalBackend, startMqttBroker } from '@iotkit/backend';
import { findAssignment, loadStartDemo } from '../assignments/assignment-catalog.js';
import { CliError } from '../cli-error.js';
import type { CommandArgs, CommandIo } from '../command.js';
import { lanAddresses } from '../os/lan-addresses.js';
import { lanNotice } from '../os/lan-notice.js';
import { readFirebaseConfig } from '../target/firebase-config.js';
import type { FirebaseConfig } from '../target/firebase-config.js';
import type { ResolvedTarget } from '../target/resolve-target.js';
import { targetFromArgs } from '../target/target-option.js';

/** One running part of the local backend. */
interface RunningService {
  /** Lines describing where it listens. */
  readonly lines: readonly string[];
  /** Base URL, for the parts started after it (the A2 demo). */
  readonly url?: string;
  stop(): Promise<void>;
}

/** Overrides from the command line. */
interface StartSettings {
  readonly auth?: number | undefined;
  readonly database?: number | undefined;
  /** MQTT over TCP (default 1883); MQTT over WebSocket listens on a free port beside it. */
  readonly mqtt?: number | undefined;
  /** Where the database keeps its files; `.iotkit/database` under the repository by default. */
  readonly dataDir?: string | undefined;
  /** `--lan`: listen on every interface, admin endpoints behind the owner credential. */
  readonly lan?: boolean;
}

/** Every interface: real boards reach the LAN address, the laptop's own tools keep using loopback. */
const LAN_BIND_HOST = '0.0.0.0';

/** How to start one part of the local backend; add new parts to `SERVICES`. */
interface Service {
  readonly name: string;
  start(
    target: ResolvedTarget,
    config: FirebaseConfig,
    ports: StartSettings,
    root: string,
  ): Promise<RunningService>;
}

const authService: Service = {
  name: 'Auth emulator',
  async start(target, config, ports) {
    const emulator = await startAuthEmulator({
      host: ports.lan ? LAN_BIND_HOST : config.auth.host,
      port: ports.auth ?? config.auth.port,
      projectId: target.projectId,
    });
    return {
      url: emulator.url,
      lines: [
        `Auth emulator     ${emulator.url}`,
        `  REST            ${emulator.url}/identitytoolkit.googleapis.com/v1 , ${emulator.url}/securetoken.googleapis.com/v1`,
        `  export FIREBASE_AUTH_EMULATOR_HOST=${emulator.hostAndPort}`,
      ],
      stop: () => emulator.stop(),
    };
  },
};

/** `database.rules` of firebase.json, when that file exists: enforced like the emulator does. */
function rulesFileOf(root: string): string | undefined {
  try {
    const json = JSON.parse(readFileSync(join(root, 'firebase.json'), 'utf8')) as {
      database?: { rules?: unknown };
    };
    const file = typeof json.database?.rules === 'string' ? join(root, json.database.rules) : undefined;
    return file && existsSync(file) ? file : undefined;
  } catch {
    return undefined;
  }
}

const databaseService: Service = {
  name: 'Realtime Database',
  async start(_target, config, ports, root) {
    const rulesFile = rulesFileOf(root);
    // Data lives in .iotkit/database so acknowledged writes survive restarts (write-ahead log).
    const backend = await startLocalBackend({
      auth: false,
      rtdb: {
        host: ports.lan ? LAN_BIND_HOST : config.database.host,
        ...(ports.lan ? { exposed: true } : {}),
        port: ports.database ?? config.database.port,
        dataDir: ports.dataDir ?? join(root, '.iotkit', 'database'),
        ...(rulesFile ? { rulesFile } : {}),
      },
    });
    const url = backend.urls.database!;
    return {
      url,
      lines: [
        `Realtime Database ${url}  (data: ${ports.dataDir ?? '.iotkit/database'}${rulesFile ? `, rules: ${rulesFile}` : ''})`,
        `  REST            ${url}/<path>.json?ns=<database>   (default database: demo-iotkit-default-rtdb)`,
        `  export FIREBASE_DATABASE_EMULATOR_HOST=${backend.env.FIREBASE_DATABASE_EMULATOR_HOST}`,
      ],
      stop: () => backend.stop(),
    };
  },
};

/** The port MQTT brokers use by convention; taken when free, as mosquitto would. */
const MQTT_DEFAULT_PORT = 1883;

const mqttService: Service = {
  name: 'MQTT broker',
  async start(_target, _config, ports) {
    const host = ports.lan ? LAN_BIND_HOST : '127.0.0.1';
    const notes: string[] = [];
    let broker;
    try {
      broker = await startMqttBroker({ host, port: ports.mqtt ?? MQTT_DEFAULT_PORT, wsPort: 0 });
    } catch (error) {
      // Only the default port falls back: a student's own mosquitto on 1883 may keep it.
      if (
        ports.mqtt !== undefined ||
        !(error instanceof BackendError) ||
        error.code !== 'backend/port-in-use'
      )
        throw error;
      broker = await startMqttBroker({ host, port: 0, wsPort: 0 });
      notes.push(
        `  (port ${MQTT_DEFAULT_PORT} is taken, another broker may be running; this one took a free port)`,
      );
    }
    return {
      url: broker.url,
      lines: [
        `MQTT broker       ${broker.url}  (aedes, in memory)`,
        `  WebSocket       ${broker.wsUrl ?? ''}`,
        ...notes,
      ],
      stop: () => broker.close(),
    };
  },
};

// Started in order, stopped in reverse.
const SERVICES: readonly Service[] = [databaseService, authService, mqttService];

function parsePort(value: string | boolean | undefined, option = '--auth-port'): number | undefined {
  if (typeof value !== 'string') return undefined;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new CliError('cli/usage', `${option} must be a port number (0 picks a free one), got "${value}"`);
  }
  return port;
}

async function stopAll(running: RunningService[], io: CommandIo): Promise<void> {
  for (const service of running.reverse()) {
    try {
      await service.stop();
    } catch (error) {
      io.err(`iotkit: a service failed to stop cleanly: ${String(error)}`);
    }
  }
}

/**
 * Runs `iotkit start`, loaded only when that command is chosen.
 *
 * @param args - the parsed command line
 * @param io - output, environment and repository root
 * @returns the exit status
 */
export async function runStart(args: CommandArgs, io: CommandIo): Promise<number> {
  if (args.positionals.length > 1)
    throw new CliError(
      'cli/usage',
      `start takes one assignment, got ${args.positionals.length}: ${args.positionals.join(' ')}`,
    );
  const backendOnly = args.values['backend-only'] === true || args.values['no-a2'] === true;
  const assignment = findAssignment(io.root, args.positionals[0] ?? 'a2');
  if (backendOnly && args.positionals.length > 0)
    throw new CliError(
      'cli/usage',
      `--backend-only starts no assignment; drop "${args.positionals[0]}" or the flag`,
    );
  const target = targetFromArgs(args, io);
  const dataDir = args.values['data-dir'];
  const ports: StartSettings = {
    auth: parsePort(args.values['auth-port']),
    database: parsePort(args.values['database-port'], '--database-port'),
    mqtt: parsePort(args.values['mqtt-port'], '--mqtt-port'),
    dataDir: typeof dataDir === 'string' ? resolve(dataDir) : undefined,
    lan: args.values['lan'] === true,
  };
  if (target.kind === 'emulators') {
    io.out(`Target "emulators": run the official Emulator Suite yourself:`);
    io.out(`  npx firebase emulators:start --only auth,database --project ${target.projectId}`);
    io.out(`Then: export FIREBASE_AUTH_EMULATOR_HOST=${target.env['FIREBASE_AUTH_EMULATOR_HOST']}`);
    io.out(`      export FIREBASE_DATABASE_EMULATOR_HOST=${target.env['FIREBASE_DATABASE_EMULATOR_HOST']}`);
    return 0;
  }
  if (target.kind === 'firebase') {
    io.out(`Target "firebase": nothing to start; the kit talks to project ${target.projectId}`);
    io.out(`  database ${target.databaseUrl}`);
    return 0;
  }
  const config = readFirebaseConfig(io.root);
  io.out(`Starting the local backend (${SERVICES.map((s) => s.name).join(', ')})…`);
  const running: RunningService[] = [];
  try {
    for (const service of SERVICES) {
      try {
        running.push(await service.start(target, config, ports, io.root));
      } catch (cause) {
        const detail = cause instanceof BackendError ? cause.message : String(cause);
        throw new CliError('cli/backend-failed', `could not start the ${service.name}: ${detail}`, {
          cause,
        });
      }
    }
  } catch (error) {
    await stopAll(running, io);
    throw error;
  }
  io.out(`IoT Cloud Kit local backend (project ${target.projectId})`);
  for (const service of running) for (const line of service.lines) io.out(`  ${line}`);
  if (ports.lan) {
    const portOf = (service: Service): number =>
      Number(new URL(running[SERVICES.indexOf(service)]?.url ?? 'http://x:0').port);
    const notice = lanNotice(
      lanAddresses(),
      portOf(databaseService),
      portOf(authService),
      target.databaseNamespace,
    );
    for (const line of notice.warning) io.err(line);
    for (const line of notice.details) io.out(`  ${line}`);
  }
  if (args.values['once'] !== true && !backendOnly) {
    // The assignment on the backend: its reference firmware as a virtual device, its functions, its page.
    const rtdbUrl = running[SERVICES.indexOf(databaseService)]?.url;
    const authUrl = running[SERVICES.indexOf(authService)]?.url;
    try {
      const startDemo = await loadStartDemo(assignment);
      const demo = await startDemo({
        rtdbUrl: rtdbUrl ?? '',
        authUrl: authUrl ?? '',
        projectId: target.projectId,
        onProgress: (line) => io.out(line),
      });
      running.push({ lines: demo.lines, stop: () => demo.stop() });
      for (const line of demo.lines) io.out(`  ${line}`);
    } catch (error) {
      io.err(
        `iotkit: the ${assignment.id} demo did not start (${error instanceof Error ? error.message : String(error)}); the backend keeps running`,
      );
    }
  }
  if (args.values['once'] === true) {
    await stopAll(running, io);
    io.out('Stopped (--once).');
    return 0;
  }
  io.out('Press Ctrl-C to stop.');
  const signal = await io.waitForInterrupt();
  io.out(`\nReceived ${signal}; stopping…`);
  await stopAll(running, io);
  io.out('Stopped.');
  return 0;
}
