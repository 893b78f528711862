import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnServer, type ServerProcess } from './server-process.js';

const dataDir = mkdtempSync(join(tmpdir(), 'rtdb-durability-'));
const running: ServerProcess[] = [];
afterAll(() => {
  for (const p of running) p.child.kill('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

describe('durability', () => {
  it(
    'keeps every acknowledged write across a SIGKILL in the middle of a write stream',
    { timeout: 90_000 },
    async () => {
      const first = await spawnServer(['--data-dir', dataDir]);
      running.push(first);
      const acknowledged = new Map<string, unknown>();
      let killed = false;
      const writer = async (id: number): Promise<void> => {
        for (let i = 0; !killed; i += 1) {
          const key = `w${id}-${i}`;
          const value = { id, i, pad: 'x'.repeat(i % 50) };
          try {
            const method = i % 3 === 0 ? 'PATCH' : 'PUT';
            const path = method === 'PATCH' ? '/acks.json' : `/acks/${key}.json`;
            const body = method === 'PATCH' ? { [key]: value } : value;
            const res = await fetch(`${first.url}${path}?ns=durable`, { method, body: JSON.stringify(body) });
            if (res.status === 200) acknowledged.set(key, value);
            await res.text();
          } catch {
            return; // the connection died with the server
          }
        }
      };
      const writers = Array.from({ length: 8 }, (_, id) => writer(id));
      while (acknowledged.size < 400) await new Promise((resolve) => setTimeout(resolve, 5));
      first.child.kill('SIGKILL');
      killed = true;
      await exited(first.child);
      await Promise.all(writers);
      expect(acknowledged.size).toBeGreaterThanOrEqual(400);

      const second = await spawnServer(['--data-dir', dataDir]);
      running.push(second);
      const stored = (await (await fetch(`${second.url}/acks.json?ns=durable`)).json()) as Record<
        string,
        unknown
      >;
      const missing = [...acknowledged.keys()].filter((key) => stored[key] === undefined);
      expect(missing).toEqual([]);
      for (const [key, value] of acknowledged) expect(stored[key]).toEqual(value);
      second.child.kill('SIGTERM');
      expect(await exited(second.child)).toBe(0);
    },
  );
});
