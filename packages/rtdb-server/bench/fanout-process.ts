// `pnpm --filter @iotkit/rtdb-server bench:fanout`: one write handed out to 500 listeners whose
// sockets live in another process (bench/ws-listeners.ts). Prints the server's time to commit the
// write and hand every push to its socket, and the delivery latency the listeners saw, beside a
// baseline from the same run: a bare `ws` server broadcasting the same bytes to as many sockets.
// The kit runs three times: without rules, with a read rule that looks at data the writes do not
// touch (each listener's earlier decision still holds), and with one that reads the written data
// (every listener is decided again). Loopback only; rounds and listeners are bounded.
// BENCH_ONLY=plain,rules keeps the kit rows named by those words.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { WebSocketServer } from 'ws';
import { startRtdbServer } from '../src/index.js';

const LISTENERS = Math.min(Number(process.env['BENCH_LISTENERS'] ?? 500), 2000);
const ROUNDS = Math.min(Number(process.env['BENCH_ROUNDS'] ?? 30), 200);
const here = dirname(fileURLToPath(import.meta.url));
const now = (): number => performance.timeOrigin + performance.now();
const percentile = (xs: number[], p: number): number => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
};

/** The listener process and its report lines. */
function listeners(port: number, ns: string): { child: ChildProcess; next: () => Promise<string> } {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(here, 'ws-listeners.ts'), String(port), ns, String(LISTENERS), String(ROUNDS)],
    { cwd: join(here, '..'), stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const lines: string[] = [];
  const waiting: ((line: string) => void)[] = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const waiter = waiting.shift();
    if (waiter) waiter(line);
    else lines.push(line);
  });
  const next = (): Promise<string> =>
    new Promise((resolve, reject) => {
      const line = lines.shift();
      if (line !== undefined) return resolve(line);
      const timer = setTimeout(() => reject(new Error('listener process went quiet')), 60_000);
      waiting.push((l) => {
        clearTimeout(timer);
        resolve(l);
      });
    });
  return { child, next };
}

interface FanoutResult {
  serverP50: number;
  serverP99: number;
  /** Median CPU time of this process per write, ms: on a busy machine steadier than wall time. */
  cpuP50: number;
  deliveryP50: number;
  deliveryP99: number;
}

/** Read rules of the kit rows: none, a rule on data the writes leave alone, a rule on the written data. */
const RULES: Record<string, string | undefined> = {
  plain: undefined,
  rules: `{"rules": {"signal": {".read": "root.child('closed').val() != true"}}}`,
  'rules-on-written': `{"rules": {"signal": {".read": "data.child('round').val() != -2"}}}`,
};

async function kitFanout(rules: string | undefined): Promise<FanoutResult> {
  const server = await startRtdbServer({ port: 0, log: () => {} });
  if (rules !== undefined) await server.putRules('fanout', rules);
  const db = server.database('fanout');
  const admin = { admin: true, auth: null, now: 0 };
  await db.write([{ path: ['signal'], value: { round: -1 }, kind: 'set' }], admin);
  const { child, next } = listeners(server.port, 'fanout');
  if ((await next()) !== 'ready') throw new Error('listeners failed to start');
  const serverMs: number[] = [];
  const cpuMs: number[] = [];
  const delivery: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const sentAt = now();
    const cpuBefore = process.cpuUsage();
    // In memory a write commits synchronously: its duration is the time to build and hand every
    // push to its socket.
    await db.write([{ path: ['signal'], value: { round, payload: 'x'.repeat(64) }, kind: 'set' }], admin);
    serverMs.push(now() - sentAt);
    const cpu = process.cpuUsage(cpuBefore);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    const arrivals = JSON.parse(await next()) as number[];
    for (const at of arrivals) delivery.push(at - sentAt);
  }
  child.kill();
  await server.close();
  return {
    serverP50: percentile(serverMs, 50),
    serverP99: percentile(serverMs, 99),
    cpuP50: percentile(cpuMs, 50),
    deliveryP50: percentile(delivery, 50),
    deliveryP99: percentile(delivery, 99),
  };
}

/** The baseline: a bare `ws` server that sends one prepared message to every socket. */
async function bareFanout(): Promise<FanoutResult> {
  const http = createServer();
  const wss = new WebSocketServer({ server: http, perMessageDeflate: false });
  const initial = JSON.stringify({ t: 'd', d: { a: 'd', b: { p: 'signal', d: { round: -1 } } } });
  wss.on('connection', (ws) => {
    ws.once('message', () => ws.send(initial));
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const { child, next } = listeners(port, 'fanout');
  if ((await next()) !== 'ready') throw new Error('listeners failed to start');
  const serverMs: number[] = [];
  const cpuMs: number[] = [];
  const delivery: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const sentAt = now();
    const cpuBefore = process.cpuUsage();
    const text = JSON.stringify({
      t: 'd',
      d: { a: 'd', b: { p: 'signal', d: { round, payload: 'x'.repeat(64) } } },
    });
    for (const ws of wss.clients) ws.send(text);
    serverMs.push(now() - sentAt);
    const cpu = process.cpuUsage(cpuBefore);
    cpuMs.push((cpu.user + cpu.system) / 1000);
    const arrivals = JSON.parse(await next()) as number[];
    for (const at of arrivals) delivery.push(at - sentAt);
  }
  child.kill();
  for (const ws of wss.clients) ws.terminate();
  wss.close();
  http.close();
  return {
    serverP50: percentile(serverMs, 50),
    serverP99: percentile(serverMs, 99),
    cpuP50: percentile(cpuMs, 50),
    deliveryP50: percentile(delivery, 50),
    deliveryP99: percentile(delivery, 99),
  };
}

const only = (process.env['BENCH_ONLY'] ?? '').split(',').filter(Boolean);
const kits: [string, FanoutResult][] = [];
for (const [name, rules] of Object.entries(RULES)) {
  if (only.length > 0 && !only.includes(name)) continue;
  kits.push([name, await kitFanout(rules)]);
}
const bare = await bareFanout();
console.log(
  `fan-out of one write to ${LISTENERS} bare WebSocket listeners in another process, ${ROUNDS} rounds`,
);
console.log(
  '                               server hand-out p50 / p99 ms   delivery p50 / p99 ms   server CPU per write p50 ms',
);
const row = (name: string, r: FanoutResult): void =>
  console.log(
    `  ${name.padEnd(28)} ${r.serverP50.toFixed(2).padStart(10)} / ${r.serverP99.toFixed(2).padEnd(14)}   ${r.deliveryP50.toFixed(2).padStart(8)} / ${r.deliveryP99.toFixed(2).padEnd(12)}   ${r.cpuP50.toFixed(2).padStart(8)}`,
  );
const label: Record<string, string> = {
  plain: 'kit, no rules',
  rules: 'kit, rule on other data',
  'rules-on-written': 'kit, rule on written data',
};
for (const [name, result] of kits) row(label[name] ?? name, result);
row('bare ws broadcast', bare);
for (const [name, kit] of kits) {
  console.log(
    `  ratio ${label[name] ?? name} / bare: hand-out p50 ${(kit.serverP50 / bare.serverP50).toFixed(2)}, delivery p99 ${(kit.deliveryP99 / bare.deliveryP99).toFixed(2)}, CPU per write ${(kit.cpuP50 / bare.cpuP50).toFixed(2)}`,
  );
}
process.exit(0);
