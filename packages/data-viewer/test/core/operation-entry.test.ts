import { describe, expect, it } from 'vitest';
import { operationEntry } from '../../src/core/operation-entry.js';

describe('operationEntry', () => {
  it('shows the database path and the query, without namespace or credentials', () => {
    const entry = operationEntry(
      {
        method: 'get',
        url: 'http://127.0.0.1:9000/devices/u1/readings.json?ns=a3&auth=%3Credacted%3E&orderBy=%22%24key%22&limitToLast=3',
        status: 200,
        ms: 4,
      },
      7,
    );
    expect(entry).toEqual({
      seq: 7,
      kind: 'rtdb',
      method: 'GET',
      path: '/devices/u1/readings',
      query: 'orderBy="$key"&limitToLast=3',
      status: 200,
      outcome: 'ok',
    });
  });

  it('names the outcome of refusals, missing data and network failures', () => {
    const url = 'http://127.0.0.1:9000/devices/other/config.json?ns=a3';
    expect(operationEntry({ method: 'PATCH', url, status: 401 }, 1)?.outcome).toBe('denied');
    expect(operationEntry({ method: 'PATCH', url, status: 403 }, 1)?.outcome).toBe('denied');
    expect(operationEntry({ method: 'GET', url, status: 404 }, 1)?.outcome).toBe('not-found');
    expect(operationEntry({ method: 'GET', url, status: 500 }, 1)?.outcome).toBe('error');
    expect(operationEntry({ method: 'GET', url, status: 0, error: 'connect-failed' }, 1)).toMatchObject({
      outcome: 'network',
      error: 'connect-failed',
    });
  });

  it('labels Auth sign-in and token refresh, and ignores other URLs', () => {
    expect(
      operationEntry(
        {
          method: 'POST',
          url: 'http://127.0.0.1:9099/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=demo',
          status: 200,
        },
        2,
      ),
    ).toMatchObject({ kind: 'auth', path: 'accounts:signInWithPassword', query: '' });
    expect(
      operationEntry(
        { method: 'POST', url: 'https://securetoken.googleapis.com/v1/token?key=k', status: 200 },
        3,
      ),
    ).toMatchObject({ kind: 'auth', path: 'token' });
    expect(operationEntry({ method: 'GET', url: 'http://127.0.0.1:5173/app.js', status: 200 }, 4)).toBeNull();
    expect(operationEntry({ method: 'GET', url: 'not a url', status: 200 }, 5)).toBeNull();
  });

  it('decodes percent-encoded keys in the path', () => {
    const entry = operationEntry(
      { method: 'DELETE', url: 'http://h/devices/u%201/readings/-Nx.json', status: 200 },
      1,
    );
    expect(entry?.path).toBe('/devices/u 1/readings/-Nx');
  });
});
