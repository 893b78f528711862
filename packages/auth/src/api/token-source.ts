import type { AuthClient, AuthSession } from '../rest/auth-client.js';

/** How to build a {@link TokenSource}. */
export interface TokenSourceOptions {
  /** Performs the refresh; an {@link AuthClient} (only `refresh` is used). */
  client: Pick<AuthClient, 'refresh'>;
  /** The session to start from, e.g. the result of `signInWithPassword`. */
  session: AuthSession;
  /** Refresh this many milliseconds before expiry; default 5 minutes, like the Firebase SDKs. */
  refreshMarginMs?: number;
  /** The clock, milliseconds since the epoch; `Date.now` by default. */
  now?: () => number;
}

/** Default refresh margin: five minutes. */
export const DEFAULT_REFRESH_MARGIN_MS = 5 * 60 * 1000;

/**
 * Hands out a valid ID token, refreshing it ahead of expiry.
 *
 * Concurrent callers that find the token stale share one refresh request. A failed refresh is
 * reported to every waiting caller and the next call tries again.
 */
export class TokenSource {
  private session_: AuthSession;
  private pending_: Promise<AuthSession> | undefined;
  private readonly client_: Pick<AuthClient, 'refresh'>;
  private readonly marginMs_: number;
  private readonly now_: () => number;
  private refreshes_ = 0;

  /** @param options - client, initial session, margin and clock */
  constructor(options: TokenSourceOptions) {
    const margin = options.refreshMarginMs ?? DEFAULT_REFRESH_MARGIN_MS;
    if (!Number.isFinite(margin) || margin < 0) {
      throw new RangeError(`refreshMarginMs must be a non-negative number, got ${margin}`);
    }
    this.client_ = options.client;
    this.session_ = options.session;
    this.marginMs_ = margin;
    this.now_ = options.now ?? Date.now;
  }

  /** The latest session, possibly stale; {@link TokenSource.getIdToken} is the way to get a usable token. */
  get session(): AuthSession {
    return this.session_;
  }

  /** How many refresh requests were sent so far. */
  get refreshCount(): number {
    return this.refreshes_;
  }

  /**
   * Returns an ID token that stays valid for at least the refresh margin.
   *
   * @param options - `forceRefresh` to refresh even when the token is fresh (e.g. after custom claims changed)
   * @returns the ID token
   * @throws {@link AuthError} from the refresh, e.g. `auth/user-disabled`, `auth/invalid-refresh-token`
   */
  async getIdToken(options: { forceRefresh?: boolean } = {}): Promise<string> {
    if (!options.forceRefresh && this.now_() < this.session_.expiresAt - this.marginMs_) {
      return this.session_.idToken;
    }
    return (await this.refreshOnce()).idToken;
  }

  private refreshOnce(): Promise<AuthSession> {
    if (this.pending_ === undefined) {
      this.refreshes_ += 1;
      this.pending_ = this.client_
        .refresh(this.session_.refreshToken)
        .then((next) => {
          this.session_ = next;
          return next;
        })
        .finally(() => {
          this.pending_ = undefined;
        });
    }
    return this.pending_;
  }
}
