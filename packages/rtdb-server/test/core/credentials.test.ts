import { describe, expect, it } from 'vitest';
import { OWNER_TOKEN, resolveCredential } from '../../src/core/credentials.js';
import { thrownCode as codeOf, thrownError as errorOf } from './thrown-error.js';

function jwt(
  claims: Record<string, unknown>,
  header: Record<string, unknown> = { alg: 'none', typ: 'JWT' },
): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part(header)}.${part(claims)}.`;
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

/** A token from raw header and payload texts (already base64url or not), with an empty signature. */
function rawToken(header: string, payload: string): string {
  const part = (text: string) => Buffer.from(text).toString('base64url');
  return `${part(header)}.${part(payload)}.`;
}

const nowSeconds = now / 1000;
const parseError = { code: 'rtdb/invalid-token', message: 'Could not parse auth token.' };

describe('resolveCredential: no credential and the owner token', () => {
  it.each([[undefined], ['']])('treats %j as unauthenticated', (token) => {
    expect(resolveCredential(token, { now })).toStrictEqual({ admin: false, auth: null, now });
  });

  it('makes the owner token an admin with no auth', () => {
    expect(OWNER_TOKEN).toBe('owner');
    expect(resolveCredential('owner', { now: 5 })).toStrictEqual({ admin: true, auth: null, now: 5 });
  });

  it.each([['Owner'], ['owner '], ['admin']])('does not treat %j as the owner', (token) => {
    expect(errorOf(() => resolveCredential(token, { now }))).toEqual(parseError);
  });
});

describe('resolveCredential: token shape', () => {
  const claims = { sub: 'u1' };

  it('accepts a three-part token with an empty or any signature', () => {
    expect(resolveCredential(jwt(claims), { now })).toStrictEqual({
      admin: false,
      auth: { uid: 'u1', provider: 'custom', token: { sub: 'u1' } },
      now,
    });
    expect(resolveCredential(`${jwt(claims)}c2lnbmF0dXJl`, { now }).auth?.uid).toBe('u1');
  });

  it.each([
    ['two parts', () => jwt(claims).slice(0, -1)],
    ['four parts', () => `${jwt(claims)}sig.extra`],
    ['one part', () => Buffer.from(JSON.stringify(claims)).toString('base64url')],
    ['an array header', () => rawToken('[]', '{"sub":"u1"}')],
    ['a null header', () => rawToken('null', '{"sub":"u1"}')],
    ['a string header', () => rawToken('"JWT"', '{"sub":"u1"}')],
    ['an array payload', () => rawToken('{}', '[{"sub":"u1"}]')],
    ['a number payload', () => rawToken('{}', '42')],
    ['a null payload', () => rawToken('{}', 'null')],
    ['a payload that is not JSON', () => rawToken('{}', '{sub:u1}')],
    ['a header that is not JSON', () => rawToken('{alg', '{"sub":"u1"}')],
    ['an empty header', () => `.${Buffer.from('{"sub":"u1"}').toString('base64url')}.`],
  ])('refuses %s', (_label, token) => {
    expect(errorOf(() => resolveCredential(token(), { now }))).toEqual(parseError);
  });

  it('refuses segments in standard base64 or with stray characters', () => {
    // A payload whose encoding needs the characters that differ between base64 and base64url.
    const payload = JSON.stringify({ sub: 'u1', pad: '??>>??>>' });
    const header = Buffer.from('{}').toString('base64url');
    const standard = Buffer.from(payload).toString('base64');
    expect(standard).toMatch(/[+/]/);
    expect(errorOf(() => resolveCredential(`${header}.${standard}.`, { now }))).toEqual(parseError);
    const url = Buffer.from(payload).toString('base64url');
    expect(resolveCredential(`${header}.${url}.`, { now }).auth?.uid).toBe('u1');
    for (const bad of [`!${url}`, `${url}!`, `${url.slice(0, 8)} ${url.slice(8)}`]) {
      expect(errorOf(() => resolveCredential(`${header}.${bad}.`, { now }))).toEqual(parseError);
    }
  });

  it('accepts segments with base64 padding', () => {
    const header = Buffer.from('{"a":1}').toString('base64');
    expect(header.endsWith('=')).toBe(true);
    expect(
      resolveCredential(`${header}.${Buffer.from('{"sub":"p"}').toString('base64url')}.`, { now }).auth?.uid,
    ).toBe('p');
  });

  it('decodes UTF-8 claims', () => {
    expect(resolveCredential(jwt({ sub: 'ü-ß-€' }), { now }).auth?.uid).toBe('ü-ß-€');
  });
});

describe('resolveCredential: expiry', () => {
  it('refuses a token at or after its expiry second', () => {
    const atExpiry = jwt({ sub: 'u', iat: nowSeconds - 60, exp: nowSeconds });
    expect(errorOf(() => resolveCredential(atExpiry, { now }))).toEqual({
      code: 'rtdb/invalid-token',
      message: 'Auth token is expired',
    });
  });

  it('accepts a token one millisecond before expiry and reports when it expires', () => {
    const token = jwt({ sub: 'u', iat: nowSeconds - 60, exp: nowSeconds });
    const context = resolveCredential(token, { now: now - 1 });
    expect(context.expiresAt).toBe(now);
    expect(context.auth?.uid).toBe('u');
  });

  it.each([
    ['iat 0', { iat: 0 }],
    ['no iat', {}],
    ['a negative iat', { iat: -5 }],
    ['a string iat', { iat: String(nowSeconds - 60) }],
  ])('never expires a token with %s (mock tokens)', (_label, extra) => {
    const context = resolveCredential(jwt({ sub: 'u', exp: 10, ...extra }), { now });
    expect(context.auth?.uid).toBe('u');
    expect('expiresAt' in context).toBe(false);
  });

  it.each([
    ['no exp', {}],
    ['a string exp', { exp: String(nowSeconds - 10) }],
  ])('has no expiry with %s', (_label, extra) => {
    const context = resolveCredential(jwt({ sub: 'u', iat: nowSeconds - 60, ...extra }), { now });
    expect(context).toStrictEqual({
      admin: false,
      auth: { uid: 'u', provider: 'custom', token: { sub: 'u', iat: nowSeconds - 60, ...extra } },
      now,
    });
  });
});

describe('resolveCredential: identity claims', () => {
  it.each([
    ['sub', { sub: 'a' }, 'a'],
    ['sub over user_id', { sub: 'a', user_id: 'b' }, 'a'],
    ['user_id when sub is empty', { sub: '', user_id: 'b' }, 'b'],
    ['user_id when sub is not a string', { sub: 7, user_id: 'b' }, 'b'],
    ['the legacy d.uid last', { d: { uid: 'c' } }, 'c'],
    ['user_id over d.uid', { user_id: 'b', d: { uid: 'c' } }, 'b'],
    ['d.uid when the others are empty', { sub: '', user_id: '', d: { uid: 'c' } }, 'c'],
  ])('takes the uid from %s', (_label, claims, uid) => {
    expect(resolveCredential(jwt(claims), { now }).auth?.uid).toBe(uid);
  });

  it.each([
    ['no id claim', { email: 'a@b.c' }],
    ['an empty sub', { sub: '' }],
    ['a numeric sub', { sub: 12 }],
    ['a d that is not an object', { d: 'uid' }],
    ['a d array', { d: ['x'] }],
    ['a d without a uid', { d: { provider: 'password' } }],
  ])('refuses a token with %s', (_label, claims) => {
    expect(errorOf(() => resolveCredential(jwt(claims), { now }))).toEqual({
      code: 'rtdb/invalid-token',
      message: 'Auth token has no user id (sub claim).',
    });
  });

  it.each([
    ['firebase.sign_in_provider', { firebase: { sign_in_provider: 'anonymous' } }, 'anonymous'],
    ['the legacy d.provider', { d: { uid: 'x', provider: 'password' } }, 'password'],
    [
      'firebase.sign_in_provider over d.provider',
      { firebase: { sign_in_provider: 'google.com' }, d: { uid: 'x', provider: 'password' } },
      'google.com',
    ],
    ['custom by default', {}, 'custom'],
    ['custom for an empty provider', { firebase: { sign_in_provider: '' } }, 'custom'],
    ['custom when firebase is not an object', { firebase: 'password' }, 'custom'],
  ])('takes the provider from %s', (_label, extra, provider) => {
    expect(resolveCredential(jwt({ sub: 'x', ...extra }), { now }).auth?.provider).toBe(provider);
  });

  it('exposes every claim as auth.token', () => {
    const claims = { sub: 'x', email: 'x@y.z', email_verified: true, admin: true, iat: 0 };
    const context = resolveCredential(jwt(claims), { now });
    expect(context.auth?.token).toEqual(claims);
    expect(context.admin).toBe(false);
  });
});

describe('resolveCredential: auth_variable_override', () => {
  it('acts as the given auth object, filling uid, provider and token', () => {
    expect(
      resolveCredential('owner', {
        now,
        authVariableOverride: '{"uid":"alice","provider":"password","token":{"email":"a@b.c"},"role":"x"}',
      }),
    ).toStrictEqual({
      admin: false,
      auth: { uid: 'alice', provider: 'password', token: { email: 'a@b.c' }, role: 'x' },
      now,
    });
  });

  it.each([
    ['an empty object', '{}', { uid: '', provider: 'custom', token: {} }],
    ['a numeric uid', '{"uid":5}', { uid: '', provider: 'custom', token: {} }],
    ['a numeric provider', '{"uid":"u","provider":1}', { uid: 'u', provider: 'custom', token: {} }],
    ['a string token', '{"uid":"u","token":"t"}', { uid: 'u', provider: 'custom', token: {} }],
    ['an array token', '{"uid":"u","token":["t"]}', { uid: 'u', provider: 'custom', token: {} }],
  ])('fills defaults for %s', (_label, override, auth) => {
    expect(resolveCredential('owner', { now, authVariableOverride: override }).auth).toStrictEqual(auth);
  });

  it('can make the request unauthenticated', () => {
    expect(resolveCredential('owner', { now, authVariableOverride: 'null' })).toStrictEqual({
      admin: false,
      auth: null,
      now,
    });
  });

  it.each([
    ['no credential', undefined],
    ['an empty credential', ''],
    ['an ID token', jwt({ sub: 'u' })],
  ])('needs an admin credential, refusing %s', (_label, token) => {
    expect(errorOf(() => resolveCredential(token, { now, authVariableOverride: '{"uid":"x"}' }))).toEqual({
      code: 'rtdb/invalid-token',
      message: 'auth_variable_override requires an admin credential',
    });
  });

  it('refuses text that is not JSON', () => {
    expect(errorOf(() => resolveCredential('owner', { now, authVariableOverride: '{uid:1}' }))).toEqual({
      code: 'rtdb/invalid-token',
      message: 'auth_variable_override is not valid JSON',
    });
  });

  it.each([['[]'], ['1'], ['"alice"'], ['true']])('refuses the JSON value %s', (override) => {
    expect(errorOf(() => resolveCredential('owner', { now, authVariableOverride: override }))).toEqual({
      code: 'rtdb/invalid-token',
      message: 'auth_variable_override must be a JSON object or null',
    });
  });
});
