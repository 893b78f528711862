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

  it('binds 127.0.0.1 by default and warns when told to bind anything else', async () => {
    const quiet: string[] = [];
    const local = await startRtdbServer({ port: 0, log: (line) => quiet.push(line) });
    expect(local.host).toBe('127.0.0.1');
    expect(local.url).toBe(`http://127.0.0.1:${local.port}`);
    await local.close();
    expect(quiet.filter((line) => line.includes('WARNING'))).toEqual([]);
    const logs: string[] = [];
    // 127.0.0.2 is still loopback on Linux, but not the default: enough to trigger the warning.
    const other = await startRtdbServer({ port: 0, host: '127.0.0.2', log: (line) => logs.push(line) });
    await other.close();
    expect(logs.join('\n')).toMatch(/WARNING: listening on 127\.0\.0\.2/);
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
