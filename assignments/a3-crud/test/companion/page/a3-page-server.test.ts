import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceEventFeed } from '@iotkit/data-viewer';
import { startA3Page } from '../../../companion/page/src/a3-page-server.js';
import type { RunningA3Page } from '../../../companion/page/src/a3-page-server.js';
import { isKeypadSequence } from '../../../companion/page/src/page/keypad-keys.js';

const pressed: string[] = [];
let withKeypad: RunningA3Page;
let withoutKeypad: RunningA3Page;
const config = {
  databaseHost: '127.0.0.1:9000',
  namespace: 'a3',
  projectId: 'demo-iotkit',
  uid: 'uid-</script>',
};

beforeAll(async () => {
  withKeypad = await startA3Page({
    ...config,
    feed: new DeviceEventFeed(),
    pressKeys: (keys) => pressed.push(keys),
  });
  withoutKeypad = await startA3Page({ ...config, feed: new DeviceEventFeed() });
}, 60_000);
afterAll(async () => {
  await withKeypad?.stop();
  await withoutKeypad?.stop();
});

const post = (page: RunningA3Page, body: string): Promise<Response> =>
  fetch(new URL('/keys', page.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body,
  });

describe('A3 page server', () => {
  it('serves the page with its config embedded safely, the script and the event feed', async () => {
    const html = await (await fetch(withKeypad.url)).text();
    expect(html).toContain('"uid":"uid-\\u003c/script\\u003e"');
    expect(html).not.toContain('uid-</script>');
    const script = await fetch(new URL('/app.js', withKeypad.url));
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(10_000);
    const events = await fetch(new URL('/events', withKeypad.url));
    expect(events.headers.get('content-type')).toContain('text/event-stream');
    await events.body?.cancel();
  });

  it('presses valid key sequences on the device', async () => {
    const res = await post(withKeypad, JSON.stringify({ keys: 'B1500#' }));
    expect(res.status).toBe(204);
    expect(pressed).toEqual(['B1500#']);
  });

  it('refuses bad input with a message naming the problem, pressing nothing', async () => {
    pressed.length = 0;
    const cases: Array<[string, number, string]> = [
      ['{"keys":"E"}', 400, '"keys" must be 1 to 16 keypad keys (0-9, *, #, A-D), got "E"'],
      ['{"keys":""}', 400, '"keys" must be 1 to 16 keypad keys (0-9, *, #, A-D), got ""'],
      ['{"key":"A"}', 400, '"keys" must be 1 to 16 keypad keys (0-9, *, #, A-D), got nothing'],
      ['not json', 400, 'the body must be JSON like {"keys": "B1500#"}'],
      [JSON.stringify({ keys: 'A'.repeat(2000) }), 413, 'the request body is larger than 1024 bytes'],
    ];
    for (const [body, status, error] of cases) {
      const res = await post(withKeypad, body);
      expect(res.status, body.slice(0, 30)).toBe(status);
      expect(await res.json()).toEqual({ error });
    }
    expect(pressed).toEqual([]);
    const noDevice = await post(withoutKeypad, '{"keys":"A"}');
    expect(noDevice.status).toBe(503);
    expect(await noDevice.json()).toEqual({ error: 'no device is attached to this page' });
    const put = await fetch(new URL('/keys', withKeypad.url), { method: 'PUT' });
    expect(put.status).toBe(405);
    expect(put.headers.get('allow')).toBe('POST');
    const missing = await fetch(new URL('/nope', withKeypad.url));
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({ error: 'no such page: /nope' });
  });

  it('accepts exactly what a 4x4 keypad can type', () => {
    expect(isKeypadSequence('0123456789*#ABCD')).toBe(true);
    expect(isKeypadSequence('0123456789*#ABCDA')).toBe(false);
    expect(isKeypadSequence('a')).toBe(false);
    expect(isKeypadSequence(7)).toBe(false);
  });
});
