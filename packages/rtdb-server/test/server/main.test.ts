import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exited, spawnServer, type ServerProcess } from './server-process.js';

const root = mkdtempSync(join(tmpdir(), 'rtdb-cli-'));
const running: ServerProcess[] = [];
afterAll(() => {
  for (const p of running) p.child.kill('SIGKILL');
  rmSync(root, { recursive: true, force: true });
});

describe('server CLI', () => {
  it('imports an emulator export on start and exports on SIGTERM', { timeout: 60_000 }, async () => {
    const source = join(root, 'in');
    mkdirSync(join(source, 'database_export'), { recursive: true });
    writeFileSync(
      join(source, 'database_export', 'class-a.json'),
      JSON.stringify({ devices: { u1: { latest: { ir: 512 } } } }),
    );
    const target = join(root, 'out');
    const server = await spawnServer(['--import', source, '--export-on-exit', target]);
    running.push(server);
    expect(server.output()).toContain('imported 1 namespace(s)');
    expect(await (await fetch(`${server.url}/devices/u1/latest/ir.json?ns=class-a`)).json()).toBe(512);
    await fetch(`${server.url}/devices/u2.json?ns=class-a`, { method: 'PUT', body: '{"latest":{"ir":7}}' });
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
    expect(JSON.parse(readFileSync(join(target, 'database_export', 'class-a.json'), 'utf8'))).toEqual({
      devices: { u1: { latest: { ir: 512 } }, u2: { latest: { ir: 7 } } },
    });
  });

  it('ignores the -- separator that `pnpm start -- …` passes through', { timeout: 30_000 }, async () => {
    const server = await spawnServer(['--', '--host', '127.0.0.1']);
    running.push(server);
    expect((await fetch(`${server.url}/x.json`)).status).toBe(200);
    server.child.kill('SIGTERM');
    expect(await exited(server.child)).toBe(0);
  });

  it('says in its start banner whether the admin endpoints are open', { timeout: 60_000 }, async () => {
    // Both start at once: on a busy machine each start alone takes seconds.
    const [local, exposed] = await Promise.all([spawnServer([]), spawnServer(['--exposed'])]);
    running.push(local, exposed);
    expect(local.output()).toContain('loopback only');
    expect(exposed.output()).toMatch(/exposed on the network: .*need the owner credential/);
    expect((await fetch(`${exposed.url}/.inspect/databases.json`)).status).toBe(401);
    for (const server of [local, exposed]) server.child.kill('SIGTERM');
    expect(await exited(local.child)).toBe(0);
    expect(await exited(exposed.child)).toBe(0);
  });

  it('refuses a bad port with usage text', { timeout: 30_000 }, async () => {
    await expect(spawnServer(['--port', 'nine'])).rejects.toThrow(/--port must be an integer/);
  });
});
