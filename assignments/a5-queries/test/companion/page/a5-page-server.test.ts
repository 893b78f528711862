// The A5 page server over real HTTP: the page embeds the query it shows, the browser script
// bundles, keys reach the device, and bad requests get a clear answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceEventFeed } from '@iotkit/data-viewer';
import { startA5Page } from '../../../companion/page/src/a5-page-server.js';
import type { RunningA5Page } from '../../../companion/page/src/a5-page-server.js';

let page: RunningA5Page;
const feed = new DeviceEventFeed();
const pressed: string[] = [];

beforeAll(async () => {
  page = await startA5Page({
    databaseHost: '127.0.0.1:9000',
    namespace: 'a5-page-test',
    projectId: 'demo-iotkit',
    uid: 'uid-1',
    orderBy: 'zone',
    prefix: 'lab</script>',
    feed,
    pressKeys: (keys) => pressed.push(keys),
  });
}, 60_000);
afterAll(async () => {
  await page?.stop();
  feed.close();
});

describe('A5 page server', () => {
  it('serves the page with the query settings embedded safely, and the bundled script', async () => {
    const html = await (await fetch(page.url)).text();
    expect(html).toContain('"orderBy":"zone"');
    expect(html).toContain('"prefix":"lab\\u003c/script\\u003e"');
    expect(html).not.toContain('lab</script>');
    const script = await fetch(new URL('/app.js', page.url));
    expect(script.headers.get('content-type')).toContain('javascript');
    expect((await script.text()).length).toBeGreaterThan(10_000);
  });

  it('presses keypad keys on the device and refuses anything else', async () => {
    const ok = await fetch(new URL('/keys', page.url), {
      method: 'POST',
      body: JSON.stringify({ keys: '#' }),
    });
    expect(ok.status).toBe(204);
    expect(pressed).toEqual(['#']);
    const bad = await fetch(new URL('/keys', page.url), {
      method: 'POST',
      body: JSON.stringify({ keys: 'x' }),
    });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toContain('keypad keys');
    const notJson = await fetch(new URL('/keys', page.url), { method: 'POST', body: 'nope' });
    expect(notJson.status).toBe(400);
    expect(pressed).toEqual(['#']);
    expect((await fetch(new URL('/nothing', page.url))).status).toBe(404);
  });
});
