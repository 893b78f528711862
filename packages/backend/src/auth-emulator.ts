import { createRequire } from 'node:module';
import { BackendError } from './backend-error.js';
import { findFreePort, isPortFree } from './free-port.js';

/** Where to run the official Firebase Auth emulator. */
export interface AuthEmulatorOptions {
  /** Interface to bind; defaults to `127.0.0.1`. `0.0.0.0` serves the LAN too (the URLs then name loopback). */
  host?: string;
  /** Port to bind; `0` or absent picks a free one. The emulator's usual port is 9099. */
  port?: number;
  /** Project id; `demo-` projects never reach Google. Defaults to `demo-iotkit`. */
  projectId?: string;
}

/** A running Auth emulator. */
export interface RunningAuthEmulator {
  readonly host: string;
  readonly port: number;
  readonly projectId: string;
  /** `host:port`, the value of `FIREBASE_AUTH_EMULATOR_HOST`. */
  readonly hostAndPort: string;
  /** Base URL, e.g. `http://127.0.0.1:9099`. REST paths follow it with the Google host as prefix. */
  readonly url: string;
  stop(): Promise<void>;
}

interface AuthEmulatorClass {
  new (args: { host: string; port: number; projectId: string; singleProjectMode: number }): {
    start(): Promise<void>;
    stop(): Promise<void>;
  };
}

/**
 * Starts the Auth emulator that ships in `firebase-tools`, in this process.
 *
 * It is the same code `firebase emulators:start --only auth` runs, minus the CLI around it (which
 * spends seconds on network look-ups that fail offline). Plain Node, no Java, no download.
 */
export async function startAuthEmulator(options: AuthEmulatorOptions = {}): Promise<RunningAuthEmulator> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port && options.port > 0 ? options.port : await findFreePort(host);
  const projectId = options.projectId ?? 'demo-iotkit';
  let AuthEmulator: AuthEmulatorClass;
  try {
    const require = createRequire(import.meta.url);
    const entry = require.resolve('firebase-tools/lib/emulator/auth/index.js');
    compileValidatorsOnFirstUse(createRequire(entry));
    ({ AuthEmulator } = require(entry) as { AuthEmulator: AuthEmulatorClass });
  } catch (cause) {
    throw new BackendError(
      'backend/missing-firebase-tools',
      'firebase-tools is not installed; run `pnpm install` at the repository root',
      { cause },
    );
  }
  // express reports a taken port as an unhandled 'error' event after start() resolves, so
  // probe first to turn it into a typed error.
  if (!(await isPortFree(port, host))) {
    throw new BackendError(
      'backend/port-in-use',
      `port ${port} on ${host} is already in use (is another Auth emulator running?)`,
    );
  }
  // singleProjectMode 0 = NO_WARNING: tests use one project id anyway.
  const emulator = new AuthEmulator({ host, port, projectId, singleProjectMode: 0 });
  try {
    await emulator.start();
  } catch (cause) {
    throw new BackendError('backend/start-failed', `the Auth emulator failed to start: ${String(cause)}`, {
      cause,
    });
  }
  // Bound to every interface (LAN mode): the laptop's own clients still use loopback.
  const reachable = host === '0.0.0.0' ? '127.0.0.1' : host === '::' ? '[::1]' : host;
  await waitUntilListening(`http://${reachable}:${port}/`);
  const hostAndPort = `${reachable}:${port}`;
  return {
    host,
    port,
    projectId,
    hostAndPort,
    url: `http://${hostAndPort}`,
    stop: () => emulator.stop(),
  };
}

interface OpenApiRouterModule {
  middleware: (spec: unknown, options: Record<string, unknown>) => unknown;
}

const lazyValidators = Symbol.for('iotkit.authEmulator.lazyValidators');

/**
 * The emulator checks every request against Google's Identity Toolkit API description with an
 * OpenAPI router (exegesis). By default that router compiles a JSON-schema validator for every
 * operation of the API when the emulator starts: 5–15 s of CPU per start, for hundreds of
 * operations a course never calls. Asking it to compile each validator the first time its operation
 * is used keeps the same checks and the same error answers, and makes a start cost about a second.
 * The emulator's module reads `middleware` from the router's exports at call time, so wrapping the
 * export before the emulator starts is enough.
 */
function compileValidatorsOnFirstUse(emulatorRequire: NodeJS.Require): void {
  const router = emulatorRequire('exegesis-express') as OpenApiRouterModule & { [lazyValidators]?: true };
  if (router[lazyValidators]) return;
  const eager = router.middleware;
  router.middleware = (spec, options) => eager(spec, { ...options, lazyCompileValidationSchemas: true });
  router[lazyValidators] = true;
}

/** `app.listen` returns before the socket is bound; wait until a request gets any answer. */
async function waitUntilListening(url: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > deadline) {
        throw new BackendError('backend/start-failed', `the Auth emulator never answered at ${url}`, {
          cause: error,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
