import type { AuthSession } from '@iotkit/auth';

/** The store key the device reads a hand-over from (the firmware's `iotkit::kTokenHandoffKey`). */
export const HANDOFF_STORE_KEY = 'token_handoff';

/** The store key the device keeps its (rotated) refresh token under (`iotkit::kRefreshTokenKey`). */
export const REFRESH_TOKEN_STORE_KEY = 'refresh_token';

/**
 * What the device is given: an ID token to use now, the refresh token to renew it with, and when
 * the ID token expires. The device never sees the user's password.
 */
export interface TokenHandoff {
  /** The Firebase ID token (a JWT), sent as `auth=` on every database request. */
  readonly idToken: string;
  /** The long-lived refresh token, exchanged at the Secure Token API for new ID tokens. */
  readonly refreshToken: string;
  /** When the ID token expires, in milliseconds since 1970 (UTC). */
  readonly expiresAt: number;
}

/**
 * The hand-over for a signed-in session.
 * @param session - what `@iotkit/auth` returned for the user's sign-in
 */
export function handoffFromSession(session: AuthSession): TokenHandoff {
  return { idToken: session.idToken, refreshToken: session.refreshToken, expiresAt: session.expiresAt };
}

/**
 * The one-line JSON the device parses (`iotkit::parseTokenHandoff`): what goes into its store
 * or down the serial line. It holds both tokens: never print it.
 * @param handoff - the tokens
 */
export function handoffLine(handoff: TokenHandoff): string {
  return JSON.stringify({
    idToken: handoff.idToken,
    refreshToken: handoff.refreshToken,
    expiresAt: Math.floor(handoff.expiresAt),
  });
}
