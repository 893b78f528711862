// The companion's query against the real RTDB server: the kit's REST client and the official
// firebase SDK select the same readings, in Firebase's order, and leave out what they must.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdbServer } from '@iotkit/rtdb-server';
import type { RunningRtdbServer } from '@iotkit/rtdb-server';
import { formatPrefixQuery, runPrefixQuery } from '../../../companion/query/src/run-query.js';

let rtdb: RunningRtdbServer;
const namespace = 'a5-query-test';
const uid = 'device-1';

async function admin(method: string, path: string, body?: unknown): Promise<void> {
  const res = await fetch(`${rtdb.url}/${path}.json?ns=${namespace}`, {
    method,
    headers: { authorization: 'Bearer owner' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  expect(res.status, `${method} ${path}`).toBe(200);
}

beforeAll(async () => {
  rtdb = await startRtdbServer({ port: 0, log: () => undefined });
  await admin('PUT', '.settings/rules', {
    rules: {
      devices: {
        $uid: {
          '.read': 'auth != null && auth.uid === $uid',
          readings: { '.indexOn': ['zone'] },
        },
      },
    },
  });
  await admin('PUT', `devices/${uid}/readings`, {
    r1: { zone: 'lab-2', ir: 1 },
    r2: { zone: 'hall', ir: 2 },
    r3: { zone: 'lab-1', ir: 3 },
    r4: { ir: 4 },
    r5: { zone: 12, ir: 5 },
    r6: { zone: 'lab-1', ir: 6 },
  });
}, 60_000);
afterAll(async () => {
  await rtdb?.close();
});

describe('runPrefixQuery', () => {
  it('gives the same selection through the REST client and the firebase SDK, in Firebase order', async () => {
    const options = { rtdbUrl: rtdb.url, namespace, uid, orderBy: 'zone', prefix: 'lab' };
    const result = await runPrefixQuery(options);
    const expected = [
      { key: 'r3', value: 'lab-1' },
      { key: 'r6', value: 'lab-1' },
      { key: 'r1', value: 'lab-2' },
    ];
    expect(result.restClient).toEqual(expected);
    expect(result.firebaseSdk).toEqual(expected);
    const lines = formatPrefixQuery(options, result);
    expect(lines.at(-1)).toBe('both give the same selection in the same order');
    expect(lines).toContain('  1. "lab-1"  r3');
  }, 30_000);

  it('selects by key with "$key" and reports no match for a prefix nothing starts with', async () => {
    const byKey = await runPrefixQuery({ rtdbUrl: rtdb.url, namespace, uid, orderBy: '$key', prefix: 'r' });
    expect(byKey.restClient.map((r) => r.key)).toEqual(['r1', 'r2', 'r3', 'r4', 'r5', 'r6']);
    expect(byKey.firebaseSdk).toEqual(byKey.restClient);
    const none = await runPrefixQuery({
      rtdbUrl: rtdb.url,
      namespace,
      uid,
      orderBy: 'zone',
      prefix: 'attic',
    });
    expect(none).toEqual({ restClient: [], firebaseSdk: [] });
    expect(
      formatPrefixQuery({ rtdbUrl: rtdb.url, namespace, uid, orderBy: 'zone', prefix: 'attic' }, none),
    ).toContain('  (no match)');
  }, 30_000);

  it('fails with the server\'s "Index not defined" for a child the rules do not index', async () => {
    await expect(
      runPrefixQuery({ rtdbUrl: rtdb.url, namespace, uid, orderBy: 'label', prefix: 'x' }),
    ).rejects.toThrow(/Index not defined/);
  }, 30_000);
});
