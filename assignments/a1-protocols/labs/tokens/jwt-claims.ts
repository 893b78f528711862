/**
 * JWTs and the claims of a Firebase ID token (lab `tokens`, row 2).
 *
 * A JWT is `header.payload.signature`, each part base64url without padding; header and payload are
 * JSON. A Firebase ID token for project `P` is valid when `iss` is
 * `https://securetoken.google.com/P`, `aud` is `P`, `exp` is in the future, `iat` and `auth_time`
 * are not in the future, and `sub` (the user id) is a non-empty string of at most 128 characters.
 * Checking the signature needs Google's public keys and is left to the Admin SDK; the Auth
 * emulator does not sign its tokens at all.
 */

/** A decoded JWT. */
export interface DecodedJwt {
  header: Record<string, unknown>;
  payload: Record<string, unknown>;
  /** The third part as it was (base64url), possibly empty. */
  signature: string;
}

/** What {@link validateIdTokenClaims} checks against. */
export interface ClaimCheck {
  /** The Firebase project id, e.g. `demo-iotkit`. */
  projectId: string;
  /** The current time in seconds since 1970. */
  nowSeconds: number;
}

/**
 * Splits and decodes a JWT.
 * @param token - the compact JWT
 * @throws Error whose message starts with `malformed JWT:` when it has not three parts or a part is
 *   not base64url JSON
 */
export function decodeJwt(token: string): DecodedJwt {
  // BEGIN SOLUTION: split on ".", expect 3 parts; Buffer.from(part, "base64url") then JSON.parse header and payload; both must be objects
  const parts = token.split('.');
  if (parts.length !== 3) throw new Error(`malformed JWT: expected 3 parts, got ${parts.length}`);
  const json = (part: string, what: string): Record<string, unknown> => {
    if (!/^[A-Za-z0-9_-]*$/.test(part)) throw new Error(`malformed JWT: the ${what} is not base64url`);
    let value: unknown;
    try {
      value = JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
    } catch {
      throw new Error(`malformed JWT: the ${what} is not JSON`);
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new Error(`malformed JWT: the ${what} is not a JSON object`);
    return value as Record<string, unknown>;
  };
  return { header: json(parts[0]!, 'header'), payload: json(parts[1]!, 'payload'), signature: parts[2]! };
  // END SOLUTION
}

/**
 * The claims of an ID token payload that are wrong, by name, in the order `iss`, `aud`, `exp`,
 * `iat`, `auth_time`, `sub`; empty when the token may be accepted.
 * @param payload - a decoded payload
 * @param check - project id and current time
 */
export function validateIdTokenClaims(payload: Record<string, unknown>, check: ClaimCheck): string[] {
  // BEGIN SOLUTION: compare iss/aud with the project, exp > now, iat <= now, auth_time <= now, sub a non-empty string of at most 128 chars
  const wrong: string[] = [];
  const num = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
  if (payload['iss'] !== `https://securetoken.google.com/${check.projectId}`) wrong.push('iss');
  if (payload['aud'] !== check.projectId) wrong.push('aud');
  if (!num(payload['exp']) || payload['exp'] <= check.nowSeconds) wrong.push('exp');
  if (!num(payload['iat']) || payload['iat'] > check.nowSeconds) wrong.push('iat');
  if (!num(payload['auth_time']) || payload['auth_time'] > check.nowSeconds) wrong.push('auth_time');
  const sub = payload['sub'];
  if (typeof sub !== 'string' || sub.length === 0 || sub.length > 128) wrong.push('sub');
  return wrong;
  // END SOLUTION
}
