import { decodeToken } from './decode-token.js';

/** What a token is, as far as its shape tells. */
export type TokenKind = 'firebase-id-token' | 'firebase-custom-token' | 'google-access-token' | 'unknown-jwt';

/** A token explained for people. Nothing here is verified. */
export interface TokenDescription {
  /** What kind of token this is. */
  readonly kind: TokenKind;
  /** JOSE header (empty for opaque tokens). */
  readonly header: Record<string, unknown>;
  /** Claims (empty for opaque tokens). */
  readonly claims: Record<string, unknown>;
  /** True when the token carries no signature (`alg: none`), as the Auth emulator issues them. */
  readonly unsigned: boolean;
  /** `iss` claim. */
  readonly issuer: string | undefined;
  /** `aud` claim. */
  readonly audience: string | undefined;
  /** `sub` claim: the user id for Firebase ID tokens. */
  readonly subject: string | undefined;
  /** `iat` as a date. */
  readonly issuedAt: Date | undefined;
  /** `exp` as a date. */
  readonly expiresAt: Date | undefined;
  /** Seconds until expiry at the given time (negative once expired). */
  readonly secondsLeft: number | undefined;
  /** True when `exp` is in the past at the given time. */
  readonly expired: boolean;
  /** A few sentences explaining the token. */
  readonly explanation: string;
}

const CUSTOM_TOKEN_AUDIENCE =
  'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit';

const ID_TOKEN_TEXT =
  'A Firebase ID token: a JWT that proves who the user is. Firebase services (Realtime Database, ' +
  'Firestore, Functions) accept it as `?auth=` or `Authorization: Bearer`; it lasts one hour and is ' +
  'renewed with the refresh token. It is not an OAuth access token: it says who you are, not which ' +
  "Google APIs you may call. (Secure Token's `access_token` field holds this same ID token.)";
const CUSTOM_TOKEN_TEXT =
  'A Firebase custom token: a JWT your own server (firebase-admin) signs for a uid. It cannot be ' +
  'used with the database directly; exchange it with signInWithCustomToken for an ID token and a ' +
  'refresh token. It must be used within one hour.';
const ACCESS_TOKEN_TEXT =
  'A Google OAuth 2.0 access token: opaque (not a JWT, nothing to decode), it grants a service ' +
  'account or user the right to call Google APIs within its scopes. firebase-admin uses one to act ' +
  'as administrator. It is not a Firebase ID token and does not identify an end user to rules.';
const UNKNOWN_TEXT = 'A JWT that is neither a Firebase ID token nor a Firebase custom token.';

function text(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function date(v: unknown): Date | undefined {
  return typeof v === 'number' && Number.isFinite(v) ? new Date(v * 1000) : undefined;
}

/**
 * Explains a token: what it is, who issued it, for whom, and when it expires.
 *
 * The teaching aid for "ID token vs access token". Recognises Firebase ID tokens
 * (`iss` = `https://securetoken.google.com/<project>`), Firebase custom tokens, and Google OAuth
 * access tokens (`ya29.…`, opaque). Unsigned emulator tokens are described like signed ones.
 *
 * @param token - the token text
 * @param now - the current time in milliseconds since the epoch, for expiry
 * @returns the description
 * @throws {@link AuthError} `auth/malformed-token` when it is neither a JWT nor an OAuth access token
 */
export function describeToken(token: string, now: number = Date.now()): TokenDescription {
  if (typeof token === 'string' && token.startsWith('ya29.') && token.split('.').length !== 3) {
    return {
      kind: 'google-access-token',
      header: {},
      claims: {},
      unsigned: false,
      issuer: undefined,
      audience: undefined,
      subject: undefined,
      issuedAt: undefined,
      expiresAt: undefined,
      secondsLeft: undefined,
      expired: false,
      explanation: ACCESS_TOKEN_TEXT,
    };
  }
  const { header, claims, signature } = decodeToken(token);
  const issuer = text(claims['iss']);
  const audience = Array.isArray(claims['aud']) ? text(claims['aud'][0]) : text(claims['aud']);
  const expiresAt = date(claims['exp']);
  const secondsLeft = expiresAt === undefined ? undefined : Math.floor((expiresAt.getTime() - now) / 1000);
  let kind: TokenKind = 'unknown-jwt';
  if (issuer?.startsWith('https://securetoken.google.com/')) kind = 'firebase-id-token';
  else if (audience === CUSTOM_TOKEN_AUDIENCE) kind = 'firebase-custom-token';
  const unsigned = header['alg'] === 'none' || signature === '';
  const lines = [
    kind === 'firebase-id-token'
      ? ID_TOKEN_TEXT
      : kind === 'firebase-custom-token'
        ? CUSTOM_TOKEN_TEXT
        : UNKNOWN_TEXT,
  ];
  if (issuer !== undefined)
    lines.push(`Issued by ${issuer}${audience === undefined ? '' : ` for ${audience}`}.`);
  if (expiresAt !== undefined && secondsLeft !== undefined) {
    lines.push(
      secondsLeft >= 0
        ? `Expires at ${expiresAt.toISOString()} (in ${secondsLeft} s).`
        : `Expired at ${expiresAt.toISOString()} (${-secondsLeft} s ago).`,
    );
  }
  if (unsigned) lines.push('Unsigned (alg "none"): issued by the Auth emulator; real Firebase rejects it.');
  return {
    kind,
    header,
    claims,
    unsigned,
    issuer,
    audience,
    subject: text(claims['sub']),
    issuedAt: date(claims['iat']),
    expiresAt,
    secondsLeft,
    expired: secondsLeft !== undefined && secondsLeft < 0,
    explanation: lines.join(' '),
  };
}
