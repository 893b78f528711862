// Part of `pnpm --filter @iotkit/rtdb-server bench:rest` (after bench/rest-throughput.ts, which
// measures request rates with a load generator in its own process): SSE fan-out latency, an
// orderByChild range query on 100k children, and RSS with 1M leaves.
// Loopback only; every loop is bounded by a request count.
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRtdbServer } from '../src/index.js';
import { sseLatency } from './sse-latency.js';

const here = dirname(fileURLToPath(import.meta.url));
const fmt = (n: number, digits = 0) =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

async function fanOut(): Promise<void> {
  const server = await startRtdbServer({ port: 0, log: () => {} });
  console.log('SSE delivery latency of one write to N listeners (write start → event parsed)');
  for (const listeners of [100, 500]) {
    const result = await sseLatency(server.url, listeners, 20);
    console.log(
      `  ${String(listeners).padStart(3)} listeners: p50 ${fmt(result.p50, 2)} ms, p99 ${fmt(result.p99, 2)} ms (${result.samples} deliveries)`,
    );
  }
  await server.close();
}

async function rangeQuery(): Promise<void> {
  const server = await startRtdbServer({ port: 0, log: () => {} });
  const children: Record<string, { score: number; name: string }> = {};
  for (let i = 0; i < 100_000; i += 1)
    children[`p${String(i).padStart(6, '0')}`] = { score: (i * 7919) % 100_000, name: `n${i}` };
  await server
    .database('bench')
    .write([{ path: ['scores'], value: children, kind: 'set' }], { admin: true, auth: null, now: 0 });
  const path = `/scores.json?ns=bench&orderBy="score"&startAt=50000&endAt=50999`;
  const times: number[] = [];
  let size = 0;
  for (let i = 0; i < 10; i += 1) {
    const started = performance.now();
    const reply = (await (await fetch(`${server.url}${path}`)).json()) as Record<string, unknown>;
    times.push(performance.now() - started);
    size = Object.keys(reply).length;
  }
  const limited: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const started = performance.now();
    await (await fetch(`${server.url}/scores.json?ns=bench&orderBy="score"&limitToLast=10`)).json();
    limited.push(performance.now() - started);
  }
  const plain = Object.entries(children);
  const baseline: number[] = [];
  for (let i = 0; i < 10; i += 1) {
    const started = performance.now();
    const hits = plain
      .filter(([, v]) => v.score >= 50_000 && v.score <= 50_999)
      .sort((a, b) => a[1].score - b[1].score);
    JSON.stringify(Object.fromEntries(hits));
    baseline.push(performance.now() - started);
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  console.log('orderByChild range query on 100,000 children (REST GET, median of 10)');
  console.log(
    `  startAt/endAt selecting ${size} children: ${fmt(median(times), 1)} ms (plain JS filter+sort+stringify baseline: ${fmt(median(baseline), 1)} ms)`,
  );
  console.log(`  limitToLast=10:                        ${fmt(median(limited), 1)} ms`);
  await server.close();
}

function rss(): void {
  const tsx = join(here, '..', 'node_modules', '.bin', 'tsx');
  const run = (mode: string) =>
    JSON.parse(
      execFileSync(tsx, ['--conditions=@iotkit/source', '--expose-gc', join(here, 'rss-probe.ts'), mode], {
        encoding: 'utf8',
      }),
    ) as { rssMb: number; heapMb: number; leaves: number };
  const tree = run('tree');
  const plain = run('plain');
  console.log(`Memory with ${fmt(tree.leaves)} leaves written through Database.write (after GC)`);
  console.log(
    `  RSS growth:  server tree ${fmt(tree.rssMb, 1)} MB, plain JS object baseline ${fmt(plain.rssMb, 1)} MB (ratio ${fmt(tree.rssMb / plain.rssMb, 2)})`,
  );
  console.log(
    `  heap in use: server tree ${fmt(tree.heapMb, 1)} MB, plain JS object baseline ${fmt(plain.heapMb, 1)} MB (ratio ${fmt(tree.heapMb / plain.heapMb, 2)})`,
  );
}

await fanOut();
await rangeQuery();
rss();
