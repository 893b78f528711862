import { startLocalBackend, type LocalBackendOptions } from './local-backend.js';

/** What {@link backendGlobalSetup} shares with test files via vitest's `inject('iotkitBackend')`. */
export interface ProvidedBackend {
  /** RTDB base URL, e.g. `http://127.0.0.1:40123`. */
  databaseUrl?: string;
  /** Auth emulator base URL. */
  authUrl?: string;
  /** The environment variables the backend set. */
  env: Record<string, string>;
}

/** The slice of vitest's global-setup context this helper uses. */
export interface GlobalSetupContext {
  /** vitest's `project.provide`. */
  provide(key: 'iotkitBackend', value: ProvidedBackend): void;
}

/**
 * Builds a vitest `globalSetup` function that starts the local backend once per test run, sets
 * `FIREBASE_DATABASE_EMULATOR_HOST` / `FIREBASE_AUTH_EMULATOR_HOST` (plus `IOTKIT_RTDB_URL` and
 * `IOTKIT_AUTH_URL`) for the test workers, provides them as `inject('iotkitBackend')`, and stops
 * the backend afterwards. Use it from a package's `test/global-setup.ts`:
 * `export default backendGlobalSetup({ auth: false });`
 */
export function backendGlobalSetup(
  options: LocalBackendOptions = {},
): (context: GlobalSetupContext) => Promise<() => Promise<void>> {
  return async (context) => {
    const backend = await startLocalBackend(options);
    const env: Record<string, string> = { ...(backend.env as Record<string, string>) };
    if (backend.urls.database) env['IOTKIT_RTDB_URL'] = backend.urls.database;
    if (backend.urls.auth) env['IOTKIT_AUTH_URL'] = backend.urls.auth;
    Object.assign(process.env, env);
    const provided: ProvidedBackend = { env };
    if (backend.urls.database) provided.databaseUrl = backend.urls.database;
    if (backend.urls.auth) provided.authUrl = backend.urls.auth;
    context.provide('iotkitBackend', provided);
    return () => backend.stop();
  };
}
