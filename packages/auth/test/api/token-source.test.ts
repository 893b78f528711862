import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_REFRESH_MARGIN_MS, TokenSource, describeToken } from '../../src/index.js';
import type { AuthSession } from '../../src/index.js';
import { adminAuth, emulatorClient, freshEmail } from '../helpers/emulator.js';
import { authErrorOf } from '../helpers/expect-auth-error.js';

const admin = adminAuth();
afterAll(() => admin.close());

/** A client and a TokenSource on a hand-driven clock, signed in as a fresh user. */
async function setup(refreshMarginMs?: number) {
  const clock = { now: 1_800_000_000_000 };
  const client = emulatorClient({ now: () => clock.now });
  const email = freshEmail();
  const session = await client.signUp({ email, password: 'secret1' });
  let refreshRequests = 0;
  const counting = {
    refresh: (token: string): Promise<AuthSession> => {
      refreshRequests += 1;
      return client.refresh(token);
    },
  };
  const source = new TokenSource({
    client: counting,
    session,
    now: () => clock.now,
    ...(refreshMarginMs === undefined ? {} : { refreshMarginMs }),
  });
  return { clock, client, session, source, requests: () => refreshRequests };
}

describe('TokenSource against the Auth emulator', () => {
  it('hands out the current token while it is fresh', async () => {
    const { clock, session, source, requests } = await setup();
    expect(await source.getIdToken()).toBe(session.idToken);
    clock.now = session.expiresAt - DEFAULT_REFRESH_MARGIN_MS - 1;
    expect(await source.getIdToken()).toBe(session.idToken);
    expect(requests()).toBe(0);
    expect(source.refreshCount).toBe(0);
  });

  it('refreshes once the token is within the margin of expiry', async () => {
    const { clock, client, session, source, requests } = await setup();
    clock.now = session.expiresAt - DEFAULT_REFRESH_MARGIN_MS;
    const token = await source.getIdToken();
    expect(requests()).toBe(1);
    expect(source.session.expiresAt).toBe(clock.now + 3600 * 1000);
    expect(describeToken(token).subject).toBe(session.uid);
    expect((await client.lookup(token)).uid).toBe(session.uid);
    // The renewed token is fresh again: no further request.
    await source.getIdToken();
    expect(requests()).toBe(1);
  });

  it('honours a custom margin', async () => {
    const { clock, session, source, requests } = await setup(60_000);
    clock.now = session.expiresAt - 60_001;
    await source.getIdToken();
    expect(requests()).toBe(0);
    clock.now = session.expiresAt - 59_999;
    await source.getIdToken();
    expect(requests()).toBe(1);
  });

  it('shares one refresh between concurrent callers', async () => {
    const { clock, session, source, requests } = await setup();
    clock.now = session.expiresAt + 1;
    const tokens = await Promise.all(Array.from({ length: 8 }, () => source.getIdToken()));
    expect(requests()).toBe(1);
    expect(new Set(tokens).size).toBe(1);
  });

  it('refreshes on demand with forceRefresh', async () => {
    const { source, requests } = await setup();
    await source.getIdToken({ forceRefresh: true });
    expect(requests()).toBe(1);
  });

  it('reports a failed refresh to every waiting caller and retries on the next call', async () => {
    const { clock, session, source, requests } = await setup();
    await admin.auth.updateUser(session.uid, { disabled: true });
    clock.now = session.expiresAt;
    const results = await Promise.allSettled([source.getIdToken(), source.getIdToken()]);
    expect(requests()).toBe(1);
    for (const result of results) {
      expect(result.status).toBe('rejected');
      expect((result as PromiseRejectedResult).reason).toMatchObject({ code: 'auth/user-disabled' });
    }
    await admin.auth.updateUser(session.uid, { disabled: false });
    expect(describeToken(await source.getIdToken()).subject).toBe(session.uid);
    expect(requests()).toBe(2);
  });

  it('fails with the refresh error when the account is gone', async () => {
    const { clock, session, source } = await setup();
    await admin.auth.deleteUser(session.uid);
    clock.now = session.expiresAt;
    expect((await authErrorOf(source.getIdToken())).code).toBe('auth/invalid-refresh-token');
  });

  it('rejects a negative margin', async () => {
    const { session, client } = await setup();
    expect(() => new TokenSource({ client, session, refreshMarginMs: -1 })).toThrow(RangeError);
  });
});
