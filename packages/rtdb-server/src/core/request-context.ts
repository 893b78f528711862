/** The `auth` variable of rules: who a non-admin request acts as. */
export interface AuthInfo {
  /** User id (`sub`/`user_id` claim). */
  uid: string;
  /** Sign-in provider (`firebase.sign_in_provider`), e.g. `password`, `custom`, `anonymous`. */
  provider: string;
  /** Every claim of the token. */
  token: Record<string, unknown>;
}

/** Who is asking, and when. */
export interface RequestContext {
  /** Admin requests (token `owner`, OAuth access tokens) bypass rules. */
  admin: boolean;
  /** The identity rules see as `auth`; `null` when unauthenticated. */
  auth: AuthInfo | null;
  /** Server time of the request in ms (rules' `now`, server timestamps). */
  now: number;
  /** When the credential stops being valid (ms since epoch), if it expires. Streams end then. */
  expiresAt?: number;
}
