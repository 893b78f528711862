import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { startMqttBroker } from '@iotkit/backend';
import { connectAsync } from 'mqtt';
import { WebSocket, WebSocketServer } from 'ws';
import { parseSse } from '../../labs/patterns/sse-parser.js';
import type { LabResult, LabRow } from './lab-report.js';
import { startLossyProxy } from './lossy-proxy.js';

/** Options of {@link runPatternsLab}. */
export interface PatternsLabOptions {
  /** Sensor events per pattern (default 40). */
  events?: number;
  /** Time between events in ms (default 50). */
  intervalMs?: number;
  /** How often the short-polling client asks, in ms (default 200). */
  pollMs?: number;
}

interface SensorEvent {
  seq: number;
  /** Emission time, ms on this process's clock. */
  at: number;
}

const now = (): number => performance.timeOrigin + performance.now();
const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** An HTTP server on loopback that counts requests and the bytes of every connection. */
async function countingServer(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<{
  server: Server;
  port: number;
  requests: () => number;
  bytes: () => number;
  close: () => Promise<void>;
}> {
  const sockets = new Set<Socket>();
  let requests = 0;
  const server = createServer((req, res) => {
    requests += 1;
    handler(req, res);
  });
  server.on('connection', (socket: Socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    port: (server.address() as AddressInfo).port,
    requests: () => requests,
    bytes: () => [...sockets].reduce((sum, s) => sum + s.bytesRead + s.bytesWritten, 0),
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const at = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return Math.round((sorted[at] ?? NaN) * 10) / 10;
}

/** Emits `count` events every `intervalMs` through `publish`; resolves when all went out. */
async function emit(count: number, intervalMs: number, publish: (event: SensorEvent) => void): Promise<void> {
  for (let seq = 1; seq <= count; seq += 1) {
    publish({ seq, at: now() });
    await pause(intervalMs);
  }
}

interface PatternRun {
  latencies: number[];
  requests: number;
  bytes: number;
}

async function shortPolling(count: number, intervalMs: number, pollMs: number): Promise<PatternRun> {
  const events: SensorEvent[] = [];
  const server = await countingServer((req, res) => {
    const since = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('since') ?? 0);
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify(events.filter((e) => e.seq > since)));
  });
  const latencies: number[] = [];
  let since = 0;
  const poller = (async () => {
    const deadline = now() + count * intervalMs + 5000;
    while (since < count && now() < deadline) {
      const got = (await (
        await fetch(`http://127.0.0.1:${server.port}/events?since=${since}`)
      ).json()) as SensorEvent[];
      for (const e of got) latencies.push(now() - e.at);
      since = got.at(-1)?.seq ?? since;
      await pause(pollMs);
    }
  })();
  await emit(count, intervalMs, (e) => events.push(e));
  await poller;
  const run = { latencies, requests: server.requests(), bytes: server.bytes() };
  await server.close();
  return run;
}

async function longPolling(count: number, intervalMs: number): Promise<PatternRun> {
  const events: SensorEvent[] = [];
  const waiting = new Set<() => void>();
  const server = await countingServer((req, res) => {
    const since = Number(new URL(req.url ?? '/', 'http://x').searchParams.get('since') ?? 0);
    const answer = (): boolean => {
      const fresh = events.filter((e) => e.seq > since);
      if (fresh.length === 0) return false;
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify(fresh));
      return true;
    };
    if (answer()) return;
    const retry = (): void => {
      if (answer()) waiting.delete(retry);
    };
    waiting.add(retry);
  });
  const latencies: number[] = [];
  let since = 0;
  const poller = (async () => {
    while (since < count) {
      const got = (await (
        await fetch(`http://127.0.0.1:${server.port}/wait?since=${since}`)
      ).json()) as SensorEvent[];
      for (const e of got) latencies.push(now() - e.at);
      since = got.at(-1)?.seq ?? since;
    }
  })();
  await emit(count, intervalMs, (e) => {
    events.push(e);
    for (const retry of [...waiting]) retry();
  });
  await Promise.race([poller, pause(5000)]);
  const run = { latencies, requests: server.requests(), bytes: server.bytes() };
  await server.close();
  return run;
}

async function serverSentEvents(count: number, intervalMs: number): Promise<PatternRun> {
  const streams = new Set<ServerResponse>();
  const server = await countingServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-store' });
    res.write(': connected\n\n');
    streams.add(res);
  });
  const latencies: number[] = [];
  const response = await fetch(`http://127.0.0.1:${server.port}/stream`);
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const reading = (async () => {
    let text = '';
    while (latencies.length < count) {
      const { value, done } = await reader.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
      // the lab's own parser: everything up to the last blank line is complete
      const cut = text.lastIndexOf('\n\n');
      if (cut === -1) continue;
      for (const event of parseSse(text.slice(0, cut + 2)))
        latencies.push(now() - (JSON.parse(event.data) as SensorEvent).at);
      text = text.slice(cut + 2);
    }
  })();
  await emit(count, intervalMs, (e) => {
    for (const res of streams) res.write(`event: reading\nid: ${e.seq}\ndata: ${JSON.stringify(e)}\n\n`);
  });
  await Promise.race([reading, pause(5000)]);
  await reader.cancel();
  const run = { latencies, requests: server.requests(), bytes: server.bytes() };
  await server.close();
  return run;
}

async function webSocket(count: number, intervalMs: number): Promise<PatternRun> {
  const server = await countingServer((_req, res) => res.end());
  const wss = new WebSocketServer({ server: server.server });
  const latencies: number[] = [];
  const client = new WebSocket(`ws://127.0.0.1:${server.port}/`);
  client.on('message', (data: Buffer) =>
    latencies.push(now() - (JSON.parse(data.toString()) as SensorEvent).at),
  );
  await new Promise((resolve) => client.once('open', resolve));
  await emit(count, intervalMs, (e) => {
    for (const peer of wss.clients) peer.send(JSON.stringify(e));
  });
  const deadline = now() + 5000;
  while (latencies.length < count && now() < deadline) await pause(20);
  // the upgrade is one HTTP request; the events are frames on its connection
  const run = { latencies, requests: 1, bytes: server.bytes() };
  client.terminate();
  wss.close();
  await server.close();
  return run;
}

async function mqttPattern(count: number, intervalMs: number): Promise<PatternRun> {
  const broker = await startMqttBroker({ wsPort: false });
  // a proxy that never cuts, only counts the subscriber's bytes
  const meter = await startLossyProxy(broker.port, Number.POSITIVE_INFINITY);
  const subscriber = await connectAsync(`mqtt://127.0.0.1:${meter.port}`, { reconnectPeriod: 0 });
  const publisher = await connectAsync(broker.url, { reconnectPeriod: 0 });
  const latencies: number[] = [];
  subscriber.on('message', (_t, payload) =>
    latencies.push(now() - (JSON.parse(String(payload)) as SensorEvent).at),
  );
  await subscriber.subscribeAsync('lab/patterns/ir', { qos: 0 });
  await emit(count, intervalMs, (e) => publisher.publish('lab/patterns/ir', JSON.stringify(e)));
  const deadline = now() + 5000;
  while (latencies.length < count && now() < deadline) await pause(20);
  const run = { latencies, requests: 0, bytes: meter.bytes() };
  await Promise.all([subscriber.endAsync(true), publisher.endAsync(true)]);
  await meter.close();
  await broker.close();
  return run;
}

/**
 * One stream of sensor events delivered five ways on loopback: short polling, long polling,
 * Server-Sent Events (read with the lab's own parser), WebSocket and MQTT. Latency from emission
 * to arrival (p50/p95), HTTP requests and bytes on the wire per delivered event.
 * @param options - see {@link PatternsLabOptions}
 */
export async function runPatternsLab(options: PatternsLabOptions = {}): Promise<LabResult> {
  const count = options.events ?? 40;
  const interval = options.intervalMs ?? 50;
  const poll = options.pollMs ?? 200;
  const rows: LabRow[] = [];
  for (const [pattern, run] of [
    [`short polling (every ${poll} ms)`, () => shortPolling(count, interval, poll)],
    ['long polling', () => longPolling(count, interval)],
    ['Server-Sent Events', () => serverSentEvents(count, interval)],
    ['WebSocket', () => webSocket(count, interval)],
    ['MQTT (QoS 0)', () => mqttPattern(count, interval)],
  ] as const) {
    const result = await run();
    const delivered = result.latencies.length;
    rows.push({
      pattern,
      delivered,
      'p50 ms': percentile(result.latencies, 50),
      'p95 ms': percentile(result.latencies, 95),
      'requests per event': Math.round((result.requests / Math.max(1, delivered)) * 100) / 100,
      'bytes per event': Math.round(result.bytes / Math.max(1, delivered)),
    });
  }
  return {
    lab: 'patterns',
    title: `${count} sensor events, one every ${interval} ms, delivered five ways over loopback`,
    rows,
    chart: { value: 'bytes per event', label: 'pattern', unit: 'bytes' },
  };
}
