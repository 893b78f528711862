import { get, onValue, ref, set } from 'firebase/database';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { nodeHash } from '../../src/core/node-hash.js';
import { startBareHost, type BareHost } from './support/bare-host.js';
import { RawClient } from './support/raw-client.js';
import { uniqueNamespace, waitFor, webClient, type WebClient } from './support/sdk-clients.js';

let host: BareHost;
let ns: string;
let bystander: WebClient;
let seen: unknown[];
const sockets: RawClient[] = [];

beforeAll(async () => {
  host = await startBareHost({ limits: { maxFrames: 64, maxMessageChars: 1024 * 1024 } });
  ns = uniqueNamespace('bad');
  bystander = webClient(host.port, ns);
  await set(ref(bystander.db, 'data'), { keep: 'me', n: 1 });
  seen = [];
  onValue(ref(bystander.db, 'data'), (s) => seen.push(s.val()));
  await waitFor(() => seen.length > 0, 'bystander listener');
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await bystander.close();
  await host.close();
});

let hashBefore: string;
beforeEach(() => {
  hashBefore = nodeHash(host.database(ns).root());
});

async function attacker(): Promise<RawClient> {
  const client = await RawClient.connect(host.port, ns);
  sockets.push(client);
  return client;
}

/** The server still serves the SDK client normally and nothing was stored. */
async function unaffected(): Promise<void> {
  expect(nodeHash(host.database(ns).root())).toBe(hashBefore);
  const marker = Math.random();
  await set(ref(bystander.db, 'data/n'), marker);
  await waitFor(
    () => (seen.at(-1) as { n: number } | undefined)?.n === marker,
    'bystander sees its own write',
  );
  expect((await get(ref(bystander.db, 'data/keep'))).val()).toBe('me');
  hashBefore = nodeHash(host.database(ns).root());
}

describe('protocol violations close the offending socket only', () => {
  it.each([
    ['a garbage frame', ['}{ not json']],
    ['a JSON array', ['[1,2,3]']],
    ['an envelope without a layer', ['{"d":{"r":1,"a":"p"}}']],
    ['a data message without request id', ['{"t":"d","d":{"a":"p","b":{"p":"/data","d":1}}}']],
    ['a huge frame count', ['999999']],
    ['a count followed by more data than allowed', ['3', 'x'.repeat(600_000), 'y'.repeat(600_000)]],
  ])('%s', async (_label, frames) => {
    const client = await attacker();
    for (const frame of frames) client.sendRaw(frame);
    const closed = await client.waitClosed();
    expect(closed.code).toBeGreaterThanOrEqual(1002);
    expect(client.messages.some((m) => m.t === 'c' && m.d['t'] === 'e')).toBe(true);
    await unaffected();
  });

  it('a binary frame of random bytes', async () => {
    const client = await attacker();
    client.ws.send(Buffer.from([0xff, 0x00, 0x13, 0x37, 0x80]));
    await client.waitClosed();
    await unaffected();
  });
});

describe('bad requests get an error reply and the socket stays usable', () => {
  it.each([
    ['an unknown action', 'zz', { p: '/data' }, 'invalid_request'],
    ['a body that is not an object', 'p', 'nope', 'invalid_request'],
    ['a put without a path', 'p', { d: 1 }, 'invalid_request'],
    ['a put without data', 'p', { p: '/data/x' }, 'invalid_data'],
    ['a path with forbidden characters', 'p', { p: '/data/a.b', d: 1 }, 'invalid_path'],
    [
      'a path deeper than 32 levels',
      'p',
      { p: '/' + Array.from({ length: 40 }, () => 'k').join('/'), d: 1 },
      'invalid_path',
    ],
    ['a key with forbidden characters', 'p', { p: '/data', d: { x$y: 1 } }, 'invalid_data'],
    ['an unknown server value', 'p', { p: '/data/t', d: { '.sv': 'tomorrow' } }, 'invalid_data'],
    ['an increment of a string', 'p', { p: '/data/n', d: { '.sv': { increment: 'one' } } }, 'invalid_data'],
    ['.value mixed with children', 'p', { p: '/data', d: { '.value': 1, x: 2 } }, 'invalid_data'],
    ['an update that is not an object', 'm', { p: '/data', d: [1, 2] }, 'invalid_data'],
    ['an update with overlapping paths', 'm', { p: '/', d: { data: 1, 'data/n': 2 } }, 'invalid_data'],
    [
      'an update with one bad path among good ones',
      'm',
      { p: '/', d: { 'data/ok': 1, 'data/b[d]': 2 } },
      'invalid_path',
    ],
    ['a transaction hash that is not a string', 'p', { p: '/data', d: 1, h: 5 }, 'invalid_request'],
    ['a listen with a malformed query', 'q', { p: '/data', q: { l: -1 }, t: 1, h: '' }, 'invalid_query'],
    [
      'a listen with an unknown view side',
      'q',
      { p: '/data', q: { l: 1, vf: 'x' }, t: 1, h: '' },
      'invalid_query',
    ],
    ['a get with an object as start value', 'g', { p: '/data', q: { sp: { a: 1 } } }, 'invalid_query'],
    ['an auth without credential', 'auth', {}, 'invalid_request'],
    [
      'data nested 40 levels (over the limit of 32)',
      'p',
      { p: '/data/x', d: JSON.parse('{"a":'.repeat(40) + '1' + '}'.repeat(40)) },
      'invalid_data',
    ],
    [
      'a tag that is not a number',
      'q',
      { p: '/data', q: { l: 1, vf: 'l' }, t: 'x', h: '' },
      'invalid_request',
    ],
  ])('%s', async (_label, action, body, status) => {
    const client = await attacker();
    const reply = await client.call(action, body);
    expect(reply.s).toBe(status);
    expect(typeof reply.d).toBe('string');
    // Still usable after the refusal.
    expect((await client.call('g', { p: '/data/keep', q: {} })).d).toBe('me');
    expect(client.closed).toBeNull();
    client.close();
    await unaffected();
  });
});

describe('nesting deep enough to exhaust a recursive parser', () => {
  it.each([
    ['data', (deep: string) => `{"t":"d","d":{"r":1,"a":"p","b":{"p":"/data/x","d":${deep}}}}`],
    [
      'a query object',
      (deep: string) =>
        `{"t":"d","d":{"r":1,"a":"q","b":{"p":"/data","q":{"l":1,"vf":"l","x":${deep}},"t":1,"h":""}}}`,
    ],
  ])('%s is refused with invalid_request', async (_label, build) => {
    const client = await attacker();
    client.sendRaw(build('['.repeat(5000) + ']'.repeat(5000)));
    const reply = await client.waitFor((m) => m.d['r'] === 1, 'reply');
    expect(reply.d['b']).toMatchObject({ s: 'invalid_request' });
    expect(client.closed).toBeNull();
    client.close();
    await unaffected();
  });
});
