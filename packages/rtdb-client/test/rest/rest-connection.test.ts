// URL building, credentials and error mapping, observed through the injected transport. The
// integration suite checks the same mapping against the real server's answers.
import { describe, expect, it } from 'vitest';
import { isRtdbClientError, type RtdbClientError } from '../../src/core/rtdb-client-error.js';
import { errorFromResponse } from '../../src/rest/error-from-response.js';
import { RestConnection } from '../../src/rest/rest-connection.js';

interface Seen {
  url: string;
  headers: Record<string, string>;
}

function answering(answers: Array<{ status: number; body: string; headers?: Record<string, string> }>): {
  fetch: typeof fetch;
  seen: Seen[];
} {
  const seen: Seen[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    seen.push({ url: String(input), headers: { ...(init?.headers as Record<string, string>) } });
    const answer = answers.shift() ?? { status: 200, body: 'null' };
    return new Response(answer.body, {
      status: answer.status,
      ...(answer.headers ? { headers: answer.headers } : {}),
    });
  };
  return { fetch: impl as typeof fetch, seen };
}

describe('RestConnection URLs', () => {
  it('builds <origin>/<path>.json with percent-encoded segments and ns last', () => {
    const connection = new RestConnection({ databaseUrl: 'http://127.0.0.1:9000/', namespace: 'stu dent' });
    expect(connection.url([])).toBe('http://127.0.0.1:9000/.json?ns=stu%20dent');
    expect(connection.url(['a b', 'é', '%'], [['orderBy', '"$key"']])).toBe(
      'http://127.0.0.1:9000/a%20b/%C3%A9/%25.json?orderBy=%22%24key%22&ns=stu%20dent',
    );
  });

  it('takes ns from the database URL and omits it for production hosts', () => {
    expect(new RestConnection({ databaseUrl: 'http://localhost:9000?ns=demo-x' }).url(['a'])).toBe(
      'http://localhost:9000/a.json?ns=demo-x',
    );
    expect(
      new RestConnection({ databaseUrl: 'https://my-db.europe-west1.firebasedatabase.app' }).url(['a']),
    ).toBe('https://my-db.europe-west1.firebasedatabase.app/a.json');
  });

  it('rejects a database URL that is not http(s)', () => {
    expect(() => new RestConnection({ databaseUrl: 'ftp://x' })).toThrow(/http or https/);
    expect(() => new RestConnection({ databaseUrl: 'not a url' })).toThrow(/not a URL/);
  });
});

describe('RestConnection credentials', () => {
  it('sends an access token as a Bearer header', async () => {
    const transport = answering([{ status: 200, body: '1' }]);
    const connection = new RestConnection({
      databaseUrl: 'http://db.test',
      accessToken: 'owner',
      fetch: transport.fetch,
    });
    await connection.request({ method: 'GET', segments: ['a'] });
    expect(transport.seen[0]?.headers['authorization']).toBe('Bearer owner');
    expect(transport.seen[0]?.url).toBe('http://db.test/a.json');
  });

  it('retries once with a forced refresh when the token itself is rejected', async () => {
    const transport = answering([
      { status: 401, body: '{"error":"Auth token is expired"}' },
      { status: 200, body: '{"ok":true}' },
    ]);
    const refreshes: boolean[] = [];
    const tokenSource = {
      getToken: async (force?: boolean) => (refreshes.push(force ?? false), force ? 'new' : 'old'),
    };
    const connection = new RestConnection({
      databaseUrl: 'http://db.test',
      tokenSource,
      fetch: transport.fetch,
    });
    expect((await connection.request({ method: 'GET', segments: ['a'] })).body).toEqual({ ok: true });
    expect(refreshes).toEqual([false, true]);
    expect(transport.seen.map((s) => s.url)).toEqual([
      'http://db.test/a.json?auth=old',
      'http://db.test/a.json?auth=new',
    ]);
  });

  it('accepts a getIdToken({ forceRefresh }) token source (the @iotkit/auth shape)', async () => {
    const transport = answering([
      { status: 401, body: '{"error":"Auth token is expired"}' },
      { status: 200, body: '2' },
    ]);
    const calls: Array<{ forceRefresh?: boolean } | undefined> = [];
    const tokenSource = {
      getIdToken: async (options?: { forceRefresh?: boolean }) => (calls.push(options), `t${calls.length}`),
    };
    const connection = new RestConnection({
      databaseUrl: 'http://db.test',
      tokenSource,
      fetch: transport.fetch,
    });
    expect((await connection.request({ method: 'GET', segments: ['a'] })).body).toBe(2);
    expect(calls).toEqual([{ forceRefresh: false }, { forceRefresh: true }]);
    expect(transport.seen[1]?.url).toBe('http://db.test/a.json?auth=t2');
  });

  it('does not retry a rules denial', async () => {
    const transport = answering([{ status: 401, body: '{"error":"Permission denied"}' }]);
    const tokenSource = { getToken: async () => 't' };
    const connection = new RestConnection({
      databaseUrl: 'http://db.test',
      tokenSource,
      fetch: transport.fetch,
    });
    await expect(connection.request({ method: 'GET', segments: ['a'] })).rejects.toMatchObject({
      code: 'rtdb-client/permission-denied',
      status: 401,
    });
    expect(transport.seen).toHaveLength(1);
  });

  it('wraps a failing token source', async () => {
    const connection = new RestConnection({
      databaseUrl: 'http://db.test',
      tokenSource: { getToken: async () => Promise.reject(new Error('no refresh token')) },
      fetch: answering([]).fetch,
    });
    await expect(connection.request({ method: 'GET', segments: [] })).rejects.toMatchObject({
      code: 'rtdb-client/token-source',
    });
  });
});

describe('errorFromResponse', () => {
  const cases: Array<[number, string, string]> = [
    [400, '{"error":"Invalid data; couldn\'t parse JSON object"}', 'rtdb-client/invalid-request'],
    [401, '{"error":"Permission denied"}', 'rtdb-client/permission-denied'],
    [403, '{"error":"Forbidden"}', 'rtdb-client/permission-denied'],
    [401, '{"error":"Could not parse auth token."}', 'rtdb-client/unauthenticated'],
    [
      404,
      '{"error":"Firebase error. Please ensure that you have the URL of your Firebase database"}',
      'rtdb-client/not-found',
    ],
    [412, '{"a":1}', 'rtdb-client/precondition-failed'],
    [503, '<html>Service Unavailable</html>', 'rtdb-client/server-error'],
    [429, 'slow down', 'rtdb-client/unexpected-status'],
  ];
  it.each(cases)('maps %i %s to %s', (status, body, code) => {
    const error: RtdbClientError = errorFromResponse('GET', '/a', status, body);
    expect(isRtdbClientError(error, code as RtdbClientError['code'])).toBe(true);
    expect(error.status).toBe(status);
    expect(error.message).toContain(`GET /a failed with ${status}`);
  });

  it('keeps the server message, and for 412 the current value and ETag', () => {
    const denied = errorFromResponse('PUT', '/x', 400, '{"error":"Invalid data"}');
    expect(denied.serverMessage).toBe('Invalid data');
    const stale = errorFromResponse('PUT', '/x', 412, '{"n":3}', 'abc=');
    expect(stale.currentValue).toEqual({ n: 3 });
    expect(stale.etag).toBe('abc=');
  });

  it('maps a refused connection to rtdb-client/network', async () => {
    const connection = new RestConnection({ databaseUrl: 'http://127.0.0.1:1' });
    await expect(connection.request({ method: 'GET', segments: ['a'] })).rejects.toMatchObject({
      code: 'rtdb-client/network',
    });
  });
});
