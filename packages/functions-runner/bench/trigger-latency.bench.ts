// Write -> handler-settled latency of a trigger run by the functions runner, in this process and in
// a functions host process, against the baseline of a plain firebase-admin listener on the same
// path, all in one run on the same writes.
// Run: pnpm --filter @iotkit/functions-runner bench   (FR_BENCH_N=200 writes by default)
import { fileURLToPath } from 'node:url';
import { deleteApp, initializeApp } from 'firebase-admin/app';
import { getDatabase } from 'firebase-admin/database';
import { startRtdbServer } from '@iotkit/rtdb-server';
import { startFunctionsRunner } from '../src/index.js';

const N = Math.min(Number(process.env['FR_BENCH_N'] ?? 200), 5000);
const server = await startRtdbServer({ port: 0, log: () => undefined });
const host = `127.0.0.1:${server.port}`;
const ns = 'bench';
const module = fileURLToPath(new URL('./fixtures/noop-trigger.ts', import.meta.url));
const sentAt = new Map<string, number>();
const samples = { listener: [] as number[], inline: [] as number[], process: [] as number[] };
const since = (ref: string): number | undefined => {
  const t = sentAt.get(ref.split('/').pop() ?? '');
  return t === undefined ? undefined : performance.now() - t;
};

const startHost = performance.now();
const isolated = await startFunctionsRunner({
  module,
  databaseHost: host,
  namespace: ns,
  isolation: 'process',
  onInvocation: (r) => void samples.process.push(since(r.ref) ?? NaN),
});
const hostStartMs = performance.now() - startHost;
const startInline = performance.now();
const inline = await startFunctionsRunner({
  module,
  databaseHost: host,
  namespace: ns,
  onInvocation: (r) => void samples.inline.push(since(r.ref) ?? NaN),
});
const inlineStartMs = performance.now() - startInline;
const app = initializeApp(
  {
    databaseURL: `http://${host}/?ns=${ns}`,
    projectId: 'demo-iotkit',
    credential: { getAccessToken: async () => ({ access_token: 'owner', expires_in: 3600 }) },
  },
  'bench-listener',
);
const ref = getDatabase(app).ref('devices/u1/readings');
let listening = false;
ref.on('child_added', (snap) => {
  const t = snap.key ? sentAt.get(snap.key) : undefined;
  if (listening && t !== undefined) samples.listener.push(performance.now() - t);
});
await new Promise((resolve) => setTimeout(resolve, 300));
listening = true;

for (let i = 0; i < N; i++) {
  const id = `r${String(i).padStart(5, '0')}`;
  sentAt.set(id, performance.now());
  await fetch(`http://${host}/devices/u1/readings/${id}.json?ns=${ns}&auth=owner`, {
    method: 'PUT',
    body: JSON.stringify({ ir: i % 4096 }),
  });
  await new Promise((resolve) => setTimeout(resolve, 5));
}
const deadline = Date.now() + 20_000;
while (Object.values(samples).some((s) => s.length < N) && Date.now() < deadline)
  await new Promise((resolve) => setTimeout(resolve, 50));
await Promise.all([inline.idle(), isolated.idle()]);

const pct = (xs: number[], p: number): number =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const base = pct(samples.listener, 50);
console.log(`functions-runner: REST write -> handler settled, ${N} writes (ms)`);
for (const [name, xs] of Object.entries(samples)) {
  console.log(
    `${name.padEnd(9)} n=${String(xs.length).padEnd(5)} p50 ${pct(xs, 50).toFixed(2).padStart(7)}  p95 ${pct(xs, 95).toFixed(2).padStart(7)}  (x${(pct(xs, 50) / base).toFixed(1)} baseline p50)`,
  );
}
console.log(
  `start: inline ${inlineStartMs.toFixed(0)} ms, functions host process ${hostStartMs.toFixed(0)} ms`,
);
ref.off();
await deleteApp(app);
await Promise.all([inline.stop(), isolated.stop()]);
await server.close();
