// Realtime protocol benchmark: one SDK `set` delivered to N SDK listeners (p50/p99), and
// transaction throughput with and without contention. Baselines come from the same run: delivery
// to a single listener, and one client running transactions alone.
//
// Run: pnpm --filter @iotkit/rtdb-server bench:realtime   (or: npx tsx --conditions=@iotkit/source bench/realtime-fanout.ts)
import { deleteApp, initializeApp, type FirebaseApp } from 'firebase/app';
import {
  connectDatabaseEmulator,
  getDatabase,
  onValue,
  ref,
  runTransaction,
  set,
  type Database,
} from 'firebase/database';
import WebSocket from 'ws';
import { startRtdbServer, type RunningRtdbServer } from '../src/server/rtdb-server.js';

const ROUNDS = Number(process.env['BENCH_ROUNDS'] ?? 20);
const SIZES = (process.env['BENCH_LISTENERS'] ?? '1,100,500').split(',').filter(Boolean).map(Number);
const TXN_CLIENTS = 10;
const TXN_PER_CLIENT = 50;

let appCount = 0;
function client(port: number, ns: string): { app: FirebaseApp; db: Database } {
  appCount += 1;
  const app = initializeApp(
    { projectId: 'demo-iotkit', databaseURL: `http://127.0.0.1:${port}?ns=${ns}` },
    `bench-${appCount}`,
  );
  const db = getDatabase(app);
  connectDatabaseEmulator(db, '127.0.0.1', port);
  return { app, db };
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function until(check: () => boolean, what: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out: ${what}`);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

async function fanout(
  server: RunningRtdbServer,
  listeners: number,
): Promise<{ p50: number; p99: number; max: number }> {
  const ns = `fanout-${listeners}`;
  const writer = client(server.port, ns);
  const readers = Array.from({ length: listeners }, () => client(server.port, ns));
  const latencies: number[] = [];
  let sentAt = 0;
  let round = -2;
  let received = 0;
  for (const reader of readers) {
    onValue(ref(reader.db, 'signal'), (snapshot) => {
      const value = snapshot.val() as { round: number } | null;
      if (value?.round === round) {
        latencies.push(performance.now() - sentAt);
        received += 1;
      }
    });
  }
  await set(ref(writer.db, 'signal'), { round: -1 });
  await until(() => server.database(ns).root().children !== undefined, 'setup');
  // Warm-up: every listener connected and holding the initial value.
  await new Promise((resolve) => setTimeout(resolve, 500));
  for (let r = 0; r < ROUNDS; r += 1) {
    round = r;
    received = 0;
    sentAt = performance.now();
    await set(ref(writer.db, 'signal'), { round: r, payload: 'x'.repeat(64) });
    await until(() => received === listeners, `round ${r}: ${received}/${listeners}`);
  }
  await Promise.all([writer, ...readers].map((c) => deleteApp(c.app)));
  latencies.sort((a, b) => a - b);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies.at(-1)! };
}

// The same fan-out to bare sockets that only parse the frames: the server's share of the latency,
// without 500 SDK instances competing for this process's event loop.
async function rawFanout(
  server: RunningRtdbServer,
  listeners: number,
): Promise<{ p50: number; p99: number; max: number; serverP50: number }> {
  const ns = `raw-fanout-${listeners}`;
  const writer = client(server.port, ns);
  const latencies: number[] = [];
  let sentAt = 0;
  let round = -2;
  let received = 0;
  const sockets = await Promise.all(
    Array.from({ length: listeners }, async () => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/.ws?v=5&ns=${ns}`);
      await new Promise((resolve) => ws.once('open', resolve));
      ws.on('message', (data) => {
        const message = JSON.parse(String(data)) as { d?: { a?: string; b?: { d?: { round?: number } } } };
        if (message.d?.a === 'd' && message.d.b?.d?.round === round) {
          latencies.push(performance.now() - sentAt);
          received += 1;
        }
      });
      ws.send(JSON.stringify({ t: 'd', d: { r: 1, a: 'q', b: { p: '/signal', h: '' } } }));
      return ws;
    }),
  );
  await new Promise((resolve) => setTimeout(resolve, 300));
  for (let r = 0; r < ROUNDS; r += 1) {
    round = r;
    received = 0;
    sentAt = performance.now();
    await set(ref(writer.db, 'signal'), { round: r, payload: 'x'.repeat(64) });
    await until(() => received === listeners, `raw round ${r}: ${received}/${listeners}`);
  }
  // The server's own share: an in-memory write commits synchronously, so the time it takes is the
  // time to build and hand every push to its socket.
  const db = server.database(ns);
  const serverMs: number[] = [];
  for (let r = 0; r < ROUNDS; r += 1) {
    round = ROUNDS + r;
    received = 0;
    const started = performance.now();
    sentAt = started;
    await db.write([{ path: ['signal'], value: { round, payload: 'x'.repeat(64) }, kind: 'set' }], {
      admin: true,
      auth: null,
      now: Date.now(),
    });
    serverMs.push(performance.now() - started);
    await until(() => received === listeners, `server round ${r}`);
  }
  for (const ws of sockets) ws.terminate();
  await deleteApp(writer.app);
  latencies.sort((a, b) => a - b);
  serverMs.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    max: latencies.at(-1)!,
    serverP50: percentile(serverMs, 50),
  };
}

async function transactions(
  server: RunningRtdbServer,
  clients: number,
  perClient: number,
): Promise<{ perSecond: number; ms: number }> {
  const ns = `txn-${clients}`;
  const group = Array.from({ length: clients }, () => client(server.port, ns));
  await set(ref(group[0]!.db, 'counter'), 0);
  const started = performance.now();
  await Promise.all(
    group.map(async (c) => {
      for (let i = 0; i < perClient; i += 1) {
        // Each client keeps one transaction in flight; the contention is between clients.
        await runTransaction(ref(c.db, 'counter'), (v: number | null) => (v ?? 0) + 1);
      }
    }),
  );
  const ms = performance.now() - started;
  const total = server.database(ns).read(['counter']).leaf;
  if (total !== clients * perClient)
    throw new Error(`counter is ${String(total)}, expected ${clients * perClient}`);
  await Promise.all(group.map((c) => deleteApp(c.app)));
  return { perSecond: (clients * perClient * 1000) / ms, ms };
}

const server = await startRtdbServer({ port: 0, log: () => undefined });
try {
  console.log(
    `realtime fan-out: one SDK set -> N SDK listeners, ${ROUNDS} rounds (client and server share this process)`,
  );
  let baseline: number | undefined;
  for (const n of SIZES) {
    const r = await fanout(server, n);
    baseline ??= r.p50;
    console.log(
      `  N=${String(n).padStart(4)}  p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  max ${r.max.toFixed(2)} ms  (p50 x${(r.p50 / baseline).toFixed(1)} of N=${SIZES[0]})`,
    );
  }
  const rawSize = SIZES.at(-1);
  if (rawSize !== undefined) {
    const r = await rawFanout(server, rawSize);
    console.log(
      `  N=${String(rawSize).padStart(4)}  bare sockets instead of SDKs: p50 ${r.p50.toFixed(2)} ms  p99 ${r.p99.toFixed(2)} ms  max ${r.max.toFixed(2)} ms`,
    );
    console.log(
      `  N=${String(rawSize).padStart(4)}  server time to commit one write and hand out all pushes: p50 ${r.serverP50.toFixed(2)} ms`,
    );
  }
  console.log('transactions on one counter (each client: one at a time)');
  const alone = await transactions(server, 1, TXN_CLIENTS * TXN_PER_CLIENT);
  console.log(
    `  1 client  x ${TXN_CLIENTS * TXN_PER_CLIENT}: ${alone.perSecond.toFixed(0)} commits/s (${alone.ms.toFixed(0)} ms) [baseline]`,
  );
  const contended = await transactions(server, TXN_CLIENTS, TXN_PER_CLIENT);
  console.log(
    `  ${TXN_CLIENTS} clients x ${TXN_PER_CLIENT}: ${contended.perSecond.toFixed(0)} commits/s (${contended.ms.toFixed(0)} ms), ${(contended.perSecond / alone.perSecond).toFixed(2)}x baseline`,
  );
} finally {
  await server.close();
}
process.exit(0);
