// Write -> handler latency of a trigger run by the functions runner, against the baseline of a
// plain firebase-admin listener on the same path (what the runner builds on), in one run.
// Run: pnpm --filter @iotkit/functions-runner bench   (FR_BENCH_N=200 writes by default)
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getDatabase } from 'firebase-admin/database';
import { onValueCreated } from 'firebase-functions/v2/database';
import { startRtdbServer } from '@iotkit/rtdb-server';
import { startFunctionsRunner } from '../src/index.js';

const N = Number(process.env['FR_BENCH_N'] ?? 200);
const server = await startRtdbServer({ port: 0, log: () => undefined });
const host = `127.0.0.1:${server.port}`;
const ns = 'bench';
const sentAt = new Map<string, number>();
const viaRunner: number[] = [];
const viaListener: number[] = [];

const runner = await startFunctionsRunner({
  module: {
    bench: onValueCreated('/devices/{uid}/readings/{id}', (e) => {
      const t = sentAt.get(e.params.id);
      if (t !== undefined) viaRunner.push(performance.now() - t);
    }),
  },
  databaseHost: host,
  namespace: ns,
});
const app = initializeApp(
  {
    databaseURL: `http://${host}/?ns=${ns}`,
    projectId: 'demo-iotkit',
    credential: { getAccessToken: async () => ({ access_token: 'owner', expires_in: 3600 }) },
  },
  'bench-listener',
);
const ref = getDatabase(app).ref('devices/u1/readings');
let baselineReady = false;
ref.on('child_added', (snap) => {
  const t = snap.key ? sentAt.get(snap.key) : undefined;
  if (baselineReady && t !== undefined) viaListener.push(performance.now() - t);
});
await new Promise((resolve) => setTimeout(resolve, 300));
baselineReady = true;

for (let i = 0; i < N; i++) {
  const id = `r${String(i).padStart(5, '0')}`;
  sentAt.set(id, performance.now());
  await fetch(`http://${host}/devices/u1/readings/${id}.json?ns=${ns}&auth=owner`, {
    method: 'PUT',
    body: JSON.stringify({ ir: i % 4096 }),
  });
  await new Promise((resolve) => setTimeout(resolve, 5));
}
const deadline = Date.now() + 10_000;
while ((viaRunner.length < N || viaListener.length < N) && Date.now() < deadline)
  await new Promise((resolve) => setTimeout(resolve, 50));
await runner.idle();

const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
console.log(`functions-runner: REST write -> handler, ${N} writes (ms)`);
console.log(
  `baseline admin listener  n=${viaListener.length}  p50 ${pct(viaListener, 50).toFixed(2)}  p95 ${pct(viaListener, 95).toFixed(2)}`,
);
console.log(
  `runner trigger           n=${viaRunner.length}  p50 ${pct(viaRunner, 50).toFixed(2)}  p95 ${pct(viaRunner, 95).toFixed(2)}  (x${(pct(viaRunner, 50) / pct(viaListener, 50)).toFixed(1)} baseline p50)`,
);
ref.off();
await deleteApp(app);
await runner.stop();
await server.close();
