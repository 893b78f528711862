import { AuthError } from './auth-error.js';

/** The readable parts of a JSON Web Token. Nothing here is verified. */
export interface DecodedToken {
  /** The JOSE header, e.g. `{ alg: 'RS256', kid: '…', typ: 'JWT' }` (`alg: 'none'` from the emulator). */
  readonly header: Record<string, unknown>;
  /** The claims (payload). */
  readonly claims: Record<string, unknown>;
  /** The signature segment as sent, base64url; empty for unsigned emulator tokens. */
  readonly signature: string;
}

function decodeSegment(segment: string, which: string): Record<string, unknown> {
  if (!/^[A-Za-z0-9_-]+={0,2}$/.test(segment)) {
    throw new AuthError('auth/malformed-token', `the token's ${which} is not base64url`);
  }
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
  } catch (cause) {
    throw new AuthError('auth/malformed-token', `the token's ${which} is not JSON`, { cause });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new AuthError('auth/malformed-token', `the token's ${which} is not a JSON object`);
  }
  return value as Record<string, unknown>;
}

/**
 * Splits a JWT into header, claims and signature without checking the signature.
 *
 * Works on signed Google tokens and on the emulator's unsigned ones (`alg: none`, empty
 * signature). Only for inspection: never trust claims decoded here for access decisions.
 *
 * @param token - a JWT such as a Firebase ID token or a custom token
 * @returns its parts
 * @throws {@link AuthError} `auth/malformed-token` when it is not three dot-separated segments
 *   whose first two are base64url JSON objects
 */
export function decodeToken(token: string): DecodedToken {
  if (typeof token !== 'string' || token.trim() === '') {
    throw new AuthError('auth/malformed-token', 'the token is empty');
  }
  const parts = token.trim().split('.');
  if (parts.length !== 3) {
    const hint = token.startsWith('ya29.')
      ? ' (it looks like a Google OAuth access token, which is opaque, not a JWT)'
      : '';
    throw new AuthError(
      'auth/malformed-token',
      `a JWT has 3 dot-separated parts, this has ${parts.length}${hint}`,
    );
  }
  const [header = '', claims = '', signature = ''] = parts;
  return {
    header: decodeSegment(header, 'header'),
    claims: decodeSegment(claims, 'claims'),
    signature,
  };
}
