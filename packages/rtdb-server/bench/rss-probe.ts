// Run in its own process: builds 1M leaves either as the server's tree (`tree`) or as a plain
// JSON object (`plain`, the baseline) and prints the RSS growth in MB.
import { Database, nodeFromJson } from '../src/index.js';

const mode = process.argv[2];
const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const before = process.memoryUsage();
const children = 10_000;
const leavesPerChild = 100;
function makeChild(i: number): Record<string, number> {
  const child: Record<string, number> = {};
  for (let j = 0; j < leavesPerChild; j += 1) child[`k${j}`] = i * leavesPerChild + j;
  return child;
}
let keep: unknown;
if (mode === 'tree') {
  const db = new Database('rss');
  const ctx = { admin: true, auth: null, now: 0 };
  // Written in batches of 1000 children like a stream of writes would build it.
  for (let start = 0; start < children; start += 1000) {
    const batch: Record<string, unknown> = {};
    for (let i = start; i < start + 1000; i += 1) batch[`c${i}`] = makeChild(i);
    await db.write(
      Object.entries(batch).map(([key, value]) => ({ path: [key], value, kind: 'merge-child' as const })),
      ctx,
    );
  }
  keep = db;
  void nodeFromJson;
} else {
  const plain: Record<string, unknown> = {};
  for (let i = 0; i < children; i += 1) plain[`c${i}`] = makeChild(i);
  keep = plain;
}
gc?.();
const after = process.memoryUsage();
console.log(
  JSON.stringify({
    gc: gc !== undefined,
    mode,
    leaves: children * leavesPerChild,
    rssMb: Math.round((after.rss - before.rss) / 1e5) / 10,
    heapMb: Math.round((after.heapUsed - before.heapUsed) / 1e5) / 10,
    kept: keep !== undefined,
  }),
);
