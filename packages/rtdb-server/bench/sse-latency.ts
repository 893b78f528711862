// Delivery latency of one write to N SSE listeners on the same location.
import { Agent, request } from 'node:http';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Opens `listeners` streams, makes `writes` writes one after another, returns p50/p99 in ms. */
export async function sseLatency(
  baseUrl: string,
  listeners: number,
  writes: number,
): Promise<{ p50: number; p99: number; samples: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: listeners + 10 });
  const path = `/bench/sse-${listeners}.json?ns=bench`;
  const pending = new Map<number, number>();
  const latencies: number[] = [];
  let arrivals = 0;
  let onArrival: (() => void) | undefined;
  const streams = await Promise.all(
    Array.from(
      { length: listeners },
      () =>
        new Promise<ReturnType<typeof request>>((resolve) => {
          let buffer = '';
          let first = true;
          const req = request(
            `${baseUrl}${path}`,
            { agent, headers: { Accept: 'text/event-stream' } },
            (res) => {
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => {
                buffer += chunk;
                let end: number;
                while ((end = buffer.indexOf('\n\n')) >= 0) {
                  const event = buffer.slice(0, end);
                  buffer = buffer.slice(end + 2);
                  if (!event.startsWith('event: put')) continue;
                  if (first) {
                    first = false;
                    resolve(req);
                    continue;
                  }
                  const data = JSON.parse(event.slice(event.indexOf('data: ') + 6)) as { data: number };
                  const sent = pending.get(data.data);
                  if (sent !== undefined) latencies.push(Number(process.hrtime.bigint()) / 1e6 - sent);
                  arrivals += 1;
                  onArrival?.();
                }
              });
            },
          );
          req.end();
        }),
    ),
  );
  for (let i = 1; i <= writes; i += 1) {
    const target = arrivals + listeners;
    pending.set(i, Number(process.hrtime.bigint()) / 1e6);
    await fetch(`${baseUrl}${path}`, { method: 'PUT', body: String(i) });
    while (arrivals < target) await new Promise<void>((resolve) => (onArrival = resolve));
  }
  for (const req of streams) req.destroy();
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length };
}
