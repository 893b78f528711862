import { describe, expect, it } from 'vitest';
import { resolveCredential } from '../../src/core/credentials.js';
import { isRtdbError } from '../../src/core/rtdb-error.js';

function jwt(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'none', typ: 'JWT' },
): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(claims)}.`;
}

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return isRtdbError(error) ? error.code : 'other';
  }
  return undefined;
}

const now = 1_800_000_000_000;

describe('resolveCredential', () => {
  it('treats no token as unauthenticated and owner as admin', () => {
    expect(resolveCredential(undefined, { now })).toEqual({ admin: false, auth: null, now });
    expect(resolveCredential('owner', { now })).toEqual({ admin: true, auth: null, now });
  });

  it('turns emulator ID token claims into auth', () => {
    const token = jwt({
      sub: 'u1',
      user_id: 'u1',
      iat: now / 1000 - 10,
      exp: now / 1000 + 3600,
      email: 'a@b.c',
      firebase: { sign_in_provider: 'password' },
    });
    const ctx = resolveCredential(token, { now });
    expect(ctx.admin).toBe(false);
    expect(ctx.auth?.uid).toBe('u1');
    expect(ctx.auth?.provider).toBe('password');
    expect(ctx.auth?.token['email']).toBe('a@b.c');
    expect(ctx.expiresAt).toBe(now + 3600 * 1000);
  });

  it('refuses expired tokens, but not mock tokens with iat 0', () => {
    const expired = jwt({ sub: 'u1', iat: now / 1000 - 7200, exp: now / 1000 - 3600 });
    expect(codeOf(() => resolveCredential(expired, { now }))).toBe('rtdb/invalid-token');
    const mock = jwt({ sub: 'u2', iat: 0, exp: 3600 });
    expect(resolveCredential(mock, { now }).auth?.uid).toBe('u2');
  });

  it('refuses garbage and tokens without a user', () => {
    for (const bad of ['nonsense', 'a.b.c', jwt({ iat: 1 }), `${jwt({ sub: 'x' }).slice(0, -5)}!!!.`]) {
      expect(codeOf(() => resolveCredential(bad, { now }))).toBe('rtdb/invalid-token');
    }
  });

  it('applies auth_variable_override to admin credentials only', () => {
    const ctx = resolveCredential('owner', { now, authVariableOverride: '{"uid":"alice","custom":1}' });
    expect(ctx.admin).toBe(false);
    expect(ctx.auth).toMatchObject({ uid: 'alice', custom: 1 });
    expect(resolveCredential('owner', { now, authVariableOverride: 'null' }).auth).toBeNull();
    expect(codeOf(() => resolveCredential(undefined, { now, authVariableOverride: '{}' }))).toBe(
      'rtdb/invalid-token',
    );
    expect(codeOf(() => resolveCredential('owner', { now, authVariableOverride: '{bad' }))).toBe(
      'rtdb/invalid-token',
    );
  });
});
