import { emulatorEndpoints, productionEndpoints } from '@iotkit/auth';
import type { AuthEndpoints } from '@iotkit/auth';
import { CliError } from '../cli-error.js';
import type { FirebaseConfig } from './firebase-config.js';

/** The three backends the same kit code can run against. */
export type TargetKind = 'local' | 'emulators' | 'firebase';

/** Every valid {@link TargetKind}. */
export const TARGET_KINDS: readonly TargetKind[] = ['local', 'emulators', 'firebase'];

/**
 * Where the kit talks to, resolved once by the CLI and passed down as a plain object.
 * Libraries receive this (or parts of it); they never read the environment themselves.
 */
export interface ResolvedTarget {
  /** `local`: the kit's backend (`pnpm start`); `emulators`: the official Emulator Suite; `firebase`: a real project. */
  readonly kind: TargetKind;
  /** Firebase project id. */
  readonly projectId: string;
  /** Where Auth REST calls go. */
  readonly authEndpoints: AuthEndpoints;
  /** The database URL in the form the Firebase SDKs take (`http://127.0.0.1:9000/?ns=demo-iotkit` or `https://….firebaseio.com`). */
  readonly databaseUrl: string;
  /** Origin for RTDB REST requests (scheme, host, port). */
  readonly databaseOrigin: string;
  /** The database name (`?ns=` on emulators; the host's first label on Firebase). */
  readonly databaseNamespace: string;
  /** Environment variables that point the official SDKs and tools at this target (empty for `firebase`). */
  readonly env: Readonly<Record<string, string>>;
}

/** Inputs of {@link resolveTarget}: the flag, the environment and the repository's Firebase config. */
export interface TargetInputs {
  /** Value of `--target`, which wins over `IOTKIT_TARGET`. */
  readonly flag?: string | undefined;
  /** Environment: `IOTKIT_TARGET`, `IOTKIT_PROJECT_ID`, `IOTKIT_API_KEY`, `IOTKIT_DATABASE_URL`. */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** `firebase.json` / `.firebaserc` as read by `readFirebaseConfig`. */
  readonly config: FirebaseConfig;
}

function parseDatabaseUrl(value: string): { origin: string; namespace: string | undefined } {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new CliError('cli/invalid-config', `IOTKIT_DATABASE_URL is not a URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError('cli/invalid-config', `IOTKIT_DATABASE_URL must be http(s), got ${url.protocol}`);
  }
  const ns = url.searchParams.get('ns') ?? undefined;
  const hostLabel = /\.(firebaseio\.com|firebasedatabase\.app)$/.test(url.hostname)
    ? url.hostname.split('.')[0]
    : undefined;
  return { origin: url.origin, namespace: ns ?? hostLabel };
}

/**
 * Decides which backend to use: `--target`, else `IOTKIT_TARGET`, else `local`.
 *
 * `local` and `emulators` use the ports of `firebase.json` and the project `demo-iotkit` (or
 * `IOTKIT_PROJECT_ID`, or `.firebaserc`). `firebase` needs `IOTKIT_PROJECT_ID` and
 * `IOTKIT_API_KEY`; `IOTKIT_DATABASE_URL` defaults to the project's default database.
 *
 * @param inputs - flag, environment and Firebase config
 * @returns the resolved target
 * @throws {@link CliError} `cli/invalid-target`, `cli/missing-config` or `cli/invalid-config`
 */
export function resolveTarget(inputs: TargetInputs): ResolvedTarget {
  const { env, config } = inputs;
  const raw = (inputs.flag ?? env['IOTKIT_TARGET'] ?? 'local').trim();
  if (!(TARGET_KINDS as readonly string[]).includes(raw)) {
    const source = inputs.flag !== undefined ? '--target' : 'IOTKIT_TARGET';
    throw new CliError(
      'cli/invalid-target',
      `${source} must be one of ${TARGET_KINDS.join(', ')}; got "${raw}"`,
    );
  }
  const kind = raw as TargetKind;
  const databaseOverride = env['IOTKIT_DATABASE_URL']
    ? parseDatabaseUrl(env['IOTKIT_DATABASE_URL'])
    : undefined;

  if (kind === 'firebase') {
    const projectId = env['IOTKIT_PROJECT_ID'];
    const apiKey = env['IOTKIT_API_KEY'];
    const missing = [projectId ? '' : 'IOTKIT_PROJECT_ID', apiKey ? '' : 'IOTKIT_API_KEY'].filter(Boolean);
    if (!projectId || !apiKey) {
      throw new CliError(
        'cli/missing-config',
        `target "firebase" needs ${missing.join(' and ')} (Firebase console → Project settings → General)`,
      );
    }
    const origin = databaseOverride?.origin ?? `https://${projectId}-default-rtdb.firebaseio.com`;
    const namespace = databaseOverride?.namespace ?? `${projectId}-default-rtdb`;
    return {
      kind,
      projectId,
      authEndpoints: productionEndpoints(apiKey),
      databaseUrl: origin,
      databaseOrigin: origin,
      databaseNamespace: namespace,
      env: {},
    };
  }

  const projectId = env['IOTKIT_PROJECT_ID'] || config.defaultProject || 'demo-iotkit';
  const authHost = `${config.auth.host}:${config.auth.port}`;
  const databaseHost = `${config.database.host}:${config.database.port}`;
  const origin = databaseOverride?.origin ?? `http://${databaseHost}`;
  const namespace = databaseOverride?.namespace ?? projectId;
  return {
    kind,
    projectId,
    authEndpoints: emulatorEndpoints(`http://${authHost}`, env['IOTKIT_API_KEY'] || undefined),
    databaseUrl: `${origin}/?ns=${encodeURIComponent(namespace)}`,
    databaseOrigin: origin,
    databaseNamespace: namespace,
    env: {
      FIREBASE_AUTH_EMULATOR_HOST: authHost,
      FIREBASE_DATABASE_EMULATOR_HOST: new URL(origin).host,
    },
  };
}
