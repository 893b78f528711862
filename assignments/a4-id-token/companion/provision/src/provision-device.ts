import { AuthClient, AuthError, emulatorEndpoints, productionEndpoints } from '@iotkit/auth';
import type { AuthSession, FetchFunction } from '@iotkit/auth';
import { A4Error } from './a4-error.js';
import { writeHandoffToStore } from './device-store-file.js';
import { summarizeIdToken, type IdTokenSummary } from './id-token-summary.js';
import { sendHandoffOverSerial } from './serial-handoff.js';
import { handoffFromSession } from './token-handoff.js';

/** Where the device gets its tokens. */
export type ProvisionTarget =
  /** A virtual device's persistent store file (`--store` / `IOTKIT_STORE_FILE`). */
  | { readonly storeFile: string }
  /** An ESP32 on a serial port (e.g. `/dev/ttyUSB0`), read by the assignment's `main.cpp`. */
  | { readonly serialPort: string };

/** Options of {@link provisionDevice}. */
export interface ProvisionOptions {
  /** The Auth emulator's base URL; leave out for the real Firebase Auth of the `apiKey`'s project. */
  readonly authUrl?: string | undefined;
  /** Web API key (any string for the emulator). */
  readonly apiKey: string;
  /** The user's e-mail. */
  readonly email: string;
  /** The user's password: used here, on the laptop, and never sent to the device. */
  readonly password: string;
  /** Create the account when it does not exist yet (handy against the emulator). */
  readonly createIfMissing?: boolean;
  /** Where the tokens go. */
  readonly target: ProvisionTarget;
  /** Transport for the Auth requests; the global `fetch` by default. */
  readonly fetch?: FetchFunction;
}

/** What {@link provisionDevice} did. It holds no token. */
export interface ProvisionResult {
  /** The user's uid: the device writes under `/devices/{uid}`. */
  readonly uid: string;
  /** When the handed ID token expires (ms since 1970). */
  readonly expiresAt: number;
  /** The ID token's decoded header and claims. */
  readonly summary: IdTokenSummary;
  /** Where the hand-over went, in words. */
  readonly deliveredTo: string;
}

const MISSING_ACCOUNT = new Set([
  'auth/email-not-found',
  'auth/invalid-login-credentials',
  'auth/user-not-found',
]);

/**
 * Assignment 4's provisioning: signs the *user* in here (e-mail and password stay on this
 * computer) and hands the device `{ idToken, refreshToken, expiresAt }`, into its store file or
 * down its serial line. From then on the device renews the ID token itself.
 * @param options - see {@link ProvisionOptions}
 * @throws {@link A4Error} `a4/sign-in-failed` naming Auth's reason; `a4/bad-store-file`,
 *   `a4/serial-failed` when the hand-over cannot be delivered
 */
export async function provisionDevice(options: ProvisionOptions): Promise<ProvisionResult> {
  if (!options.email || !options.password)
    throw new A4Error('a4/bad-arguments', 'provisioning needs the user e-mail and password');
  const endpoints = options.authUrl
    ? emulatorEndpoints(options.authUrl, options.apiKey)
    : productionEndpoints(options.apiKey);
  const client = new AuthClient({ endpoints, ...(options.fetch ? { fetch: options.fetch } : {}) });
  const credentials = { email: options.email, password: options.password };
  let session: AuthSession;
  try {
    session = await client.signInWithPassword(credentials);
  } catch (error) {
    const code = error instanceof AuthError ? error.code : undefined;
    if (!(options.createIfMissing && code !== undefined && MISSING_ACCOUNT.has(code)))
      throw new A4Error(
        'a4/sign-in-failed',
        `signing ${options.email} in failed: ${(error as Error).message}${code && MISSING_ACCOUNT.has(code) ? ' (create the account first, or pass --create against the emulator)' : ''}`,
        { cause: error },
      );
    try {
      session = await client.signUp(credentials);
    } catch (signUpError) {
      throw new A4Error(
        'a4/sign-in-failed',
        `creating ${options.email} failed: ${(signUpError as Error).message}`,
        { cause: signUpError },
      );
    }
  }
  const summary = summarizeIdToken(session.idToken);
  const handoff = handoffFromSession(session);
  let deliveredTo: string;
  if ('storeFile' in options.target) {
    writeHandoffToStore(options.target.storeFile, handoff);
    deliveredTo = `the device store ${options.target.storeFile}`;
  } else {
    sendHandoffOverSerial(options.target.serialPort, handoff);
    deliveredTo = `the serial port ${options.target.serialPort}`;
  }
  return { uid: session.uid, expiresAt: session.expiresAt, summary, deliveredTo };
}
