import { FunctionsRunnerError } from '../core/functions-runner-error.js';

/** Where the functions' admin SDK must send database traffic. */
export interface FunctionsEnvironment {
  /** `host:port` of the local RTDB, e.g. `127.0.0.1:9000`. */
  readonly databaseHost: string;
  /** Namespace (`?ns=`) used as the default database of the functions' admin app. */
  readonly namespace: string;
  /** Project id for `GCLOUD_PROJECT` and `FIREBASE_CONFIG`. */
  readonly projectId: string;
}

/**
 * Points the official SDKs at the local backend the way the Firebase emulators do, through the
 * environment: `FIREBASE_DATABASE_EMULATOR_HOST` (every admin database connection),
 * `FIREBASE_CONFIG` (what a bare `initializeApp()` in the functions module picks up) and
 * `GCLOUD_PROJECT`. These are process-wide, so a second runner in the same process must use the
 * same database host; its namespace can differ because events carry their instance.
 *
 * @throws {@link FunctionsRunnerError} `functions/emulator-host-conflict`
 */
export function applyFunctionsEnvironment(env: FunctionsEnvironment): void {
  const current = process.env['FIREBASE_DATABASE_EMULATOR_HOST'];
  if (current !== undefined && current !== '' && current !== env.databaseHost) {
    throw new FunctionsRunnerError(
      'functions/emulator-host-conflict',
      `FIREBASE_DATABASE_EMULATOR_HOST is already ${current} in this process; cannot also run functions against ${env.databaseHost}`,
    );
  }
  process.env['FIREBASE_DATABASE_EMULATOR_HOST'] = env.databaseHost;
  process.env['GCLOUD_PROJECT'] ??= env.projectId;
  process.env['FIREBASE_CONFIG'] ??= JSON.stringify({
    projectId: env.projectId,
    databaseURL: `http://${env.databaseHost}/?ns=${env.namespace}`,
  });
}

/**
 * The database instance named by `FIREBASE_CONFIG`'s `databaseURL` (`?ns=` of an emulator URL,
 * the subdomain of a production one): what a v1 `functions.database.ref()` binds to.
 */
export function defaultInstanceOf(firebaseConfig: string | undefined): string | undefined {
  if (!firebaseConfig) return undefined;
  try {
    const url = (JSON.parse(firebaseConfig) as { databaseURL?: unknown }).databaseURL;
    if (typeof url !== 'string') return undefined;
    return /[?&]ns=([^&]+)/.exec(url)?.[1] ?? /^https:\/\/([^.]+)\./.exec(url)?.[1];
  } catch {
    return undefined;
  }
}
