import { describe, expect, it } from 'vitest';
import { fetchToken } from '../../src/core/token-source.js';

describe('fetchToken', () => {
  it('calls getToken(forceRefresh) on a plain token source', async () => {
    const asked: Array<boolean | undefined> = [];
    const source = { getToken: async (force?: boolean) => (asked.push(force), `t${asked.length}`) };
    expect(await fetchToken(source, false)).toBe('t1');
    expect(await fetchToken(source, true)).toBe('t2');
    expect(asked).toEqual([false, true]);
  });

  it('calls getIdToken({forceRefresh}) on an SDK-shaped source', async () => {
    const asked: Array<{ forceRefresh?: boolean } | undefined> = [];
    const source = {
      getIdToken: async (options?: { forceRefresh?: boolean }) => (asked.push(options), 'id-token'),
    };
    expect(await fetchToken(source, true)).toBe('id-token');
    expect(await fetchToken(source, false)).toBe('id-token');
    expect(asked).toEqual([{ forceRefresh: true }, { forceRefresh: false }]);
  });
});
