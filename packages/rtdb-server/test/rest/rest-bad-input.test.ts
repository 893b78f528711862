import { beforeEach, describe, expect, it } from 'vitest';
import { useServer, type CallOptions } from './rest-harness.js';

const { call } = useServer({ maxRequestBytes: 64 * 1024 });
const NS = '?ns=bad-input';
const ORIGINAL = { keep: { a: 1, list: ['x', 'y'] }, n: 5 };

beforeEach(async () => {
  await call('PUT', `/.json${NS}`, { body: ORIGINAL, headers: { Authorization: 'Bearer owner' } });
});

function deep(levels: number): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = { k: value };
  return value;
}

const jwt = (claims: object) =>
  `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;

// [name, method, url (after the namespace), options, status, error text fragment]
const cases: [string, string, string, CallOptions, number, string][] = [
  ['invalid JSON', 'PUT', '/keep.json', { raw: '{"a": 1,' }, 400, "couldn't parse JSON"],
  ['an empty PUT body', 'PUT', '/keep.json', { raw: '' }, 400, 'No data supplied'],
  [
    'a forbidden character in a data key',
    'PUT',
    '/keep.json',
    { body: { 'a.b': 1 } },
    400,
    'forbidden character',
  ],
  [
    'a $ in a data key',
    'PATCH',
    '/keep.json',
    { body: { ok: 1, nested: { $bad: 1 } } },
    400,
    'forbidden character',
  ],
  ['a forbidden character in the path', 'PUT', '/keep/a%23b.json', { body: 1 }, 400, 'Invalid path'],
  ['a [ in the path', 'GET', '/keep/a[0].json', {}, 400, 'Invalid path'],
  ['bad percent-encoding', 'PUT', '/keep/%E0%A4%A.json', { body: 1 }, 400, 'Invalid path'],
  ['a key over 768 bytes', 'PUT', '/keep.json', { body: { ['k'.repeat(769)]: 1 } }, 400, '768'],
  [
    'a path deeper than 32',
    'PUT',
    `/${Array.from({ length: 33 }, () => 'd').join('/')}.json`,
    { body: 1 },
    400,
    'deeper than 32',
  ],
  ['data deeper than 32', 'PUT', '/keep.json', { body: deep(32) }, 400, 'deeper than 32'],
  [
    'an oversized body',
    'PUT',
    '/keep.json',
    { body: { big: 'x'.repeat(70 * 1024) } },
    400,
    'exceeds the maximum size',
  ],
  [
    'an unknown server value',
    'PUT',
    '/keep.json',
    { body: { t: { '.sv': 'now' } } },
    400,
    'unrecognized server value',
  ],
  [
    'a non-numeric increment',
    'PATCH',
    '/.json',
    { body: { n: { '.sv': { increment: 'one' } } } },
    400,
    'increment',
  ],
  ['.value mixed with children', 'PUT', '/keep.json', { body: { '.value': 1, x: 2 } }, 400, '.value'],
  ['a boolean priority', 'PUT', '/keep.json', { body: { '.value': 1, '.priority': true } }, 400, 'priority'],
  ['a PATCH body that is not an object', 'PATCH', '/keep.json', { body: [1, 2] }, 400, 'PATCH'],
  ['overlapping PATCH paths', 'PATCH', '/.json', { body: { keep: 1, 'keep/a': 2 } }, 400, 'overlap'],
  ['an invalid PATCH key', 'PATCH', '/.json', { body: { 'keep/a.b': 2 } }, 400, "couldn't parse key"],
  [
    'an unquoted orderBy',
    'GET',
    '/keep.json?orderBy=a',
    {},
    400,
    'orderBy must be a valid JSON encoded path',
  ],
  ['a range without orderBy', 'GET', '/keep.json?limitToFirst=1', {}, 400, 'orderBy must be defined'],
  ['an unquoted string bound', 'GET', '/keep.json?orderBy="a"&startAt=abc', {}, 400, 'JSON primitive'],
  ['an object bound', 'GET', '/keep.json?orderBy="a"&equalTo={"x":1}', {}, 400, 'JSON primitive'],
  ['a non-integer limit', 'GET', '/keep.json?orderBy="$key"&limitToFirst=1.5', {}, 400, 'positive integer'],
  ['a zero limit', 'GET', '/keep.json?orderBy="$key"&limitToLast=0', {}, 400, 'positive integer'],
  ['both limits', 'GET', '/keep.json?orderBy="$key"&limitToFirst=1&limitToLast=1', {}, 400, 'both'],
  ['a number bound with $key', 'GET', '/keep.json?orderBy="$key"&startAt=1', {}, 400, '$key'],
  ['equalTo with startAt', 'GET', '/keep.json?orderBy="a"&equalTo=1&startAt=1', {}, 400, 'equalTo'],
  ['an unknown print', 'GET', '/keep.json?print=loud', {}, 400, 'print'],
  ['an unknown format', 'GET', '/keep.json?format=xml', {}, 400, 'format'],
  ['a bad shallow', 'GET', '/keep.json?shallow=yes', {}, 400, 'shallow'],
  ['shallow with orderBy', 'GET', '/keep.json?shallow=true&orderBy="$key"', {}, 400, 'shallow'],
  ['a bad timeout', 'GET', '/keep.json?timeout=soon', {}, 400, 'timeout'],
  ['a timeout over 15 min', 'GET', '/keep.json?timeout=16min', {}, 400, '15min'],
  ['a bad writeSizeLimit', 'PUT', '/keep.json?writeSizeLimit=huge', { body: 1 }, 400, 'writeSizeLimit'],
  ['a garbage auth token', 'PUT', '/keep.json?auth=garbage', { body: 1 }, 401, 'Could not parse auth token'],
  [
    'an expired token',
    'PUT',
    `/keep.json?auth=${jwt({ sub: 'u', iat: 1000, exp: 2000 })}`,
    { body: 1 },
    401,
    'expired',
  ],
  [
    'a garbage bearer token',
    'GET',
    '/keep.json',
    { headers: { Authorization: 'Bearer x.y.z' } },
    401,
    'auth token',
  ],
  [
    'auth_variable_override without admin',
    'PUT',
    '/keep.json?auth_variable_override={}',
    { body: 1 },
    401,
    'admin',
  ],
  [
    'an unsupported method override',
    'POST',
    '/keep.json',
    { body: 1, headers: { 'X-HTTP-Method-Override': 'TRACE' } },
    400,
    'Override',
  ],
  ['an invalid namespace', 'PUT', '/keep.json', { body: 1 }, 400, 'namespace'],
];

describe('bad input gets a 4xx JSON error and leaves the data alone', () => {
  it.each(cases)('%s', async (name, method, url, options, status, fragment) => {
    const separator = url.includes('?') ? '&' : '?';
    const target = name === 'an invalid namespace' ? `${url}?ns=bad_ns!` : `${url}${separator}${NS.slice(1)}`;
    const reply = await call(method, target, options);
    expect(reply.status).toBe(status);
    expect(reply.headers.get('content-type')).toContain('application/json');
    const body = reply.json as { error: string };
    expect(Object.keys(body)).toEqual(['error']);
    expect(body.error).toContain(fragment);
    const after = await call('GET', `/.json${NS}`);
    expect(after.json).toEqual(ORIGINAL);
  });

  it('refuses unknown HTTP methods with 405', async () => {
    const reply = await call('PROPFIND', `/keep.json${NS}`);
    expect(reply.status).toBe(405);
    expect(reply.json).toEqual({ error: expect.stringContaining('PROPFIND') });
  });
});
