import { describe, expect, it } from 'vitest';
import { formatIdTokenSummary, summarizeIdToken } from '../../../companion/provision/src/id-token-summary.js';

const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
const token = `${part({ alg: 'none', typ: 'JWT' })}.${part({
  iss: 'https://securetoken.google.com/demo-iotkit',
  aud: 'demo-iotkit',
  sub: 'uid-7',
  exp: 1767229200,
  firebase: { sign_in_provider: 'password', identities: {} },
})}.`;

describe('ID token summary', () => {
  it('decodes header and the claims a student should look at', () => {
    expect(summarizeIdToken(token)).toEqual({
      header: { alg: 'none', typ: 'JWT' },
      iss: 'https://securetoken.google.com/demo-iotkit',
      aud: 'demo-iotkit',
      sub: 'uid-7',
      exp: 1767229200,
      signInProvider: 'password',
    });
  });

  it('prints the claims with the expiry as a date, never the token', () => {
    const lines = formatIdTokenSummary(summarizeIdToken(token)).join('\n');
    expect(lines).toContain('iss  https://securetoken.google.com/demo-iotkit');
    expect(lines).toContain('sub  uid-7');
    expect(lines).toContain('2026-01-01T01:00:00.000Z');
    expect(lines).toContain('firebase.sign_in_provider  password');
    expect(lines).not.toContain(token.split('.')[1]);
  });

  it('refuses something that is not a JWT with a4/not-an-id-token', () => {
    expect(() => summarizeIdToken('opaque-refresh-token')).toThrow(
      expect.objectContaining({ code: 'a4/not-an-id-token' }),
    );
  });
});
