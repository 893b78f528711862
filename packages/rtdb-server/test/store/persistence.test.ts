import {
  appendFileSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
  mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  exportEmulatorData,
  importEmulatorData,
  nodeToJson,
  startRtdbServer,
  type RunningRtdbServer,
} from '../../src/index.js';

const dirs: string[] = [];
const servers: RunningRtdbServer[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rtdb-store-'));
  dirs.push(dir);
  return dir;
}
async function start(dataDir: string, logs: string[] = [], extra = {}): Promise<RunningRtdbServer> {
  const server = await startRtdbServer({ port: 0, dataDir, log: (line) => logs.push(line), ...extra });
  servers.push(server);
  return server;
}
async function put(server: RunningRtdbServer, path: string, body: unknown): Promise<number> {
  const res = await fetch(`${server.url}${path}`, { method: 'PUT', body: JSON.stringify(body) });
  await res.text();
  return res.status;
}
async function get(server: RunningRtdbServer, path: string): Promise<unknown> {
  return (await fetch(`${server.url}${path}`)).json();
}

afterEach(async () => {
  for (const server of servers.splice(0)) await server.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('persistence', () => {
  it('recovers every namespace after a restart, including rules text', async () => {
    const dir = tempDir();
    const first = await start(dir);
    await put(first, '/a.json?ns=one', { x: 1, p: { '.value': 2, '.priority': 'z' } });
    await put(first, '/b.json?ns=two', [1, 2]);
    await fetch(`${first.url}/.settings/rules.json?ns=one`, {
      method: 'PUT',
      body: '{"rules":{".read":true,".write":true}}',
      headers: { Authorization: 'Bearer owner' },
    });
    await first.close();
    const second = await start(dir);
    expect(await get(second, '/.json?ns=one&format=export')).toEqual({
      a: { x: 1, p: { '.value': 2, '.priority': 'z' } },
    });
    expect(await get(second, '/b.json?ns=two')).toEqual([1, 2]);
    expect(second.rulesText('one')).toBe('{"rules":{".read":true,".write":true}}');
    expect(second.namespaces()).toEqual(expect.arrayContaining(['one', 'two']));
  });

  it('compacts the log into a snapshot and still recovers the newest state', async () => {
    const dir = tempDir();
    const first = await start(dir, [], { compaction: { records: 5 } });
    for (let i = 0; i < 23; i += 1) expect(await put(first, `/c/${i % 4}.json?ns=cmp`, i)).toBe(200);
    await first.database('cmp').flush();
    const walFiles = readdirSync(dir).filter((f) => f.startsWith('cmp.wal.'));
    expect(readdirSync(dir)).toContain('cmp.snapshot.json');
    expect(walFiles.length).toBeLessThanOrEqual(2);
    await first.close();
    const second = await start(dir);
    expect(await get(second, '/c.json?ns=cmp')).toEqual([20, 21, 22, 19]);
  });

  it('drops a torn or garbled tail, logs it, and keeps the intact records', async () => {
    const dir = tempDir();
    const first = await start(dir);
    await put(first, '/t.json?ns=torn', { ok: true });
    await put(first, '/u.json?ns=torn', 2);
    // Simulate a crash before close: copy the log as it is now, then write garbage after it.
    const wal = readdirSync(dir).find((f) => f.startsWith('torn.wal.'))!;
    const logText = readFileSync(join(dir, wal));
    await first.close();
    for (const file of readdirSync(dir)) if (file.startsWith('torn.')) rmSync(join(dir, file));
    writeFileSync(join(dir, wal), logText);
    appendFileSync(join(dir, wal), '57 0badc0de {"ops":[{"path":["v"],"val');
    const logs: string[] = [];
    const second = await start(dir, logs);
    expect(await get(second, '/.json?ns=torn')).toEqual({ t: { ok: true }, u: 2 });
    expect(logs.join('\n')).toMatch(/dropped the unacknowledged tail after 2 records/);
    expect(await put(second, '/w.json?ns=torn', 3)).toBe(200);
    await second.close();
    const third = await start(dir);
    expect(await get(third, '/.json?ns=torn')).toEqual({ t: { ok: true }, u: 2, w: 3 });
  });

  it('imports and exports the Emulator Suite layout', async () => {
    const source = tempDir();
    mkdirSync(join(source, 'database_export'));
    writeFileSync(
      join(source, 'database_export', 'imported-ns.json'),
      JSON.stringify({ a: { '.value': 1, '.priority': 2 }, b: 'x' }),
    );
    const server = await start(tempDir());
    expect(await importEmulatorData(server, source)).toEqual(['imported-ns']);
    expect(nodeToJson(server.database('imported-ns').root())).toEqual({ a: 1, b: 'x' });
    server.database('only-read').root();
    const target = tempDir();
    expect(await exportEmulatorData(server, target)).toEqual(['imported-ns']);
    expect(JSON.parse(readFileSync(join(target, 'database_export', 'imported-ns.json'), 'utf8'))).toEqual({
      a: { '.value': 1, '.priority': 2 },
      b: 'x',
    });
    expect(
      JSON.parse(readFileSync(join(target, 'firebase-export-metadata.json'), 'utf8')).database.path,
    ).toBe('database_export');
  });

  it('refuses an import directory without database_export/', async () => {
    const server = await start(tempDir());
    await expect(importEmulatorData(server, tempDir())).rejects.toMatchObject({ code: 'rtdb/not-found' });
  });
});

describe('disk failure', () => {
  it('refuses writes with 503 once the log cannot be written, without crashing or changing data', async () => {
    const dir = tempDir();
    const logs: string[] = [];
    // One record per log file: every write opens a new file, so removing the directory bites at once.
    const server = await start(dir, logs, { compaction: { records: 1 } });
    expect(await put(server, '/a.json?ns=disk', 1)).toBe(200);
    await server.database('disk').flush();
    rmSync(dir, { recursive: true, force: true });
    const failed = await fetch(`${server.url}/b.json?ns=disk`, { method: 'PUT', body: '2' });
    expect(failed.status).toBe(503);
    expect(await failed.json()).toEqual({ error: expect.stringContaining('write-ahead log') });
    expect(await get(server, '/.json?ns=disk')).toEqual({ a: 1 });
    expect((await fetch(`${server.url}/c.json?ns=disk`, { method: 'PUT', body: '3' })).status).toBe(503);
    expect(logs.join('\n')).toContain('journal write failed');
    mkdirSync(dir, { recursive: true });
  });
});

describe('data directory lock', () => {
  it('refuses a second server on the same directory and frees it on close', async () => {
    const dir = tempDir();
    const first = await start(dir);
    await expect(startRtdbServer({ port: 0, dataDir: dir, log: () => {} })).rejects.toMatchObject({
      code: 'rtdb/unavailable',
    });
    await first.close();
    servers.splice(servers.indexOf(first), 1);
    const second = await start(dir);
    expect(await put(second, '/x.json?ns=lock', 1)).toBe(200);
  });

  it('takes over a lock left by a process that is gone', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'LOCK'), '999999999');
    const server = await start(dir);
    expect(await put(server, '/x.json?ns=lock', 1)).toBe(200);
  });
});
