import { describe, expect, it } from 'vitest';
import { nodeHash } from '../../src/core/node-hash.js';
import { nodeFromJson } from '../../src/core/node-json.js';
import { useServer } from './rest-harness.js';

const { call } = useServer();
const NS = '?ns=etags';
const ETAG = { 'X-Firebase-ETag': 'true' };

describe('ETags', () => {
  it('GET with X-Firebase-ETag returns the node hash as ETag, null_etag when absent', async () => {
    await call('PUT', `/e/a.json${NS}`, { body: { x: 1, y: 'two' } });
    const reply = await call('GET', `/e/a.json${NS}`, { headers: ETAG });
    expect(reply.headers.get('etag')).toBe(nodeHash(nodeFromJson({ x: 1, y: 'two' })));
    expect((await call('GET', `/e/none.json${NS}`, { headers: ETAG })).headers.get('etag')).toBe('null_etag');
    expect((await call('GET', `/e/a.json${NS}`)).headers.get('etag')).toBeNull();
  });

  // Each test writes its own location first, so none depends on another having run before it.
  it('if-match with the current ETag writes and returns the new ETag', async () => {
    await call('PUT', `/e/b.json${NS}`, { body: { x: 1, y: 'two' } });
    const etag = (await call('GET', `/e/b.json${NS}`, { headers: ETAG })).headers.get('etag')!;
    expect(etag).toBe(nodeHash(nodeFromJson({ x: 1, y: 'two' })));
    const reply = await call('PUT', `/e/b.json${NS}`, { body: { x: 2 }, headers: { 'if-match': etag } });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ x: 2 });
    expect(reply.headers.get('etag')).toBe(nodeHash(nodeFromJson({ x: 2 })));
  });

  it('if-match with a stale ETag is 412 with the current value and ETag, and writes nothing', async () => {
    await call('PUT', `/e/c.json${NS}`, { body: { x: 2 } });
    const reply = await call('PUT', `/e/c.json${NS}`, { body: { x: 3 }, headers: { 'if-match': 'stale' } });
    expect(reply.status).toBe(412);
    expect(reply.json).toEqual({ x: 2 });
    expect(reply.headers.get('etag')).toBe(nodeHash(nodeFromJson({ x: 2 })));
    expect((await call('GET', `/e/c.json${NS}`)).json).toEqual({ x: 2 });
  });

  it('if-match: null_etag means "only if absent"', async () => {
    const created = await call('PUT', `/e/new.json${NS}`, { body: 1, headers: { 'if-match': 'null_etag' } });
    expect(created.status).toBe(200);
    const again = await call('PUT', `/e/new.json${NS}`, { body: 2, headers: { 'if-match': 'null_etag' } });
    expect(again.status).toBe(412);
    expect(again.json).toBe(1);
  });

  it('DELETE honours if-match too', async () => {
    await call('PUT', `/e/doomed.json${NS}`, { body: 1 });
    expect(
      (await call('DELETE', `/e/doomed.json${NS}`, { headers: { 'if-match': 'null_etag' } })).status,
    ).toBe(412);
    expect((await call('GET', `/e/doomed.json${NS}`)).json).toBe(1);
    const etag = (await call('GET', `/e/doomed.json${NS}`, { headers: ETAG })).headers.get('etag')!;
    expect((await call('DELETE', `/e/doomed.json${NS}`, { headers: { 'if-match': etag } })).status).toBe(200);
    expect((await call('GET', `/e/doomed.json${NS}`)).json).toBeNull();
  });

  it('if-none-match with the current ETag is 304; with another it is 200', async () => {
    await call('PUT', `/e/d.json${NS}`, { body: { x: 2 } });
    const etag = (await call('GET', `/e/d.json${NS}`, { headers: ETAG })).headers.get('etag')!;
    const same = await call('GET', `/e/d.json${NS}`, { headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    const other = await call('GET', `/e/d.json${NS}`, { headers: { 'if-none-match': 'other' } });
    expect(other.status).toBe(200);
    expect(other.json).toEqual({ x: 2 });
  });

  it('a transaction loop built on if-match never loses an increment', async () => {
    await call('PUT', `/e/counter.json${NS}`, { body: 0 });
    const increment = async () => {
      for (;;) {
        const read = await call('GET', `/e/counter.json${NS}`, { headers: ETAG });
        const write = await call('PUT', `/e/counter.json${NS}`, {
          body: (read.json as number) + 1,
          headers: { 'if-match': read.headers.get('etag')! },
        });
        if (write.status === 200) return;
        expect(write.status).toBe(412);
      }
    };
    await Promise.all(Array.from({ length: 10 }, increment));
    expect((await call('GET', `/e/counter.json${NS}`)).json).toBe(10);
  });
});
