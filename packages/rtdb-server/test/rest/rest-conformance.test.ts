import { describe, expect, it } from 'vitest';
import { useServer } from './rest-harness.js';

const { call, server } = useServer({ clock: () => 1_700_000_000_000 });
const NS = '?ns=conformance';

describe('REST methods', () => {
  it('PUT replaces and answers with the written data; GET reads it back', async () => {
    const put = await call('PUT', `/m/put.json${NS}`, { body: { a: 1, b: { c: 'x' } } });
    expect(put.status).toBe(200);
    expect(put.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(put.json).toEqual({ a: 1, b: { c: 'x' } });
    expect((await call('GET', `/m/put/b/c.json${NS}`)).json).toBe('x');
    await call('PUT', `/m/put.json${NS}`, { body: { z: true } });
    expect((await call('GET', `/m/put.json${NS}`)).json).toEqual({ z: true });
  });

  it('GET of an absent location is 200 null', async () => {
    const reply = await call('GET', `/nothing/here.json${NS}`);
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('null');
  });

  it('POST appends a child under a push id and answers {"name": id}', async () => {
    const first = await call('POST', `/m/list.json${NS}`, { body: { n: 1 } });
    const second = await call('POST', `/m/list.json${NS}`, { body: { n: 2 } });
    expect(first.status).toBe(200);
    const a = (first.json as { name: string }).name;
    const b = (second.json as { name: string }).name;
    expect(a).toMatch(/^[-0-9A-Za-z_]{20}$/);
    expect(b > a).toBe(true);
    expect((await call('GET', `/m/list.json${NS}`)).json).toEqual({ [a]: { n: 1 }, [b]: { n: 2 } });
  });

  it('PATCH updates named children (multi-path) and leaves the rest', async () => {
    await call('PUT', `/m/patch.json${NS}`, { body: { keep: 1, a: { x: 1, y: 2 }, gone: 3 } });
    const reply = await call('PATCH', `/m/patch.json${NS}`, {
      body: { 'a/x': 10, gone: null, 'new/deep': 'd' },
    });
    expect(reply.status).toBe(200);
    expect(reply.json).toEqual({ 'a/x': 10, gone: null, 'new/deep': 'd' });
    expect((await call('GET', `/m/patch.json${NS}`)).json).toEqual({
      keep: 1,
      a: { x: 10, y: 2 },
      new: { deep: 'd' },
    });
  });

  it('PATCH is atomic: one bad location and nothing is written', async () => {
    await call('PUT', `/m/atomic.json${NS}`, { body: { a: 1, b: 2 } });
    for (const body of [
      { a: 10, 'c/d': { '.sv': 'bogus' } },
      { a: 10, 'b/x': { 'bad.key': 1 } },
      { a: 10, b: 'x'.repeat(10 * 1024 * 1024 + 1) },
    ]) {
      const reply = await call('PATCH', `/m/atomic.json${NS}`, { body });
      expect(reply.status).toBe(400);
      expect((await call('GET', `/m/atomic.json${NS}`)).json).toEqual({ a: 1, b: 2 });
    }
  });

  it('DELETE removes and answers null; empty parents disappear', async () => {
    await call('PUT', `/m/del.json${NS}`, { body: { only: { child: 1 } } });
    const reply = await call('DELETE', `/m/del/only/child.json${NS}`);
    expect(reply.status).toBe(200);
    expect(reply.text).toBe('null');
    expect((await call('GET', `/m/del.json${NS}`)).json).toBeNull();
  });

  it('PUT null and {} delete', async () => {
    await call('PUT', `/m/nul.json${NS}`, { body: { a: 1 } });
    await call('PUT', `/m/nul/a.json${NS}`, { body: {} });
    expect((await call('GET', `/m/nul.json${NS}`)).json).toBeNull();
  });

  it('X-HTTP-Method-Override turns a POST into PUT, PATCH or DELETE (header and query form)', async () => {
    await call('POST', `/m/ov.json${NS}`, { body: { a: 1 }, headers: { 'X-HTTP-Method-Override': 'PUT' } });
    expect((await call('GET', `/m/ov.json${NS}`)).json).toEqual({ a: 1 });
    await call('POST', `/m/ov.json${NS}&x-http-method-override=PATCH`, { body: { b: 2 } });
    expect((await call('GET', `/m/ov.json${NS}`)).json).toEqual({ a: 1, b: 2 });
    await call('POST', `/m/ov.json${NS}`, { headers: { 'X-HTTP-Method-Override': 'DELETE' } });
    expect((await call('GET', `/m/ov.json${NS}`)).json).toBeNull();
  });

  it('percent-decodes path segments', async () => {
    await call('PUT', `/enc/${encodeURIComponent('a key é')}.json${NS}`, { body: 1 });
    expect((await call('GET', `/enc.json${NS}`)).json).toEqual({ 'a key é': 1 });
  });
});

describe('print, shallow and format', () => {
  it('print=silent answers 204 with no body, for writes and reads', async () => {
    const write = await call('PUT', `/p/s.json${NS}&print=silent`, { body: { a: 1 } });
    expect(write.status).toBe(204);
    expect(write.text).toBe('');
    expect((await call('GET', `/p/s.json${NS}`)).json).toEqual({ a: 1 });
    expect((await call('GET', `/p/s.json${NS}&print=silent`)).status).toBe(204);
  });

  // The tests below write what they read, so none depends on the one above having run.
  it('callback= wraps a GET in a JSONP call; download= asks browsers to save it', async () => {
    await call('PUT', `/p/s.json${NS}`, { body: { a: 1 } });
    const jsonp = await call('GET', `/p/s.json${NS}&callback=handle`);
    expect(jsonp.headers.get('content-type')).toBe('application/javascript; charset=utf-8');
    expect(jsonp.text).toBe('handle({"a":1});');
    const download = await call('GET', `/p/s.json${NS}&download=backup.json`);
    expect(download.headers.get('content-disposition')).toBe('attachment; filename="backup.json"');
    expect(download.json).toEqual({ a: 1 });
  });

  it('HEAD answers like GET without a body', async () => {
    await call('PUT', `/p/s.json${NS}`, { body: { a: 1 } });
    const head = await call('HEAD', `/p/s.json${NS}`);
    expect(head.status).toBe(200);
    expect(head.text).toBe('');
    expect(head.headers.get('content-length')).toBe(String('{"a":1}'.length));
  });

  it('print=pretty indents', async () => {
    await call('PUT', `/p/s.json${NS}`, { body: { a: 1 } });
    const reply = await call('GET', `/p/s.json${NS}&print=pretty`);
    expect(reply.text).toBe('{\n  "a": 1\n}');
  });

  it('shallow=true replaces each child by true and returns primitives as is', async () => {
    await call('PUT', `/p/sh.json${NS}`, { body: { a: { deep: 1 }, b: 2, c: 'x' } });
    expect((await call('GET', `/p/sh.json${NS}&shallow=true`)).json).toEqual({ a: true, b: true, c: true });
    expect((await call('GET', `/p/sh/b.json${NS}&shallow=true`)).json).toBe(2);
  });

  it('format=export keeps priorities and never renders arrays', async () => {
    await call('PUT', `/p/ex.json${NS}`, {
      body: { list: ['a', 'b'], pri: { '.value': 1, '.priority': 'p' } },
    });
    expect((await call('GET', `/p/ex.json${NS}`)).json).toEqual({ list: ['a', 'b'], pri: 1 });
    expect((await call('GET', `/p/ex.json${NS}&format=export`)).json).toEqual({
      list: { '0': 'a', '1': 'b' },
      pri: { '.value': 1, '.priority': 'p' },
    });
  });

  it('renders dense index maps as arrays, sparse ones as objects', async () => {
    await call('PUT', `/p/arr.json${NS}`, {
      body: { dense: { '0': 'a', '2': 'c' }, sparse: { '0': 'a', '9': 'j' } },
    });
    expect((await call('GET', `/p/arr.json${NS}`)).json).toEqual({
      dense: ['a', null, 'c'],
      sparse: { '0': 'a', '9': 'j' },
    });
  });

  it('writes to .priority set a priority', async () => {
    await call('PUT', `/p/prio.json${NS}`, { body: 'v' });
    await call('PUT', `/p/prio/.priority.json${NS}`, { body: 3 });
    expect((await call('GET', `/p/prio.json${NS}&format=export`)).json).toEqual({
      '.value': 'v',
      '.priority': 3,
    });
    expect((await call('GET', `/p/prio/.priority.json${NS}`)).json).toBe(3);
    expect((await call('GET', `/p/s/.priority.json${NS}`)).json).toBeNull();
  });
});

describe('server values', () => {
  it('resolves timestamp and increment, also inside PATCH', async () => {
    const put = await call('PUT', `/sv.json${NS}`, { body: { t: { '.sv': 'timestamp' }, n: 5 } });
    expect(put.json).toEqual({ t: 1_700_000_000_000, n: 5 });
    await call('PATCH', `/sv.json${NS}`, {
      body: { n: { '.sv': { increment: 2.5 } }, m: { '.sv': { increment: 1 } } },
    });
    expect((await call('GET', `/sv.json${NS}`)).json).toEqual({ t: 1_700_000_000_000, n: 7.5, m: 1 });
  });
});

describe('queries', () => {
  const scores = {
    alice: { score: 10, team: 'red' },
    bob: { score: 5, team: 'blue' },
    carol: { score: 'n/a', team: 'red' },
    dave: { team: 'blue' },
    erin: { score: 5, team: 'green' },
    '7': { score: true },
  };

  it('orderBy a child with ranges and limits, including the value,"key" form', async () => {
    await call('PUT', `/q.json${NS}`, { body: scores });
    const get = async (query: string) => (await call('GET', `/q.json${NS}&${query}`)).json;
    expect(await get('orderBy="score"&startAt=5&endAt=10')).toEqual({
      alice: scores.alice,
      bob: scores.bob,
      erin: scores.erin,
    });
    expect(await get('orderBy="score"&equalTo=5')).toEqual({ bob: scores.bob, erin: scores.erin });
    expect(await get('orderBy="score"&startAt=5,"c"')).toEqual({
      alice: scores.alice,
      erin: scores.erin,
      carol: scores.carol,
    });
    expect(await get('orderBy="score"&startAfter=5,"bob"&endBefore=10')).toEqual({ erin: scores.erin });
    expect(await get('orderBy="score"&limitToFirst=2')).toEqual({ dave: scores.dave, '7': scores['7'] });
    expect(await get('orderBy="score"&limitToLast=1')).toEqual({ carol: scores.carol });
    expect(await get('orderBy="score"&endAt=true')).toEqual({ dave: scores.dave, '7': scores['7'] });
    expect(await get('orderBy="team"&equalTo="red"')).toEqual({ alice: scores.alice, carol: scores.carol });
  });

  it('orders by $key with int-like keys first', async () => {
    await call('PUT', `/k.json${NS}`, { body: { b: 1, '10': 2, '9': 3, a: 4 } });
    expect((await call('GET', `/k.json${NS}&orderBy="$key"&limitToFirst=2`)).json).toEqual({
      '9': 3,
      '10': 2,
    });
    expect((await call('GET', `/k.json${NS}&orderBy="$key"&startAt="a"`)).json).toEqual({ a: 4, b: 1 });
  });

  it('orders by $value and $priority', async () => {
    await call('PUT', `/v.json${NS}`, {
      body: {
        a: 3,
        b: 'x',
        c: false,
        d: { '.value': 1, '.priority': 9 },
        e: { '.value': 2, '.priority': 'p' },
      },
    });
    expect((await call('GET', `/v.json${NS}&orderBy="$value"&startAt=2&endAt=3`)).json).toEqual({
      a: 3,
      e: 2,
    });
    expect((await call('GET', `/v.json${NS}&orderBy="$priority"&startAt=1&limitToFirst=1`)).json).toEqual({
      d: 1,
    });
    expect((await call('GET', `/v.json${NS}&orderBy="$priority"&equalTo="p"`)).json).toEqual({ e: 2 });
  });

  it('accepts shallow paging without orderBy (firebase-tools does this)', async () => {
    await call('PUT', `/pg.json${NS}`, { body: { a: { x: 1 }, b: { x: 2 }, c: { x: 3 } } });
    expect((await call('GET', `/pg.json${NS}&shallow=true&limitToFirst=2`)).json).toEqual({
      a: true,
      b: true,
    });
    expect((await call('GET', `/pg.json${NS}&shallow=true&startAfter="a"&limitToFirst=5`)).json).toEqual({
      b: true,
      c: true,
    });
  });

  it('accepts timeout and writeSizeLimit', async () => {
    expect((await call('GET', `/q/bob.json${NS}&timeout=3s`)).status).toBe(200);
    expect((await call('PUT', `/tmp.json${NS}&writeSizeLimit=tiny`, { body: 1 })).status).toBe(200);
  });
});

describe('namespaces and endpoints', () => {
  it('keeps namespaces apart and lists them', async () => {
    await call('PUT', '/x.json?ns=ns-one', { body: 1 });
    await call('PUT', '/x.json?ns=ns-two', { body: 2 });
    expect((await call('GET', '/x.json?ns=ns-one')).json).toBe(1);
    expect((await call('GET', '/x.json?ns=ns-two')).json).toBe(2);
    const list = (await call('GET', '/.inspect/databases.json')).json as { name: string }[];
    expect(list.map((d) => d.name)).toEqual(expect.arrayContaining(['ns-one', 'ns-two', 'conformance']));
  });

  it('uses the first Host label when there are at least three, else the default namespace', async () => {
    const url = new URL(server().url);
    const { request } = await import('node:http');
    const get = (host: string) =>
      new Promise<string>((resolve, reject) => {
        request({ host: url.hostname, port: url.port, path: '/x.json', headers: { host } }, (res) => {
          let text = '';
          res.on('data', (chunk: Buffer) => (text += chunk.toString()));
          res.on('end', () => resolve(text));
        })
          .on('error', reject)
          .end();
      });
    expect(await get('ns-one.firebaseio.com')).toBe('1');
    expect(await get('127.0.0.1:9000')).toBe('null');
    await call('PUT', '/x.json', { body: 'default' });
    expect((await call('GET', '/x.json?ns=demo-iotkit-default-rtdb')).json).toBe('default');
  });

  it('answers CORS preflights and marks responses for any origin', async () => {
    const pre = await call('OPTIONS', `/x.json${NS}`, {
      headers: {
        Origin: 'http://page.test',
        'Access-Control-Request-Method': 'PUT',
        'Access-Control-Request-Headers': 'content-type',
      },
    });
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('http://page.test');
    expect(pre.headers.get('access-control-allow-methods')).toContain('PATCH');
    expect(pre.headers.get('access-control-allow-headers')).toBe('content-type');
    const get = await call('GET', `/x.json${NS}`, { headers: { Origin: 'http://page.test' } });
    expect(get.headers.get('access-control-allow-origin')).toBe('http://page.test');
    expect((await call('GET', `/x.json${NS}`)).headers.get('access-control-allow-origin')).toBe('*');
  });

  it('answers non-data URLs with 404 and a JSON error', async () => {
    const reply = await call('GET', '/');
    expect(reply.status).toBe(404);
    expect(reply.json).toEqual({ error: expect.stringContaining('.json') });
  });
});
