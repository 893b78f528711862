import { startRtdbServer, type RtdbServerOptions, type RunningRtdbServer } from '@iotkit/rtdb-server';
import { startAuthEmulator, type AuthEmulatorOptions, type RunningAuthEmulator } from './auth-emulator.js';
import { BackendError } from './backend-error.js';

/** What to start; each part is on unless set to `false`. Ports default to free ones (`0`). */
export interface LocalBackendOptions {
  /** The official Auth emulator (default: on, free port). */
  auth?: AuthEmulatorOptions | false;
  /** The kit's RTDB server (default: on, free port, in-memory). */
  rtdb?: RtdbServerOptions | false;
}

/** Environment variables that point the official SDKs and the kit's clients at the local backend. */
export interface LocalBackendEnv {
  /** `host:port` of the RTDB server, read by `firebase`, `firebase-admin` and `firebase-functions`. */
  FIREBASE_DATABASE_EMULATOR_HOST?: string;
  /** `host:port` of the Auth emulator, read by `firebase-admin` and the kit's auth helpers. */
  FIREBASE_AUTH_EMULATOR_HOST?: string;
}

/** A running local backend. */
export interface RunningLocalBackend {
  /** The Auth emulator, when started. */
  readonly auth: RunningAuthEmulator | undefined;
  /** The RTDB server, when started. */
  readonly rtdb: RunningRtdbServer | undefined;
  /** Base URLs of the started parts. */
  readonly urls: { auth?: string; database?: string };
  /** The variables to export so SDKs find the backend. */
  readonly env: LocalBackendEnv;
  /** Stops every started part (RTDB first, so its data is flushed). */
  stop(): Promise<void>;
}

/**
 * Starts the local backend: the official Auth emulator and the kit's RTDB server side by side.
 * If one part fails to start, the other is stopped again before the error is thrown.
 */
export async function startLocalBackend(options: LocalBackendOptions = {}): Promise<RunningLocalBackend> {
  let rtdb: RunningRtdbServer | undefined;
  let auth: RunningAuthEmulator | undefined;
  try {
    if (options.rtdb !== false) {
      const rtdbOptions = options.rtdb ?? {};
      try {
        rtdb = await startRtdbServer({ ...rtdbOptions, port: rtdbOptions.port ?? 0 });
      } catch (cause) {
        const inUse = (cause as NodeJS.ErrnoException).code === 'EADDRINUSE';
        throw new BackendError(
          inUse ? 'backend/port-in-use' : 'backend/start-failed',
          inUse
            ? `port ${rtdbOptions.port} is already in use (is another database server running?)`
            : `the RTDB server failed to start: ${String(cause)}`,
          { cause },
        );
      }
    }
    if (options.auth !== false) auth = await startAuthEmulator(options.auth ?? {});
  } catch (error) {
    await rtdb?.close();
    throw error;
  }
  const env: LocalBackendEnv = {};
  const urls: { auth?: string; database?: string } = {};
  if (rtdb) {
    // The URL names loopback when the server listens on every interface (LAN mode).
    env.FIREBASE_DATABASE_EMULATOR_HOST = new URL(rtdb.url).host;
    urls.database = rtdb.url;
  }
  if (auth) {
    env.FIREBASE_AUTH_EMULATOR_HOST = auth.hostAndPort;
    urls.auth = auth.url;
  }
  let stopping: Promise<void> | undefined;
  return {
    auth,
    rtdb,
    urls,
    env,
    stop: () =>
      (stopping ??= (async () => {
        await rtdb?.close();
        await auth?.stop();
      })()),
  };
}
