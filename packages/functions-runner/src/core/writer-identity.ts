/**
 * Who made a database write, as the local RTDB's write feed reports it: the owner credential
 * (admin SDK, `auth=owner`), a signed-in user with its token claims, no credential at all, or
 * `unknown` (the server wrote it itself).
 */
export type WriterIdentity =
  | {
      /** Admin: rules did not apply. */
      readonly type: 'admin';
    }
  | {
      /** A signed-in user. */
      readonly type: 'user';
      /** The user's uid. */
      readonly uid: string;
      /** Sign-in provider (`password`, `custom`, `anonymous`…). */
      readonly provider: string;
      /** Every claim of the user's ID token. */
      readonly token: Readonly<Record<string, unknown>>;
    }
  | {
      /** No credential. */
      readonly type: 'unauthenticated';
    }
  | {
      /** Not known. */
      readonly type: 'unknown';
    };

/** Reads a writer identity from the feed's JSON; anything unexpected is `unknown`. */
export function parseWriterIdentity(value: unknown): WriterIdentity {
  const v = value as { type?: unknown; uid?: unknown; provider?: unknown; token?: unknown } | null;
  if (v === null || typeof v !== 'object') return { type: 'unknown' };
  if (v.type === 'admin' || v.type === 'unauthenticated') return { type: v.type };
  if (v.type === 'user' && typeof v.uid === 'string') {
    return {
      type: 'user',
      uid: v.uid,
      provider: typeof v.provider === 'string' ? v.provider : 'custom',
      token: v.token !== null && typeof v.token === 'object' ? (v.token as Record<string, unknown>) : {},
    };
  }
  return { type: 'unknown' };
}

/** One short phrase for logs: `admin`, `user u1 (password)`, `unauthenticated`, `unknown`. */
export function describeWriter(writer: WriterIdentity): string {
  return writer.type === 'user' ? `user ${writer.uid} (${writer.provider})` : writer.type;
}
