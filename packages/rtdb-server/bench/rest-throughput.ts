// `pnpm --filter @iotkit/rtdb-server bench:rest`: REST throughput of the kit against a bare
// node:http JSON server, measured by a load generator (autocannon) in its own process. Each
// scenario alternates kit and baseline in rounds; the ratio of the median rates is the figure.
// Loopback only; every run is bounded in time (BENCH_SECONDS per round, BENCH_ROUNDS rounds).
// BENCH_ONLY=GET,PUT runs only the scenarios whose name starts with one of the words.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { startRtdbServer } from '../src/index.js';
import { startBareServer } from './bare-server.js';
import type { LoadScenario } from './load-scenario.js';

const SECONDS = Math.min(Number(process.env['BENCH_SECONDS'] ?? 3), 30);
const ROUNDS = Math.min(Number(process.env['BENCH_ROUNDS'] ?? 2), 10);
const CONNECTIONS = 32;
const here = dirname(fileURLToPath(import.meta.url));
const packageDir = join(here, '..');
const fmt = (n: number, digits = 0): string =>
  n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

interface LoadResult {
  perSecond: number;
  total: number;
  errors: number;
  p50: number;
  p99: number;
}

/** The load generator process: one scenario per line in, one result per line out. */
const generator = spawn(process.execPath, ['--import', 'tsx', join(here, 'load-generator.ts')], {
  cwd: packageDir,
  stdio: ['pipe', 'pipe', 'inherit'],
});
const results = createInterface({ input: generator.stdout! })[Symbol.asyncIterator]();

/** Runs one scenario in the load generator process and returns what it measured. */
async function generate(scenario: LoadScenario): Promise<LoadResult> {
  generator.stdin!.write(`${JSON.stringify(scenario)}\n`);
  const timer = setTimeout(() => generator.kill('SIGKILL'), (scenario.seconds + 60) * 1000);
  const line = await results.next();
  clearTimeout(timer);
  if (line.done) throw new Error('the load generator exited');
  return JSON.parse(line.value) as LoadResult;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;

const bare = await startBareServer();
const memory = await startRtdbServer({ port: 0, log: () => {} });
const dataDir = mkdtempSync(join(tmpdir(), 'rtdb-bench-'));
const durable = await startRtdbServer({ port: 0, dataDir, log: () => {} });

const rows: {
  name: string;
  kit: number;
  bare: number;
  p99: number;
  errors: number;
  kitCpu: number;
  bareCpu: number;
}[] = [];
const cases: [string, LoadScenario['kind'], string][] = [
  ['GET (in memory)', 'GET', memory.url],
  ['PUT (in memory)', 'PUT', memory.url],
  ['PATCH (in memory)', 'PATCH', memory.url],
  ['POST (in memory)', 'POST', memory.url],
  ['class mix (in memory)', 'mix', memory.url],
  ['PUT (journal: fdatasync, group commit)', 'PUT', durable.url],
  ['PATCH (journal)', 'PATCH', durable.url],
  ['POST (journal)', 'POST', durable.url],
  ['class mix (journal)', 'mix', durable.url],
];
console.log(
  `REST throughput: autocannon in its own process, ${CONNECTIONS} keep-alive connections, ${ROUNDS} alternating rounds of ${SECONDS} s (medians)`,
);
console.log(
  '  scenario                                  kit req/s   bare req/s   ratio   kit p99 ms   CPU µs/req kit / bare   CPU ratio',
);
function printRow(row: (typeof rows)[number]): void {
  console.log(
    `  ${row.name.padEnd(40)} ${fmt(row.kit).padStart(10)}   ${fmt(row.bare).padStart(10)}   ${fmt(row.kit / row.bare, 2).padStart(5)}   ${fmt(row.p99).padStart(10)}   ${fmt(row.kitCpu, 1).padStart(10)} / ${fmt(row.bareCpu, 1).padEnd(10)}   ${fmt(row.bareCpu / row.kitCpu, 2).padStart(9)}${row.errors ? `   (${row.errors} errors)` : ''}`,
  );
}
// Warm-up: JIT, sockets and the data the GETs read.
for (const url of [bare.url, memory.url, durable.url])
  await generate({ kind: 'mix', url, connections: CONNECTIONS, seconds: 1 });
// BENCH_ONLY=GET,PUT keeps the scenarios whose name starts with one of the words.
const only = (process.env['BENCH_ONLY'] ?? '').split(',').filter(Boolean);
for (const [name, kind, url] of cases) {
  if (only.length > 0 && !only.some((word) => name.startsWith(word))) continue;
  const kit: number[] = [];
  const base: number[] = [];
  const p99: number[] = [];
  const kitCpu: number[] = [];
  const bareCpu: number[] = [];
  let errors = 0;
  for (let round = 0; round < ROUNDS; round += 1) {
    // Alternate which side goes first, so a burst of outside load hits both alike.
    const order = round % 2 === 0 ? [url, bare.url] : [bare.url, url];
    for (const target of order) {
      // Both servers live in this process and only one is loaded at a time: this process's CPU
      // time per request is the server's cost, a figure a busy machine disturbs far less than rates.
      const cpuBefore = process.cpuUsage();
      const result = await generate({ kind, url: target, connections: CONNECTIONS, seconds: SECONDS });
      const cpu = process.cpuUsage(cpuBefore);
      const cpuPerRequest = (cpu.user + cpu.system) / Math.max(1, result.total);
      if (target === bare.url) {
        base.push(result.perSecond);
        bareCpu.push(cpuPerRequest);
      } else {
        kit.push(result.perSecond);
        kitCpu.push(cpuPerRequest);
        p99.push(result.p99);
        errors += result.errors;
      }
    }
  }
  const done = {
    name,
    kit: median(kit),
    bare: median(base),
    p99: median(p99),
    errors,
    kitCpu: median(kitCpu),
    bareCpu: median(bareCpu),
  };
  rows.push(done);
  printRow(done);
}

console.log(
  '  ratio = kit req/s ÷ bare req/s; CPU ratio = bare CPU per request ÷ kit CPU per request (what the rate ratio would be with a core to itself)',
);
await memory.close();
await durable.close();
bare.server.close();
generator.stdin!.end();
rmSync(dataDir, { recursive: true, force: true });
