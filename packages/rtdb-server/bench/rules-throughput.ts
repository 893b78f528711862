// REST write throughput with the course's rules vs no rules, measured in the same run on one
// server (two namespaces, rounds interleaved so drift hits both alike). Also the evaluator alone.
// Rounds run in pairs (order alternating) and the ratio is the median of per-pair ratios, so
// load from other processes on a shared machine affects both sides of a pair alike.
// Run: pnpm --filter @iotkit/rtdb-server bench:rules   (WRITES=500 ROUNDS=10 CONCURRENCY=16)
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { nodeFromJson } from '../src/core/node-json.js';
import { nodeUpdateChild } from '../src/core/data-node.js';
import { parseRules } from '../src/rules/parse-rules.js';
import { RulesEvaluator } from '../src/rules/rules-evaluator.js';
import { startRtdbServer } from '../src/server/rtdb-server.js';

const WRITES = Number(process.env['WRITES'] ?? 500);
const ROUNDS = Number(process.env['ROUNDS'] ?? 10);
const CONCURRENCY = Number(process.env['CONCURRENCY'] ?? 16);
const COURSE = readFileSync(fileURLToPath(new URL('../../../database.rules.json', import.meta.url)), 'utf8');

function token(uid: string): string {
  const enc = (o: unknown): string => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  return `${enc({ alg: 'none' })}.${enc({ sub: uid, user_id: uid, iat: now, exp: now + 3600, firebase: { sign_in_provider: 'password' } })}.`;
}

async function writeRound(base: string, ns: string, count: number): Promise<number> {
  const auth = token('alice');
  let next = 0;
  let failures = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      const i = next++;
      // Alternate the two writes a device makes: push a reading, overwrite latest.
      const path = i % 2 === 0 ? '/devices/alice/readings.json' : '/devices/alice/latest.json';
      const res = await fetch(`${base}${path}?ns=${ns}&auth=${auth}&print=silent`, {
        method: i % 2 === 0 ? 'POST' : 'PUT',
        body: JSON.stringify({ ir: i % 4096, ts: { '.sv': 'timestamp' } }),
      });
      await res.arrayBuffer();
      if (res.status >= 300) failures += 1;
    }
  };
  const started = performance.now();
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  const seconds = (performance.now() - started) / 1000;
  if (failures > 0) throw new Error(`${failures} writes failed in ${ns}`);
  return count / seconds;
}

function evaluatorRate(): number {
  const evaluator = new RulesEvaluator(parseRules(COURSE, 'database.rules.json'));
  const oldRoot = nodeFromJson({ devices: { alice: { latest: { ir: 1, ts: 1 } } } });
  const location = ['devices', 'alice', 'latest'];
  const ctx = { admin: false, auth: { uid: 'alice', provider: 'password', token: { sub: 'alice' } }, now: 5 };
  const count = 100_000;
  const started = performance.now();
  for (let i = 0; i < count; i += 1) {
    const newRoot = nodeUpdateChild(oldRoot, location, nodeFromJson({ ir: i % 4096, ts: 5 }));
    if (!evaluator.write({ ctx, oldRoot, newRoot, locations: [location] }).allowed) throw new Error('denied');
  }
  return count / ((performance.now() - started) / 1000);
}

const server = await startRtdbServer({ port: 0, log: () => {} });
try {
  const put = await fetch(`${server.url}/.settings/rules.json?ns=with-rules`, {
    method: 'PUT',
    headers: { Authorization: 'Bearer owner' },
    body: COURSE,
  });
  if (put.status !== 200) throw new Error(`loading rules failed: ${await put.text()}`);
  // Warm up both paths (JIT, sockets).
  await writeRound(server.url, 'no-rules', 200);
  await writeRound(server.url, 'with-rules', 200);
  const rates = { 'no-rules': [] as number[], 'with-rules': [] as number[] };
  const ratios: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const order =
      round % 2 === 0 ? (['no-rules', 'with-rules'] as const) : (['with-rules', 'no-rules'] as const);
    for (const ns of order) rates[ns].push(await writeRound(server.url, ns, WRITES));
    ratios.push(rates['with-rules'][round]! / rates['no-rules'][round]!);
  }
  const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const show = (xs: number[]): string => xs.map((r) => r.toFixed(0)).join(', ');
  console.log(
    `REST writes, ${WRITES} per round, ${ROUNDS} paired rounds, concurrency ${CONCURRENCY} (writes/s):`,
  );
  console.log(
    `  no rules (baseline): median ${median(rates['no-rules']).toFixed(0)}   rounds: ${show(rates['no-rules'])}`,
  );
  console.log(
    `  course rules:        median ${median(rates['with-rules']).toFixed(0)}   rounds: ${show(rates['with-rules'])}`,
  );
  console.log(`  ratio rules/baseline (median of paired rounds): ${median(ratios).toFixed(3)}`);
  console.log(
    `evaluator alone (course rules, one write of latest): ${evaluatorRate().toFixed(0)} decisions/s`,
  );
} finally {
  await server.close();
}
