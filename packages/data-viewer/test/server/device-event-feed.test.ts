import { createServer } from 'node:http';
import type { Server } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { DataViewerError } from '../../src/core/data-viewer-error.js';
import { DeviceEventFeed } from '../../src/server/device-event-feed.js';

const servers: Server[] = [];
afterEach(async () => {
  for (const server of servers.splice(0)) {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
});

async function serve(feed: DeviceEventFeed): Promise<string> {
  const server = createServer((req, res) => feed.handle(req, res));
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/events`;
}

/** Reads SSE events from a real HTTP response until `count` arrived. */
async function readEvents(
  url: string,
  count: number,
  afterOpen?: () => void,
): Promise<Array<{ event: string; data: unknown }>> {
  const controller = new AbortController();
  const res = await fetch(url, { signal: controller.signal });
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = (res.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const events: Array<{ event: string; data: unknown }> = [];
  let buffer = '';
  afterOpen?.();
  while (events.length < count) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let cut = buffer.indexOf('\n\n');
    while (cut >= 0) {
      const block = buffer.slice(0, cut);
      buffer = buffer.slice(cut + 2);
      const event = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (event && data) events.push({ event, data: JSON.parse(data) as unknown });
      cut = buffer.indexOf('\n\n');
    }
  }
  controller.abort();
  return events;
}

describe('DeviceEventFeed', () => {
  it('sends the recent past first, then operations and LCD changes as they happen', async () => {
    const feed = new DeviceEventFeed({ keep: 2 });
    const url = await serve(feed);
    const rtdb = 'http://127.0.0.1:9000/devices/u1';
    feed.publish({
      type: 'http',
      method: 'GET',
      url: `${rtdb}/readings.json?ns=x`,
      status: 200,
      t: 1,
    } as never);
    feed.publish({ type: 'http', method: 'PATCH', url: `${rtdb}/config.json?ns=x`, status: 200 });
    feed.publish({ type: 'http', method: 'DELETE', url: `${rtdb}/readings/-a.json?ns=x`, status: 200 });
    feed.publish({ type: 'lcd', lines: ['Deleted oldest', 'ir 812'] });
    feed.publish({ type: 'servo', angle: 3 } as never);

    const events = await readEvents(url, 3, () => {
      setTimeout(() => {
        feed.publish({
          type: 'http',
          method: 'PATCH',
          url: 'http://127.0.0.1:9000/devices/u2/config.json',
          status: 401,
        });
        feed.publish({ type: 'lcd', lines: ['Denied', 'Update refused'] });
      }, 50);
    });
    expect(events[0]).toEqual({
      event: 'snapshot',
      data: {
        operations: [
          expect.objectContaining({ seq: 2, method: 'PATCH', path: '/devices/u1/config' }),
          expect.objectContaining({ seq: 3, method: 'DELETE', path: '/devices/u1/readings/-a' }),
        ],
        lcd: ['Deleted oldest', 'ir 812'],
      },
    });
    expect(events[1]).toEqual({
      event: 'operation',
      data: expect.objectContaining({ seq: 4, path: '/devices/u2/config', status: 401, outcome: 'denied' }),
    });
    expect(events[2]).toEqual({ event: 'lcd', data: { lines: ['Denied', 'Update refused'] } });
  });

  it('ends open streams on close and refuses new ones with a clear error', async () => {
    const feed = new DeviceEventFeed();
    const url = await serve(feed);
    const res = await fetch(url);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    feed.close();
    let done = false;
    while (!done) done = (await reader.read()).done;
    const refused = await fetch(url);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: 'the feed is closed' });
    feed.publish({ type: 'lcd', lines: ['a', 'b'] });
    expect(feed.snapshot().lcd).toBeNull();
  });

  it('rejects a keep count out of range', () => {
    expect(() => new DeviceEventFeed({ keep: 0 })).toThrow(DataViewerError);
    expect(() => new DeviceEventFeed({ keep: 1.5 })).toThrow(
      expect.objectContaining({
        code: 'data-viewer/bad-option',
        message: 'keep must be an integer from 1 to 1000, got 1.5',
      }),
    );
  });
});
