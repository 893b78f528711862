import { AuthError } from '../core/auth-error.js';
import { decodeToken } from '../core/decode-token.js';
import type { AuthEndpoints } from '../core/endpoints.js';
import { authRequest } from './auth-request.js';
import type { FetchFunction } from './auth-request.js';

/** A signed-in user's tokens. */
export interface AuthSession {
  /** The user's id (`localId`), the `{uid}` of database paths. */
  readonly uid: string;
  /** The Firebase ID token to send to the database. */
  readonly idToken: string;
  /** The long-lived token that buys new ID tokens. */
  readonly refreshToken: string;
  /** When `idToken` expires, milliseconds since the epoch, by the client's clock. */
  readonly expiresAt: number;
  /** The account's email, when the answer included it. */
  readonly email?: string | undefined;
}

/** An account as `accounts:lookup` reports it. */
export interface AuthUser {
  /** The user's id. */
  readonly uid: string;
  /** The email address, if the account has one. */
  readonly email: string | undefined;
  /** Whether the address was verified. */
  readonly emailVerified: boolean;
  /** Whether an administrator disabled the account. */
  readonly disabled: boolean;
  /** Custom claims set with firebase-admin, parsed. */
  readonly customClaims: Record<string, unknown>;
  /** Creation time, milliseconds since the epoch. */
  readonly createdAt: number | undefined;
  /** Last sign-in time, milliseconds since the epoch. */
  readonly lastLoginAt: number | undefined;
}

/** How to build an {@link AuthClient}. */
export interface AuthClientOptions {
  /** Where requests go. */
  endpoints: AuthEndpoints;
  /** The transport; the global `fetch` by default. */
  fetch?: FetchFunction;
  /** The clock, milliseconds since the epoch; `Date.now` by default. Used for {@link AuthSession.expiresAt}. */
  now?: () => number;
}

/** Email and password of an account. */
export interface EmailPassword {
  /** The email address. */
  email: string;
  /** The password (6 characters or more). */
  password: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

function num(v: unknown): number | undefined {
  const n = typeof v === 'string' ? Number(v) : v;
  return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}

/**
 * Firebase Auth over REST: the Identity Toolkit `accounts:*` calls and the Secure Token `token`
 * exchange, the same requests the ESP32 firmware sends.
 */
export class AuthClient {
  private readonly endpoints_: AuthEndpoints;
  private readonly fetch_: FetchFunction;
  private readonly now_: () => number;

  /** @param options - endpoints, and optionally the transport and the clock */
  constructor(options: AuthClientOptions) {
    this.endpoints_ = options.endpoints;
    this.fetch_ = options.fetch ?? ((input, init) => fetch(input, init));
    this.now_ = options.now ?? Date.now;
  }

  /**
   * Creates an account (`accounts:signUp`) and signs it in.
   *
   * @param credentials - email and password; omit for an anonymous account
   * @returns the new user's session
   * @throws {@link AuthError} e.g. `auth/email-exists`, `auth/weak-password`, `auth/invalid-email`
   */
  async signUp(credentials?: EmailPassword): Promise<AuthSession> {
    const body = await this.call('accounts:signUp', { ...credentials, returnSecureToken: true });
    return this.session(body, 'idToken', 'refreshToken', 'expiresIn', 'localId');
  }

  /**
   * Signs in with email and password (`accounts:signInWithPassword`).
   *
   * @param credentials - email and password
   * @returns the session
   * @throws {@link AuthError} `auth/email-not-found`, `auth/invalid-password` or
   *   `auth/invalid-login-credentials` (with email-enumeration protection on), `auth/user-disabled`,
   *   `auth/missing-password`
   */
  async signInWithPassword(credentials: EmailPassword): Promise<AuthSession> {
    const body = await this.call('accounts:signInWithPassword', { ...credentials, returnSecureToken: true });
    return this.session(body, 'idToken', 'refreshToken', 'expiresIn', 'localId');
  }

  /**
   * Exchanges a custom token minted by firebase-admin for a session (`accounts:signInWithCustomToken`).
   *
   * @param token - the custom token
   * @returns the session
   * @throws {@link AuthError} `auth/invalid-custom-token`, `auth/credential-mismatch`, `auth/user-disabled`
   */
  async signInWithCustomToken(token: string): Promise<AuthSession> {
    const body = await this.call('accounts:signInWithCustomToken', { token, returnSecureToken: true });
    return this.session(body, 'idToken', 'refreshToken', 'expiresIn', 'localId');
  }

  /**
   * Reads the account behind an ID token (`accounts:lookup`).
   *
   * @param idToken - a valid ID token
   * @returns the account
   * @throws {@link AuthError} `auth/invalid-id-token`, `auth/user-not-found`, `auth/token-expired`
   */
  async lookup(idToken: string): Promise<AuthUser> {
    const body = await this.call('accounts:lookup', { idToken });
    const user = Array.isArray(body['users'])
      ? (body['users'][0] as Record<string, unknown> | undefined)
      : undefined;
    if (user === undefined) throw new AuthError('auth/user-not-found', 'the lookup returned no account');
    let customClaims: Record<string, unknown> = {};
    const rawClaims = str(user['customAttributes']);
    if (rawClaims !== undefined) {
      try {
        customClaims = JSON.parse(rawClaims) as Record<string, unknown>;
      } catch {
        customClaims = {};
      }
    }
    return {
      uid: str(user['localId']) ?? '',
      email: str(user['email']),
      emailVerified: user['emailVerified'] === true,
      disabled: user['disabled'] === true,
      customClaims,
      createdAt: num(user['createdAt']),
      lastLoginAt: num(user['lastLoginAt']),
    };
  }

  /**
   * Exchanges a refresh token for a fresh ID token (Secure Token `token`, `grant_type=refresh_token`).
   *
   * @param refreshToken - the session's refresh token
   * @returns the renewed session (Firebase may rotate the refresh token too)
   * @throws {@link AuthError} `auth/invalid-refresh-token`, `auth/token-expired`, `auth/user-disabled`,
   *   `auth/user-not-found`, `auth/missing-refresh-token`
   */
  async refresh(refreshToken: string): Promise<AuthSession> {
    const url = `${this.endpoints_.secureTokenUrl}/token?key=${encodeURIComponent(this.endpoints_.apiKey)}`;
    const body = await authRequest(
      this.fetch_,
      url,
      { grant_type: 'refresh_token', refresh_token: refreshToken },
      true,
    );
    return this.session(body, 'id_token', 'refresh_token', 'expires_in', 'user_id');
  }

  /**
   * Deletes the signed-in user's own account (`accounts:delete`).
   *
   * @param idToken - the user's ID token
   * @throws {@link AuthError} `auth/invalid-id-token`, `auth/user-not-found`
   */
  async deleteAccount(idToken: string): Promise<void> {
    await this.call('accounts:delete', { idToken });
  }

  private async call(
    method: string,
    body: Record<string, string | boolean>,
  ): Promise<Record<string, unknown>> {
    const url = `${this.endpoints_.identityToolkitUrl}/${method}?key=${encodeURIComponent(this.endpoints_.apiKey)}`;
    return authRequest(this.fetch_, url, body);
  }

  private session(
    body: Record<string, unknown>,
    idKey: string,
    refreshKey: string,
    expiresKey: string,
    uidKey: string,
  ): AuthSession {
    const idToken = str(body[idKey]);
    const refreshToken = str(body[refreshKey]);
    // signInWithCustomToken answers without localId; the token's subject is the uid.
    const uid =
      str(body[uidKey]) ?? (idToken === undefined ? undefined : str(decodeToken(idToken).claims['sub']));
    const expiresIn = num(body[expiresKey]);
    if (idToken === undefined || refreshToken === undefined || uid === undefined || expiresIn === undefined) {
      throw new AuthError(
        'auth/unexpected-response',
        `the answer lacks ${[idKey, refreshKey, expiresKey].filter((k) => body[k] === undefined).join(', ') || 'a user id'}`,
      );
    }
    return {
      uid,
      idToken,
      refreshToken,
      expiresAt: this.now_() + expiresIn * 1000,
      email: str(body['email']),
    };
  }
}
