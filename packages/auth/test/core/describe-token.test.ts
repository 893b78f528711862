import { describe, expect, it } from 'vitest';
import { AuthError, decodeToken, describeToken } from '../../src/index.js';

const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');
const jwt = (header: unknown, claims: unknown, signature = '') =>
  `${b64(header)}.${b64(claims)}.${signature}`;

const now = Date.UTC(2026, 0, 1, 12, 0, 0);
const iat = now / 1000 - 600;
const idToken = jwt(
  { alg: 'none', typ: 'JWT' },
  {
    iss: 'https://securetoken.google.com/demo-iotkit',
    aud: 'demo-iotkit',
    sub: 'u1',
    user_id: 'u1',
    iat,
    exp: iat + 3600,
  },
);

function malformed(token: string): AuthError {
  try {
    decodeToken(token);
  } catch (error) {
    expect(error).toBeInstanceOf(AuthError);
    expect((error as AuthError).code).toBe('auth/malformed-token');
    return error as AuthError;
  }
  throw new Error(`expected ${token} to be rejected`);
}

describe('decodeToken()', () => {
  it('splits an unsigned emulator token', () => {
    const t = decodeToken(idToken);
    expect(t.header).toEqual({ alg: 'none', typ: 'JWT' });
    expect(t.claims['sub']).toBe('u1');
    expect(t.signature).toBe('');
  });

  it('keeps the signature of a signed token', () => {
    expect(decodeToken(jwt({ alg: 'RS256', kid: 'k' }, { sub: 'x' }, 'c2ln')).signature).toBe('c2ln');
  });

  it.each([
    ['', /empty/],
    ['garbage', /3 dot-separated parts, this has 1/],
    ['a.b', /this has 2/],
    ['ya29.a0AfH6SMB', /OAuth access token/],
    ['!!.e30.', /header is not base64url/],
    [`${b64({ alg: 'none' })}.bm90IGpzb24.`, /claims is not JSON/],
    [`${b64([1, 2])}.${b64({})}.`, /header is not a JSON object/],
  ])('rejects %j', (token, message) => {
    expect(malformed(token).message).toMatch(message);
  });
});

describe('describeToken()', () => {
  it('explains a Firebase ID token and its expiry', () => {
    const d = describeToken(idToken, now);
    expect(d.kind).toBe('firebase-id-token');
    expect(d).toMatchObject({
      issuer: 'https://securetoken.google.com/demo-iotkit',
      audience: 'demo-iotkit',
      subject: 'u1',
    });
    expect(d.unsigned).toBe(true);
    expect(d.issuedAt?.getTime()).toBe(iat * 1000);
    expect(d.secondsLeft).toBe(3000);
    expect(d.expired).toBe(false);
    expect(d.explanation).toMatch(/ID token/);
    expect(d.explanation).toMatch(/not an OAuth access token/);
    expect(d.explanation).toMatch(/Auth emulator/);
  });

  it('says when a token has expired', () => {
    const d = describeToken(idToken, now + 3600 * 1000);
    expect(d.expired).toBe(true);
    expect(d.secondsLeft).toBe(-600);
    expect(d.explanation).toMatch(/Expired at .* \(600 s ago\)/);
  });

  it('recognises a custom token', () => {
    const custom = jwt(
      { alg: 'RS256' },
      {
        aud: 'https://identitytoolkit.googleapis.com/google.identity.identitytoolkit.v1.IdentityToolkit',
        uid: 'd1',
      },
      'c2ln',
    );
    const d = describeToken(custom, now);
    expect(d.kind).toBe('firebase-custom-token');
    expect(d.unsigned).toBe(false);
    expect(d.explanation).toMatch(/signInWithCustomToken/);
  });

  it('explains an opaque Google OAuth access token without decoding it', () => {
    const d = describeToken('ya29.a0AfH6SMBx-opaque', now);
    expect(d.kind).toBe('google-access-token');
    expect(d.claims).toEqual({});
    expect(d.explanation).toMatch(/not a Firebase ID token/);
  });

  it('calls other JWTs unknown', () => {
    expect(describeToken(jwt({ alg: 'HS256' }, { iss: 'someone' }, 'eA'), now).kind).toBe('unknown-jwt');
  });

  it('rejects garbage with a typed error', () => {
    expect(() => describeToken('not a token')).toThrow(AuthError);
  });
});
