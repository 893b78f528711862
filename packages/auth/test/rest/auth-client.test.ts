import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { findFreePort } from '@iotkit/backend';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthClient, describeToken, emulatorEndpoints } from '../../src/index.js';
import { adminAuth, emulatorClient, emulatorUrl, freshEmail } from '../helpers/emulator.js';
import { authErrorOf } from '../helpers/expect-auth-error.js';

const admin = adminAuth();
afterAll(() => admin.close());

describe('AuthClient against the Auth emulator', () => {
  const client = emulatorClient();

  describe('signUp()', () => {
    it('creates an account whose ID token names the user and the project', async () => {
      const now = 1_800_000_000_000;
      const email = freshEmail();
      const session = await emulatorClient({ now: () => now }).signUp({ email, password: 'secret1' });
      expect(session.uid).toMatch(/^\w{20,}$/);
      expect(session.email).toBe(email);
      expect(session.refreshToken.length).toBeGreaterThan(10);
      expect(session.expiresAt).toBe(now + 3600 * 1000);
      const token = describeToken(session.idToken);
      expect(token.kind).toBe('firebase-id-token');
      expect(token.subject).toBe(session.uid);
      expect(token.audience).toBe('demo-iotkit');
      expect(token.issuer).toBe('https://securetoken.google.com/demo-iotkit');
      expect(token.unsigned).toBe(true);
      expect((await admin.auth.getUser(session.uid)).email).toBe(email);
    });

    it('creates an anonymous account without credentials', async () => {
      const session = await client.signUp();
      expect(session.email).toBeUndefined();
      expect((await client.lookup(session.idToken)).uid).toBe(session.uid);
    });

    it('refuses an email that is taken', async () => {
      const email = freshEmail();
      await client.signUp({ email, password: 'secret1' });
      const error = await authErrorOf(client.signUp({ email, password: 'other-secret' }));
      expect(error.code).toBe('auth/email-exists');
      expect(error.status).toBe(400);
    });

    it('refuses a weak password and keeps Firebase’s explanation', async () => {
      const error = await authErrorOf(client.signUp({ email: freshEmail(), password: '123' }));
      expect(error.code).toBe('auth/weak-password');
      expect(error.firebaseMessage).toBe('WEAK_PASSWORD : Password should be at least 6 characters');
      expect(error.message).toContain('Password should be at least 6 characters');
    });

    it('refuses a malformed email', async () => {
      expect((await authErrorOf(client.signUp({ email: 'not-an-email', password: 'secret1' }))).code).toBe(
        'auth/invalid-email',
      );
    });
  });

  describe('signInWithPassword()', () => {
    const email = freshEmail();
    let uid = '';
    beforeAll(async () => {
      uid = (await client.signUp({ email, password: 'right-password' })).uid;
    });

    it('signs in with the right password', async () => {
      const session = await client.signInWithPassword({ email, password: 'right-password' });
      expect(session.uid).toBe(uid);
      expect(describeToken(session.idToken).claims['email']).toBe(email);
    });

    it('rejects a wrong password with the code the emulator really sends', async () => {
      // The emulator's email-enumeration protection is off by default, so it names the password.
      const error = await authErrorOf(client.signInWithPassword({ email, password: 'wrong-password' }));
      expect(error.code).toBe('auth/invalid-password');
      expect(error.firebaseMessage).toBe('INVALID_PASSWORD');
    });

    it('rejects an unknown email', async () => {
      const error = await authErrorOf(
        client.signInWithPassword({ email: freshEmail(), password: 'whatever' }),
      );
      expect(error.code).toBe('auth/email-not-found');
    });

    it('rejects a missing password', async () => {
      const error = await authErrorOf(client.signInWithPassword({ email, password: '' }));
      expect(error.code).toBe('auth/missing-password');
    });

    it('rejects a disabled account, on sign-in and on refresh', async () => {
      const victim = freshEmail();
      const session = await client.signUp({ email: victim, password: 'secret1' });
      await admin.auth.updateUser(session.uid, { disabled: true });
      expect(
        (await authErrorOf(client.signInWithPassword({ email: victim, password: 'secret1' }))).code,
      ).toBe('auth/user-disabled');
      expect((await authErrorOf(client.refresh(session.refreshToken))).code).toBe('auth/user-disabled');
    });
  });

  describe('signInWithCustomToken()', () => {
    it('exchanges a firebase-admin custom token for a session carrying its claims', async () => {
      const uid = `device-${Date.now()}`;
      const custom = await admin.auth.createCustomToken(uid, { role: 'device' });
      expect(describeToken(custom).kind).toBe('firebase-custom-token');
      const session = await client.signInWithCustomToken(custom);
      expect(session.uid).toBe(uid);
      const claims = describeToken(session.idToken).claims;
      expect(claims['role']).toBe('device');
      expect((claims['firebase'] as { sign_in_provider?: string }).sign_in_provider).toBe('custom');
    });

    it('rejects garbage', async () => {
      const error = await authErrorOf(client.signInWithCustomToken('not-a-token'));
      expect(error.code).toBe('auth/invalid-custom-token');
    });
  });

  describe('refresh()', () => {
    it('exchanges a refresh token for a new ID token of the same user', async () => {
      let now = 1_800_000_000_000;
      const clocked = emulatorClient({ now: () => now });
      const first = await clocked.signUp({ email: freshEmail(), password: 'secret1' });
      now += 50 * 60 * 1000;
      const next = await clocked.refresh(first.refreshToken);
      expect(next.uid).toBe(first.uid);
      expect(next.expiresAt).toBe(now + 3600 * 1000);
      expect((await client.lookup(next.idToken)).uid).toBe(first.uid);
    });

    it('rejects a garbage refresh token', async () => {
      const error = await authErrorOf(client.refresh('garbage'));
      expect(error.code).toBe('auth/invalid-refresh-token');
    });

    it('rejects the refresh token of a deleted account', async () => {
      const session = await client.signUp({ email: freshEmail(), password: 'secret1' });
      await admin.auth.deleteUser(session.uid);
      expect((await authErrorOf(client.refresh(session.refreshToken))).code).toBe(
        'auth/invalid-refresh-token',
      );
    });

    it('rejects an ID token issued before the tokens were revoked', async () => {
      const session = await client.signUp({ email: freshEmail(), password: 'secret1' });
      // validSince has one-second resolution: make sure the revocation is strictly later.
      await new Promise((resolve) => setTimeout(resolve, 1100));
      await admin.auth.revokeRefreshTokens(session.uid);
      expect((await authErrorOf(client.lookup(session.idToken))).code).toBe('auth/token-expired');
    });
  });

  describe('lookup() and deleteAccount()', () => {
    it('reports the account, custom claims included', async () => {
      const email = freshEmail();
      const { uid } = await client.signUp({ email, password: 'secret1' });
      await admin.auth.setCustomUserClaims(uid, { course: 'iot' });
      const session = await client.signInWithPassword({ email, password: 'secret1' });
      const user = await client.lookup(session.idToken);
      expect(user).toMatchObject({
        uid,
        email,
        emailVerified: false,
        disabled: false,
        customClaims: { course: 'iot' },
      });
      expect(user.createdAt).toBeGreaterThan(0);
    });

    it('rejects a garbage ID token', async () => {
      expect((await authErrorOf(client.lookup('garbage'))).code).toBe('auth/invalid-id-token');
    });

    it('deletes the account so it can no longer be looked up or signed into', async () => {
      const email = freshEmail();
      const session = await client.signUp({ email, password: 'secret1' });
      await client.deleteAccount(session.idToken);
      expect((await authErrorOf(client.lookup(session.idToken))).code).toBe('auth/user-not-found');
      expect((await authErrorOf(client.signInWithPassword({ email, password: 'secret1' }))).code).toBe(
        'auth/email-not-found',
      );
    });
  });

  describe('transport failures', () => {
    it('reports a missing API key', async () => {
      const keyless = new AuthClient({ endpoints: emulatorEndpoints(emulatorUrl(), '') });
      const error = await authErrorOf(keyless.signUp());
      expect(error.code).toBe('auth/missing-api-key');
      expect(error.status).toBe(403);
    });

    it('reports a server that is not there as a network error', async () => {
      const port = await findFreePort();
      const nowhere = new AuthClient({ endpoints: emulatorEndpoints(`http://127.0.0.1:${port}`) });
      const error = await authErrorOf(nowhere.signInWithPassword({ email: 'a@b.co', password: 'secret1' }));
      expect(error.code).toBe('auth/network-error');
      expect(error.message).toContain(`127.0.0.1:${port}`);
    });

    it('reports a non-JSON answer as unexpected', async () => {
      const server = createServer((_req, res) =>
        res.writeHead(502, { 'content-type': 'text/html' }).end('<h1>Bad gateway</h1>'),
      );
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      try {
        const { port } = server.address() as AddressInfo;
        const proxy = new AuthClient({ endpoints: emulatorEndpoints(`http://127.0.0.1:${port}`) });
        const error = await authErrorOf(proxy.refresh('anything'));
        expect(error.code).toBe('auth/unexpected-response');
        expect(error.status).toBe(502);
      } finally {
        await new Promise((resolve) => server.close(resolve));
      }
    });
  });
});
