import { decodeToken } from '@iotkit/auth';
import { A4Error } from './a4-error.js';

/** The parts of an ID token a student should look at, decoded (nothing is verified). */
export interface IdTokenSummary {
  /** The JOSE header (`alg`, `kid`, `typ`); `alg: "none"` from the emulator. */
  readonly header: Record<string, unknown>;
  /** Issuer: `https://securetoken.google.com/<project>`. */
  readonly iss: unknown;
  /** Audience: the project id. */
  readonly aud: unknown;
  /** Subject: the user's uid, the `{uid}` of `/devices/{uid}`. */
  readonly sub: unknown;
  /** Expiry, seconds since 1970. */
  readonly exp: unknown;
  /** How the user signed in (`password`, `custom`, …) from the `firebase` claim. */
  readonly signInProvider: unknown;
}

/**
 * Decodes an ID token for display.
 * @param idToken - a Firebase ID token
 * @throws {@link A4Error} `a4/not-an-id-token` when it is not a JWT
 */
export function summarizeIdToken(idToken: string): IdTokenSummary {
  let decoded;
  try {
    decoded = decodeToken(idToken);
  } catch (cause) {
    throw new A4Error('a4/not-an-id-token', 'the sign-in returned something that is not a JWT', { cause });
  }
  const claims = decoded.claims;
  const firebase = claims['firebase'];
  const provider =
    firebase !== null && typeof firebase === 'object'
      ? (firebase as Record<string, unknown>)['sign_in_provider']
      : undefined;
  return {
    header: decoded.header,
    iss: claims['iss'],
    aud: claims['aud'],
    sub: claims['sub'],
    exp: claims['exp'],
    signInProvider: provider,
  };
}

/**
 * The summary as lines to print. Only the header and claims: neither token itself.
 * @param summary - from {@link summarizeIdToken}
 */
export function formatIdTokenSummary(summary: IdTokenSummary): string[] {
  const exp = typeof summary.exp === 'number' ? ` (${new Date(summary.exp * 1000).toISOString()})` : '';
  return [
    `ID token header: ${JSON.stringify(summary.header)}`,
    `  iss  ${String(summary.iss)}   (who issued it)`,
    `  aud  ${String(summary.aud)}   (the project it is for)`,
    `  sub  ${String(summary.sub)}   (the user: /devices/{uid})`,
    `  exp  ${String(summary.exp)}${exp}   (it stops working then; the device refreshes before)`,
    `  firebase.sign_in_provider  ${String(summary.signInProvider)}`,
  ];
}
