import { describe, expect, it } from 'vitest';
import { startRtdbServer, type AccessPolicy } from '../../src/index.js';

describe('startRtdbServer', () => {
  it('turns an unexpected failure into a logged 500 JSON error and keeps serving', async () => {
    const logs: string[] = [];
    const exploding: AccessPolicy = {
      canRead: (_ctx, _db, path) => {
        if (path[0] === 'boom') throw new Error('policy bug');
        return { allowed: true };
      },
      canWrite: () => ({ allowed: true }),
      hasIndex: () => true,
    };
    const server = await startRtdbServer({
      port: 0,
      log: (line) => logs.push(line),
      policyFor: () => exploding,
    });
    try {
      const reply = await fetch(`${server.url}/boom.json?ns=guard`);
      expect(reply.status).toBe(500);
      expect(await reply.json()).toEqual({ error: 'Internal server error' });
      expect(logs.join('\n')).toContain('policy bug');
      expect((await fetch(`${server.url}/fine.json?ns=guard`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('binds 127.0.0.1 by default and warns when it is exposed beyond loopback', async () => {
    const quiet: string[] = [];
    const local = await startRtdbServer({ port: 0, log: (line) => quiet.push(line) });
    expect(local.host).toBe('127.0.0.1');
    expect(local.url).toBe(`http://127.0.0.1:${local.port}`);
    expect(local.exposed).toBe(false);
    await local.close();
    // 127.0.0.2 is another loopback address on Linux: not exposed either.
    const other = await startRtdbServer({ port: 0, host: '127.0.0.2', log: (line) => quiet.push(line) });
    expect(other.exposed).toBe(false);
    await other.close();
    expect(quiet.filter((line) => line.includes(' WARN '))).toEqual([]);
    const logs: string[] = [];
    const forwarded = await startRtdbServer({ port: 0, exposed: true, log: (line) => logs.push(line) });
    expect(forwarded.exposed).toBe(true);
    await forwarded.close();
    expect(logs.join('\n')).toMatch(
      /^rtdb:server WARN listening on 127\.0\.0\.1, reachable from other machines/m,
    );
  });

  it('refuses exposed: false for an interface other machines can reach', async () => {
    await expect(
      startRtdbServer({ port: 0, host: '0.0.0.0', exposed: false, log: () => {} }),
    ).rejects.toMatchObject({
      code: 'rtdb/invalid-option',
      message: expect.stringContaining('0.0.0.0') as string,
    });
  });

  it('closes with open streams and flushes durable namespaces', async () => {
    const server = await startRtdbServer({ port: 0, log: () => {} });
    const controller = new AbortController();
    const stream = await fetch(`${server.url}/s.json?ns=close`, {
      headers: { Accept: 'text/event-stream' },
      signal: controller.signal,
    });
    expect(stream.status).toBe(200);
    await server.close();
    controller.abort();
  });
});
