import { describe, expect, it } from 'vitest';
import { describeWriter, parseWriterIdentity } from '../../src/core/writer-identity.js';

describe('parseWriterIdentity', () => {
  it('reads the write feed identities', () => {
    expect(parseWriterIdentity({ type: 'admin' })).toEqual({ type: 'admin' });
    expect(parseWriterIdentity({ type: 'unauthenticated' })).toEqual({ type: 'unauthenticated' });
    expect(parseWriterIdentity({ type: 'user', uid: 'u1', provider: 'password', token: { a: 1 } })).toEqual({
      type: 'user',
      uid: 'u1',
      provider: 'password',
      token: { a: 1 },
    });
  });
  it('falls back to unknown for anything unexpected, and fills a user without provider or token', () => {
    expect(parseWriterIdentity(null)).toEqual({ type: 'unknown' });
    expect(parseWriterIdentity({ type: 'root' })).toEqual({ type: 'unknown' });
    expect(parseWriterIdentity({ type: 'user' })).toEqual({ type: 'unknown' });
    expect(parseWriterIdentity({ type: 'user', uid: 'u' })).toEqual({
      type: 'user',
      uid: 'u',
      provider: 'custom',
      token: {},
    });
  });
  it('describes a writer in a few words', () => {
    expect(describeWriter({ type: 'user', uid: 'u1', provider: 'password', token: {} })).toBe(
      'user u1 (password)',
    );
    expect(describeWriter({ type: 'admin' })).toBe('admin');
  });
});
