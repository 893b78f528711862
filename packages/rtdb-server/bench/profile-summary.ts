// Summarises a V8 .cpuprofile: the functions with the most self time, with their source place.
// Usage: node --import tsx bench/profile-summary.ts <file.cpuprofile> [rows]
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
const profile = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { nodes: ProfileNode[] };
const rows = Number(process.argv[3] ?? 30);
const self = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const hits = node.hitCount ?? 0;
  total += hits;
  const { functionName, url, lineNumber } = node.callFrame;
  const place = url ? `${url.replace(/^.*\/(node_modules\/|src\/)/, '$1')}:${lineNumber + 1}` : '';
  const key = `${functionName || '(anonymous)'} ${place}`;
  self.set(key, (self.get(key) ?? 0) + hits);
}
const sorted = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, rows);
for (const [key, hits] of sorted) console.log(`${((100 * hits) / total).toFixed(1).padStart(5)}%  ${key}`);
