// Client overhead, measured against a baseline in the same run:
//  1. REST: PUT then GET of a small JSON value through the client vs the same requests sent with
//     bare fetch, sequentially and 16 at a time, against one in-memory @iotkit/rtdb-server.
//  2. SSE parsing: a Firebase-style event stream fed to SseParser in 1 KiB chunks vs splitting the
//     same text on blank lines and JSON-parsing each data line (the least any parser must do).
import { startRtdbServer } from '@iotkit/rtdb-server';
import { createRtdbClient } from '../src/index.js';
import { SseParser } from '../src/stream/sse-parser.js';

const ROUNDS = 500;
const CONCURRENCY = 16;

async function timed(label: string, operations: number, run: () => Promise<void>): Promise<number> {
  const started = performance.now();
  await run();
  const seconds = (performance.now() - started) / 1000;
  const rate = operations / seconds;
  console.log(`${label.padEnd(44)} ${rate.toFixed(0).padStart(8)} req/s`);
  return rate;
}

async function inParallel(total: number, worker: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < total) await worker(next++);
    }),
  );
}

async function restBench(): Promise<void> {
  const server = await startRtdbServer({ port: 0, log: () => {} });
  try {
    const db = createRtdbClient({ databaseUrl: server.url, namespace: 'bench', accessToken: 'owner' });
    const headers = {
      authorization: 'Bearer owner',
      'content-type': 'application/json',
      accept: 'application/json',
    };
    const rawPut = async (i: number): Promise<void> => {
      const url = `${server.url}/raw/n${i % 100}.json?ns=bench`;
      await (await fetch(url, { method: 'PUT', headers, body: JSON.stringify({ ir: i, ok: true }) })).json();
      await (await fetch(url, { headers })).json();
    };
    const clientPut = async (i: number): Promise<void> => {
      const ref = db.ref(`client/n${i % 100}`);
      await ref.set({ ir: i, ok: true });
      await ref.get();
    };
    // Warm both paths (JIT, connection pool) before measuring.
    for (let i = 0; i < 200; i += 1) {
      await rawPut(i);
      await clientPut(i);
    }
    // Alternate the two paths and keep each one's best round, so that load from other processes
    // on the machine skews neither side.
    const best = { rawSeq: 0, clientSeq: 0, rawPar: 0, clientPar: 0 };
    for (let round = 1; round <= 3; round += 1) {
      console.log(`round ${round}`);
      best.rawSeq = Math.max(
        best.rawSeq,
        await timed('  bare fetch, sequential PUT+GET', ROUNDS * 2, async () => {
          for (let i = 0; i < ROUNDS; i += 1) await rawPut(i);
        }),
      );
      best.clientSeq = Math.max(
        best.clientSeq,
        await timed('  rtdb-client, sequential set+get', ROUNDS * 2, async () => {
          for (let i = 0; i < ROUNDS; i += 1) await clientPut(i);
        }),
      );
      best.rawPar = Math.max(
        best.rawPar,
        await timed(`  bare fetch, ${CONCURRENCY} in flight`, ROUNDS * 2, () => inParallel(ROUNDS, rawPut)),
      );
      best.clientPar = Math.max(
        best.clientPar,
        await timed(`  rtdb-client, ${CONCURRENCY} in flight`, ROUNDS * 2, () =>
          inParallel(ROUNDS, clientPut),
        ),
      );
    }
    console.log(
      `best of 3, client / bare: sequential ${(best.clientSeq / best.rawSeq).toFixed(2)}, ${CONCURRENCY} in flight ${(best.clientPar / best.rawPar).toFixed(2)}`,
    );
  } finally {
    await server.close();
  }
}

function sseBench(): void {
  const events = 20_000;
  let wire = '';
  for (let i = 0; i < events; i += 1) {
    wire += `event: put\ndata: {"path":"/readings/r${i}","data":{"ir":${i},"ts":${1_700_000_000_000 + i}}}\n\n`;
  }
  const bytes = new TextEncoder().encode(wire);
  const megabytes = bytes.length / 1024 / 1024;
  const measure = (label: string, run: () => number): number => {
    const started = performance.now();
    const count = run();
    const seconds = (performance.now() - started) / 1000;
    if (count !== events) throw new Error(`${label}: parsed ${count} events, expected ${events}`);
    const rate = megabytes / seconds;
    console.log(
      `${label.padEnd(44)} ${rate.toFixed(1).padStart(8)} MiB/s (${(events / seconds).toFixed(0)} events/s)`,
    );
    return rate;
  };
  const baseline = measure('baseline: split on blank lines + JSON.parse', () => {
    let count = 0;
    for (const block of new TextDecoder().decode(bytes).split('\n\n')) {
      if (block.length === 0) continue;
      JSON.parse(block.slice(block.indexOf('data: ') + 6));
      count += 1;
    }
    return count;
  });
  const parsed = measure('SseParser, 1 KiB chunks + JSON.parse', () => {
    const parser = new SseParser();
    let count = 0;
    for (let offset = 0; offset < bytes.length; offset += 1024) {
      for (const message of parser.push(bytes.subarray(offset, offset + 1024))) {
        JSON.parse(message.data);
        count += 1;
      }
    }
    return count;
  });
  console.log(`SseParser / baseline ratio: ${(parsed / baseline).toFixed(2)}`);
}

console.log(`@iotkit/rtdb-client bench (Node ${process.version})`);
await restBench();
sseBench();
