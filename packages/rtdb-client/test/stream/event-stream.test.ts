// The reconnection logic driven through the client's injected transport (`fetch`) and clock: each
// scripted answer is literal SSE wire text, so every branch (auth_revoked, cancel, backoff,
// retry budget) is reachable on demand. The same code runs against the real server in
// test/integration/stream.test.ts.
import { describe, expect, it } from 'vitest';
import { createRtdbClient, type Clock, type ReconnectInfo, type RtdbStreamEvent } from '../../src/index.js';
import { isRtdbClientError } from '../../src/core/rtdb-client-error.js';

type Script = { fail: 'network' } | { status: number; body: string } | { sse: string[]; keepOpen?: boolean };

interface ScriptedTransport {
  fetch: typeof fetch;
  urls: string[];
}

function scriptedTransport(script: Script[]): ScriptedTransport {
  const urls: string[] = [];
  const impl = async (input: string | URL | Request, init?: RequestInit): Promise<Response> => {
    urls.push(String(input));
    const step = script.shift();
    if (!step) throw new TypeError('fetch failed', { cause: new Error('script exhausted') });
    if ('fail' in step)
      throw new TypeError('fetch failed', { cause: new Error('connect ECONNREFUSED 127.0.0.1:1') });
    if ('status' in step) return new Response(step.body, { status: step.status });
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of step.sse) controller.enqueue(encoder.encode(chunk));
        if (!step.keepOpen) controller.close();
        init?.signal?.addEventListener('abort', () =>
          controller.error(new DOMException('aborted', 'AbortError')),
        );
      },
    });
    return new Response(body, { status: 200, headers: { 'content-type': 'text/event-stream' } });
  };
  return { fetch: impl as typeof fetch, urls };
}

function recordingClock(): Clock & { sleeps: number[] } {
  const sleeps: number[] = [];
  return { sleeps, now: () => 0, sleep: async (ms) => void sleeps.push(ms) };
}

const put = (path: string, data: unknown): string =>
  `event: put\ndata: ${JSON.stringify({ path, data })}\n\n`;

async function collect(iterator: AsyncIterable<RtdbStreamEvent>, count: number): Promise<RtdbStreamEvent[]> {
  const events: RtdbStreamEvent[] = [];
  for await (const event of iterator) {
    events.push(event);
    if (events.length === count) break;
  }
  return events;
}

async function failureOf(iterator: AsyncIterable<unknown>): Promise<unknown> {
  try {
    for await (const _ of iterator) {
      // drain
    }
  } catch (error) {
    return error;
  }
  throw new Error('the stream ended without an error');
}

const backoff = { initialDelayMs: 100, maxDelayMs: 1000, jitter: 0 };

describe('stream reconnection', () => {
  it('backs off exponentially while the server is unreachable and resets after data arrives', async () => {
    const transport = scriptedTransport([
      { fail: 'network' },
      { fail: 'network' },
      { fail: 'network' },
      { sse: [put('/', { n: 1 }), 'event: keep-alive\ndata: null\n\n'] },
      { sse: [put('/', { n: 2 })], keepOpen: true },
    ]);
    const clock = recordingClock();
    const reconnects: ReconnectInfo[] = [];
    const db = createRtdbClient({
      databaseUrl: 'http://db.test',
      namespace: 'ns1',
      fetch: transport.fetch,
      clock,
    });
    const events = await collect(
      db.ref('a/b').stream({ backoff, onReconnect: (info) => reconnects.push(info) }),
      2,
    );
    expect(events).toEqual([
      { type: 'put', path: '/', data: { n: 1 } },
      { type: 'put', path: '/', data: { n: 2 } },
    ]);
    expect(clock.sleeps).toEqual([100, 200, 400, 100]);
    expect(reconnects.map((r) => r.reason)).toEqual(['network', 'network', 'network', 'closed']);
    expect(transport.urls[0]).toBe('http://db.test/a/b.json?ns=ns1');
  });

  it('reconnects at once with a refreshed token after auth_revoked', async () => {
    const transport = scriptedTransport([
      {
        sse: [put('/', 1), 'event: auth_revoked\ndata: "credential is no longer valid"\n\n'],
        keepOpen: true,
      },
      { sse: [put('/', 2)], keepOpen: true },
    ]);
    const requests: boolean[] = [];
    const tokenSource = {
      getToken: async (forceRefresh?: boolean) => {
        requests.push(forceRefresh ?? false);
        return `token-${requests.length}`;
      },
    };
    const clock = recordingClock();
    const db = createRtdbClient({
      databaseUrl: 'http://db.test',
      fetch: transport.fetch,
      clock,
      tokenSource,
    });
    const events = await collect(db.ref('x').stream({ backoff }), 2);
    expect(events.map((e) => e.data)).toEqual([1, 2]);
    expect(requests).toEqual([false, true]);
    expect(transport.urls).toEqual([
      'http://db.test/x.json?auth=token-1',
      'http://db.test/x.json?auth=token-2',
    ]);
    expect(clock.sleeps).toEqual([]);
  });

  it('gives up after repeated auth_revoked right after connecting, but not after long healthy connections', async () => {
    const revokedSoon = (): Script => ({
      sse: [put('/', 1), 'event: auth_revoked\ndata: "credential is no longer valid"\n\n'],
      keepOpen: true,
    });
    const tokenSource = { getToken: async () => 'token' };
    // Time stands still: every revocation comes right after connecting.
    const quick = createRtdbClient({
      databaseUrl: 'http://db.test',
      fetch: scriptedTransport([revokedSoon(), revokedSoon(), revokedSoon(), revokedSoon()]).fetch,
      clock: recordingClock(),
      tokenSource,
    });
    const error = await failureOf(quick.ref('x').stream({ backoff }));
    expect(isRtdbClientError(error, 'rtdb-client/auth-revoked')).toBe(true);

    // An hour passes on every connection: each revocation is a token living out its life.
    let now = 0;
    const slowClock: Clock = { now: () => (now += 3_600_000), sleep: async () => {} };
    const transport = scriptedTransport([
      revokedSoon(),
      revokedSoon(),
      revokedSoon(),
      revokedSoon(),
      revokedSoon(),
      { sse: [put('/', 2)], keepOpen: true },
    ]);
    const slow = createRtdbClient({
      databaseUrl: 'http://db.test',
      fetch: transport.fetch,
      clock: slowClock,
      tokenSource,
    });
    const events = await collect(slow.ref('x').stream({ backoff }), 6);
    expect(events.map((e) => e.data)).toEqual([1, 1, 1, 1, 1, 2]);
  });

  it('fails with auth-revoked when there is no token source to refresh', async () => {
    const transport = scriptedTransport([
      {
        sse: [put('/', 1), 'event: auth_revoked\ndata: "credential is no longer valid"\n\n'],
        keepOpen: true,
      },
    ]);
    const db = createRtdbClient({
      databaseUrl: 'http://db.test',
      fetch: transport.fetch,
      clock: recordingClock(),
      accessToken: 'some-token',
    });
    const error = await failureOf(db.ref('x').stream({ backoff }));
    expect(isRtdbClientError(error, 'rtdb-client/auth-revoked')).toBe(true);
    expect((error as { serverMessage?: string }).serverMessage).toBe('credential is no longer valid');
  });

  it('ends with stream-cancelled carrying the server message on cancel', async () => {
    const transport = scriptedTransport([
      { sse: [put('/', 1), 'event: cancel\ndata: "Permission denied"\n\n'], keepOpen: true },
    ]);
    const db = createRtdbClient({
      databaseUrl: 'http://db.test',
      fetch: transport.fetch,
      clock: recordingClock(),
    });
    const seen: unknown[] = [];
    let failure: unknown;
    try {
      for await (const event of db.ref('x').stream({ backoff })) seen.push(event.data);
    } catch (error) {
      failure = error;
    }
    expect(seen).toEqual([1]);
    expect(isRtdbClientError(failure, 'rtdb-client/stream-cancelled')).toBe(true);
    expect((failure as { serverMessage?: string }).serverMessage).toBe('Permission denied');
    expect(transport.urls).toHaveLength(1);
  });

  it('does not retry a rules denial', async () => {
    const transport = scriptedTransport([{ status: 401, body: '{"error":"Permission denied"}' }]);
    const db = createRtdbClient({
      databaseUrl: 'http://db.test',
      fetch: transport.fetch,
      clock: recordingClock(),
    });
    const error = await failureOf(db.ref('x').stream({ backoff }));
    expect(isRtdbClientError(error, 'rtdb-client/permission-denied')).toBe(true);
    expect((error as { status?: number }).status).toBe(401);
    expect(transport.urls).toHaveLength(1);
  });

  it('retries 5xx answers and gives up after maxRetries consecutive failures', async () => {
    const transport = scriptedTransport([
      { status: 503, body: '{"error":"busy"}' },
      { fail: 'network' },
      { fail: 'network' },
    ]);
    const clock = recordingClock();
    const db = createRtdbClient({ databaseUrl: 'http://db.test', fetch: transport.fetch, clock });
    const error = await failureOf(db.ref('x').stream({ backoff, maxRetries: 2 }));
    expect(isRtdbClientError(error, 'rtdb-client/stream-retries-exhausted')).toBe(true);
    expect(clock.sleeps).toEqual([100, 200]);
    expect(transport.urls).toHaveLength(3);
  });

  it('reconnects when a connection goes silent for idleTimeoutMs', async () => {
    const transport = scriptedTransport([
      { sse: [put('/', 1)], keepOpen: true },
      { sse: [put('/', 2)], keepOpen: true },
    ]);
    const sleeps: number[] = [];
    // Timers fire on the next macrotask, after any data already queued has been read.
    const clock: Clock = {
      now: () => 0,
      sleep: (ms) => (sleeps.push(ms), new Promise((resolve) => setTimeout(resolve, 0))),
    };
    const reconnects: ReconnectInfo[] = [];
    const db = createRtdbClient({ databaseUrl: 'http://db.test', fetch: transport.fetch, clock });
    const events = await collect(
      db.ref('x').stream({ backoff, idleTimeoutMs: 90_000, onReconnect: (info) => reconnects.push(info) }),
      2,
    );
    expect(events.map((e) => e.data)).toEqual([1, 2]);
    expect(reconnects).toEqual([{ attempt: 0, delayMs: 100, reason: 'idle' }]);
    expect(sleeps.filter((ms) => ms === 90_000).length).toBeGreaterThanOrEqual(2);
  });

  it('ends quietly when the caller aborts, closing the connection', async () => {
    const transport = scriptedTransport([{ sse: [put('/', 1)], keepOpen: true }]);
    const db = createRtdbClient({
      databaseUrl: 'http://db.test',
      fetch: transport.fetch,
      clock: recordingClock(),
    });
    const controller = new AbortController();
    const seen: unknown[] = [];
    for await (const event of db.ref('x').stream({ signal: controller.signal })) {
      seen.push(event.data);
      setTimeout(() => controller.abort(), 10);
    }
    expect(seen).toEqual([1]);
    expect(transport.urls).toHaveLength(1);
  });

  it('rejects a stream event whose data is not JSON', async () => {
    const transport = scriptedTransport([{ sse: ['event: put\ndata: {not json\n\n'], keepOpen: true }]);
    const db = createRtdbClient({
      databaseUrl: 'http://db.test',
      fetch: transport.fetch,
      clock: recordingClock(),
    });
    const error = await failureOf(db.ref('x').stream());
    expect(isRtdbClientError(error, 'rtdb-client/invalid-response')).toBe(true);
  });
});
