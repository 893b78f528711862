import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { startLocalRtdb, type LocalRtdb } from '../../src/testing/local-rtdb.js';

let db: LocalRtdb;
beforeAll(async () => {
  db = await startLocalRtdb();
});
afterAll(() => db?.stop());

describe('startLocalRtdb', () => {
  it('serves REST on a loopback port, as the admin, per namespace', async () => {
    expect(db.host).toMatch(/^127\.0\.0\.1:\d+$/);
    await db.rest('PUT', 'devices/u1/latest', 'ns-a', { ir: 5 });
    expect(await db.rest('GET', 'devices/u1/latest', 'ns-a')).toEqual({ ir: 5 });
    expect(await db.rest('GET', 'devices/u1/latest', 'ns-b')).toBeNull();
  });

  it('rejects with the status and the server error on a refused request, changing nothing', async () => {
    await expect(db.rest('PUT', 'devices/u1/latest', 'ns-a', undefined)).rejects.toThrow(
      /^PUT devices\/u1\/latest: 400 /,
    );
    expect(await db.rest('GET', 'devices/u1/latest', 'ns-a')).toEqual({ ir: 5 });
  });

  it('frees its port when stopped', async () => {
    const other = await startLocalRtdb();
    await other.stop();
    const port = Number(other.host.split(':')[1]);
    const probe = createServer();
    await new Promise<void>((resolve, reject) =>
      probe.once('error', reject).listen(port, '127.0.0.1', resolve),
    );
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  });
});
