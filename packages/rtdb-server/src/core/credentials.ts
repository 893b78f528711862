import type { AuthInfo, RequestContext } from './request-context.js';
import { RtdbError } from './rtdb-error.js';

/** The admin token of the emulators. */
export const OWNER_TOKEN = 'owner';

/** Options for {@link resolveCredential}. */
export interface ResolveCredentialOptions {
  /** Server time in ms (expiry check, `RequestContext.now`). */
  now: number;
  /** Raw `auth_variable_override` JSON: an admin credential then acts as this `auth` (`null` = unauthenticated). */
  authVariableOverride?: string;
}

/**
 * Turns the credential of a request (REST `auth=`/`access_token=`/`Bearer`, realtime
 * `auth`/`gauth`) into a {@link RequestContext}:
 * - none → unauthenticated; `owner` → admin;
 * - a JWT → its claims become `auth` (signatures are not checked: the Auth emulator's tokens are
 *   unsigned, and the server has no key material). A token whose `exp` has passed is refused,
 *   unless its `iat` is 0, as the SDK's mock user tokens have;
 * - anything else → `rtdb/invalid-token`.
 */
export function resolveCredential(
  token: string | undefined,
  options: ResolveCredentialOptions,
): RequestContext {
  const now = options.now;
  let context: RequestContext;
  if (token === undefined || token === '') context = { admin: false, auth: null, now };
  else if (token === OWNER_TOKEN) context = { admin: true, auth: null, now };
  else context = fromJwt(token, now);
  if (options.authVariableOverride !== undefined) {
    if (!context.admin) {
      throw new RtdbError('rtdb/invalid-token', 'auth_variable_override requires an admin credential');
    }
    return { admin: false, auth: parseOverride(options.authVariableOverride), now };
  }
  return context;
}

function decodeSegment(segment: string): unknown {
  if (!/^[A-Za-z0-9_=-]*$/.test(segment)) throw new Error('not base64url');
  return JSON.parse(Buffer.from(segment, 'base64url').toString('utf8'));
}

function fromJwt(token: string, now: number): RequestContext {
  const parts = token.split('.');
  let claims: Record<string, unknown>;
  try {
    if (parts.length !== 3) throw new Error('not a JWT');
    const header = decodeSegment(parts[0]!);
    const payload = decodeSegment(parts[1]!);
    if (!isObject(header) || !isObject(payload)) throw new Error('not a JWT object');
    claims = payload;
  } catch {
    throw new RtdbError('rtdb/invalid-token', 'Could not parse auth token.');
  }
  const iat = typeof claims['iat'] === 'number' ? claims['iat'] : 0;
  const exp = typeof claims['exp'] === 'number' ? claims['exp'] : undefined;
  const expiresAt = exp !== undefined && iat > 0 ? exp * 1000 : undefined;
  if (expiresAt !== undefined && expiresAt <= now) {
    throw new RtdbError('rtdb/invalid-token', 'Auth token is expired');
  }
  // Legacy custom tokens carry the auth object in claim `d`.
  const legacy = isObject(claims['d']) ? claims['d'] : undefined;
  const uid = firstString(claims['sub'], claims['user_id'], legacy?.['uid']);
  if (uid === undefined) throw new RtdbError('rtdb/invalid-token', 'Auth token has no user id (sub claim).');
  const firebase = isObject(claims['firebase']) ? claims['firebase'] : {};
  const provider = firstString(firebase['sign_in_provider'], legacy?.['provider']) ?? 'custom';
  const auth: AuthInfo = { uid, provider, token: claims };
  return expiresAt === undefined ? { admin: false, auth, now } : { admin: false, auth, now, expiresAt };
}

function parseOverride(text: string): AuthInfo | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new RtdbError('rtdb/invalid-token', 'auth_variable_override is not valid JSON');
  }
  if (value === null) return null;
  if (!isObject(value))
    throw new RtdbError('rtdb/invalid-token', 'auth_variable_override must be a JSON object or null');
  // Rules see the override object as `auth` as given; keep uid/provider/token slots filled.
  const uid = typeof value['uid'] === 'string' ? value['uid'] : '';
  const provider = typeof value['provider'] === 'string' ? value['provider'] : 'custom';
  const token = isObject(value['token']) ? value['token'] : {};
  return { ...value, uid, provider, token } as AuthInfo;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function firstString(...values: unknown[]): string | undefined {
  for (const value of values) if (typeof value === 'string' && value.length > 0) return value;
  return undefined;
}
