/** A token source with a `getToken(forceRefresh)` method (the shape most callers write by hand). */
export interface GetTokenSource {
  /**
   * A current ID token. `forceRefresh` asks for a new one even if the cached one looks valid: the
   * client passes `true` after the server said the token was expired or revoked.
   */
  getToken(forceRefresh?: boolean): Promise<string>;
}

/** A token source shaped like `@iotkit/auth`'s `TokenSource` (and the SDKs' `User.getIdToken`). */
export interface GetIdTokenSource {
  /** A current ID token; `forceRefresh` as for {@link GetTokenSource.getToken}. */
  getIdToken(options?: { forceRefresh?: boolean }): Promise<string>;
}

/**
 * Where the client gets a Firebase ID token for `auth=`. Either shape works, so an `@iotkit/auth`
 * `TokenSource` can be passed in directly, as can any object with a `getToken(forceRefresh)`
 * method (a fixed token, a token read from a file, …).
 */
export type TokenSource = GetTokenSource | GetIdTokenSource;

/** Asks either kind of token source for a token. */
export function fetchToken(source: TokenSource, forceRefresh: boolean): Promise<string> {
  return 'getIdToken' in source ? source.getIdToken({ forceRefresh }) : source.getToken(forceRefresh);
}
