// Bytes and events a query-filtered SSE stream receives over 1,000 writes inside its window, for
// windows of 10 and 1,000 children: what the server sends now (only the child that changed)
// beside what it sent before (a `put` of `/` with the whole window on every change), measured in
// the same run. The earlier figure is the exact event text the earlier server wrote for each
// change: the window as the client holds it after that change (rebuilt from the deltas received,
// and checked against a REST read of the query at the end), wrapped as a `put` of `/`.
//
//   pnpm --filter @iotkit/rtdb-server exec tsx --conditions=@iotkit/source bench/query-stream-deltas.ts
import { request } from 'node:http';
import { isDeepStrictEqual } from 'node:util';
import { startRtdbServer } from '../src/index.js';
import { formatSseEvent } from '../src/stream/sse-event.js';

const WRITES = 1000;
const OUTSIDE_WRITES = 100;
const WINDOWS = [10, 1000] as const;
const DEADLINE_MS = 120_000;

interface Figures {
  window: number;
  events: number;
  bytes: number;
  wholeWindowBytes: number;
  outsideEvents: number;
  consistent: boolean;
}

function key(i: number): string {
  return `c${String(i).padStart(5, '0')}`;
}

async function measure(baseUrl: string, window: number): Promise<Figures> {
  const ns = `?ns=bench`;
  const node = `/bench/w${window}`;
  const children: Record<string, unknown> = {};
  // The window: n in [0, window); as many children again outside it.
  for (let i = 0; i < 2 * window; i += 1)
    children[key(i)] = { n: i < window ? i : 1_000_000 + i, v: 0, label: 'ir-desk' };
  await fetch(`${baseUrl}${node}.json${ns}`, { method: 'PUT', body: JSON.stringify(children) });
  const query = `orderBy=%22n%22&startAt=0&endAt=${window - 1}`;

  let mirror: Record<string, unknown> = {};
  let events = 0;
  let bytes = 0;
  let wholeWindowBytes = 0;
  let first = true;
  let onEvent: (() => void) | undefined;
  let buffer = '';
  const stream = request(`${baseUrl}${node}.json${ns}&${query}`, {
    headers: { Accept: 'text/event-stream' },
  });
  const opened = new Promise<void>((resolve) => {
    stream.on('response', (res) => {
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const text = buffer.slice(0, end + 2);
          buffer = buffer.slice(end + 2);
          const type = text.slice(text.indexOf('event: ') + 7, text.indexOf('\n'));
          if (type !== 'put' && type !== 'patch') continue;
          const body = JSON.parse(text.slice(text.indexOf('data: ') + 6)) as { path: string; data: unknown };
          if (first) {
            first = false;
            mirror = { ...(body.data as Record<string, unknown>) };
            resolve();
            continue;
          }
          events += 1;
          bytes += Buffer.byteLength(text);
          if (type === 'put' && body.path === '/') mirror = { ...(body.data as Record<string, unknown>) };
          else if (type === 'put') setChild(mirror, body.path.slice(1), body.data);
          else
            for (const [k, v] of Object.entries(body.data as Record<string, unknown>)) setChild(mirror, k, v);
          wholeWindowBytes += Buffer.byteLength(formatSseEvent('put', { path: '/', data: mirror }));
          onEvent?.();
        }
      });
    });
  });
  stream.end();
  await opened;

  const deadline = Date.now() + DEADLINE_MS;
  const waitForEvents = (count: number): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = (): void => {
        if (events >= count) resolve();
        else if (Date.now() > deadline) reject(new Error(`window ${window}: ${events} of ${count} events`));
        else onEvent = check;
      };
      check();
    });
  for (let i = 1; i <= WRITES; i += 1) {
    await fetch(`${baseUrl}${node}/${key(i % window)}/v.json${ns}`, { method: 'PUT', body: String(i) });
    await waitForEvents(i);
    if (Date.now() > deadline) throw new Error(`window ${window}: out of time after ${i} writes`);
  }
  const insideEvents = events;
  for (let i = 0; i < OUTSIDE_WRITES; i += 1) {
    await fetch(`${baseUrl}${node}/${key(window + (i % window))}/v.json${ns}`, {
      method: 'PUT',
      body: String(i),
    });
  }
  // A last inside write flushes anything the outside writes might have produced before it.
  await fetch(`${baseUrl}${node}/${key(0)}/v.json${ns}`, { method: 'PUT', body: '-1' });
  await waitForEvents(insideEvents + 1);
  const outsideEvents = events - insideEvents - 1;
  const rest = (await (await fetch(`${baseUrl}${node}.json${ns}&${query}`)).json()) as Record<
    string,
    unknown
  >;
  stream.destroy();
  return {
    window,
    events: insideEvents,
    bytes,
    wholeWindowBytes,
    outsideEvents,
    consistent: isDeepStrictEqual(mirror, rest),
  };
}

function setChild(target: Record<string, unknown>, k: string, value: unknown): void {
  if (value === null) delete target[k];
  else target[k] = value;
}

async function main(): Promise<void> {
  const server = await startRtdbServer({ port: 0, log: () => {} });
  try {
    console.log(`query stream over ${WRITES} writes inside the window (then ${OUTSIDE_WRITES} outside it)`);
    console.log(
      'window   events   bytes now   bytes/change now   whole-window bytes/change (before)   ratio   outside events   consistent',
    );
    for (const window of WINDOWS) {
      const f = await measure(server.url, window);
      const per = f.bytes / WRITES;
      const before = f.wholeWindowBytes / WRITES;
      console.log(
        `${String(f.window).padStart(6)}   ${String(f.events).padStart(6)}   ${String(f.bytes).padStart(9)}   ${per.toFixed(1).padStart(16)}   ${before.toFixed(1).padStart(34)}   ${(before / per).toFixed(1).padStart(5)}x   ${String(f.outsideEvents).padStart(14)}   ${f.consistent ? 'yes' : 'NO'}`,
      );
    }
  } finally {
    await server.close();
  }
}

await main();
