import { get, orderByChild, query, ref, equalTo } from 'firebase/database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdbServer, type RunningRtdbServer } from '../../src/server/rtdb-server.js';
import { uniqueNamespace, webClient, type WebClient } from './support/sdk-clients.js';

let server: RunningRtdbServer;
const clients: WebClient[] = [];

beforeAll(async () => {
  server = await startRtdbServer({ port: 0, log: () => undefined });
});
afterAll(async () => {
  await Promise.all(clients.map((c) => c.close()));
  await server.close();
});

async function seed(ns: string): Promise<void> {
  const put = await fetch(`${server.url}/readings.json?ns=${ns}`, {
    method: 'PUT',
    body: JSON.stringify({ a: { ir: 1, room: 'lab' }, b: { ir: 2, room: 'hall' } }),
  });
  expect(put.status).toBe(200);
}

describe('realtime get of a child-path query', () => {
  it('is refused with the production "Index not defined" message when the rules declare no index, like REST', async () => {
    const ns = uniqueNamespace('get-index');
    await seed(ns);
    await server.putRules(ns, JSON.stringify({ rules: { '.read': true, '.write': true } }));
    const client = webClient(server.port, ns, { sub: 'u1' });
    clients.push(client);
    const byRoom = query(ref(client.db, 'readings'), orderByChild('room'), equalTo('lab'));
    const message = 'Index not defined, add ".indexOn": "room", for path "/readings", to the rules';
    await expect(get(byRoom)).rejects.toThrow(message);
    const rest = await fetch(`${server.url}/readings.json?ns=${ns}&orderBy=%22room%22&equalTo=%22lab%22`);
    expect(rest.status).toBe(400);
    expect(((await rest.json()) as { error: string }).error).toBe(message);
    // A plain read needs no index, and admin tools bypass the rules, index declarations included.
    expect((await get(ref(client.db, 'readings/a'))).val()).toEqual({ ir: 1, room: 'lab' });
    const admin = webClient(server.port, ns, 'owner');
    clients.push(admin);
    expect((await get(query(ref(admin.db, 'readings'), orderByChild('room'), equalTo('lab')))).val()).toEqual(
      { a: { ir: 1, room: 'lab' } },
    );
  });

  it('is answered once the rules declare the index, and without rules', async () => {
    const ns = uniqueNamespace('get-indexed');
    await seed(ns);
    await server.putRules(
      ns,
      JSON.stringify({ rules: { '.read': true, '.write': true, readings: { '.indexOn': ['room'] } } }),
    );
    const client = webClient(server.port, ns);
    clients.push(client);
    const snap = await get(query(ref(client.db, 'readings'), orderByChild('room'), equalTo('lab')));
    expect(snap.val()).toEqual({ a: { ir: 1, room: 'lab' } });

    const open = uniqueNamespace('get-no-rules');
    await seed(open);
    const other = webClient(server.port, open);
    clients.push(other);
    expect(
      (await get(query(ref(other.db, 'readings'), orderByChild('room'), equalTo('hall')))).val(),
    ).toEqual({ b: { ir: 2, room: 'hall' } });
  });
});
