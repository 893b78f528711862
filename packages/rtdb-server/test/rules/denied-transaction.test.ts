// runTransaction through the official `firebase` web SDK on locations the rules refuse: the
// server must answer permission_denied (which the SDK turns into a rejected transaction) rather
// than datastale, which makes the SDK retry 25 times and end with "maxretry".
import { runTransaction, ref } from 'firebase/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdbServer, type RunningRtdbServer } from '../../src/index.js';
import { webClient, type WebClient } from '../realtime/support/sdk-clients.js';

const RULES = {
  rules: {
    // Readable, but only the owner writes.
    counters: { $uid: { '.read': true, '.write': '$uid === auth.uid' } },
    // Writable by anyone signed in, readable by nobody.
    dropbox: { '.read': false, '.write': 'auth != null' },
  },
};

let server: RunningRtdbServer;
let client: WebClient;
const NS = 'denied-tx';

beforeAll(async () => {
  server = await startRtdbServer({ port: 0, log: () => {} });
  await server.putRules(NS, JSON.stringify(RULES));
  const seed = { counters: { alice: 5, bob: 7 }, dropbox: { note: 'secret' } };
  const put = await fetch(`${server.url}/.json?ns=${NS}&auth=owner`, {
    method: 'PUT',
    body: JSON.stringify(seed),
  });
  expect(put.status).toBe(200);
  client = webClient(server.port, NS, { sub: 'alice', user_id: 'alice' });
});
afterAll(async () => {
  await client?.close();
  await server?.close();
});

async function ownerRead(path: string): Promise<unknown> {
  return (await fetch(`${server.url}/${path}.json?ns=${NS}&auth=owner`)).json();
}

describe('a transaction the rules deny', () => {
  it('is rejected with PERMISSION_DENIED when the write is denied', async () => {
    const outcome = runTransaction(
      ref(client.db, 'counters/bob'),
      (current: number | null) => (current ?? 0) + 1,
    );
    await expect(outcome).rejects.toThrow(/permission_denied/i);
    expect(await ownerRead('counters/bob')).toBe(7);
  });

  it('is rejected with PERMISSION_DENIED when the read is denied', async () => {
    const outcome = runTransaction(ref(client.db, 'dropbox/note'), () => 'overwritten');
    await expect(outcome).rejects.toThrow(/permission_denied/i);
    expect(await ownerRead('dropbox/note')).toBe('secret');
  });

  it('still commits where the rules allow it', async () => {
    const result = await runTransaction(
      ref(client.db, 'counters/alice'),
      (current: number | null) => (current ?? 0) + 1,
    );
    expect(result.committed).toBe(true);
    expect(await ownerRead('counters/alice')).toBe(6);
  });
});

describe('a conditional REST write the rules deny', () => {
  it('answers 401 without the data, not 412 with it, when the client may not read', async () => {
    const token = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from('{"sub":"alice","iat":0}').toString('base64url')}.`;
    const reply = await fetch(`${server.url}/dropbox/note.json?ns=${NS}&auth=${token}`, {
      method: 'PUT',
      headers: { 'if-match': 'wrong-etag' },
      body: '"x"',
    });
    expect(reply.status).toBe(401);
    expect(await reply.text()).not.toContain('secret');
  });
});
