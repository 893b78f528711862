import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startRtdbServer } from '@iotkit/rtdb-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli-error.js';
import type { CommandArgs, CommandIo } from '../../src/command.js';
import { rulesCommand } from '../../src/commands/rules.js';

const root = fileURLToPath(new URL('../../../../', import.meta.url));

async function explain(
  positionals: string[],
  values: CommandArgs['values'] = {},
): Promise<{ code: number; out: string }> {
  const lines: string[] = [];
  const io: CommandIo = {
    out: (text) => lines.push(text),
    err: (text) => lines.push(text),
    env: {},
    root,
    waitForInterrupt: () => new Promise(() => {}),
  };
  const code = await rulesCommand.run({ positionals, values }, io);
  return { code, out: lines.join('\n') };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'rules-cli-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('iotkit rules explain', () => {
  it('explains a cross-device write against the course rules named by firebase.json', async () => {
    const { code, out } = await explain(['explain', 'PUT', '/devices/bob/latest'], {
      as: 'alice',
      data: '{"ir": 5, "ts": {".sv": "timestamp"}}',
    });
    expect(code).toBe(0);
    expect(out).toContain('DENIED: write /devices/bob/latest');
    expect(out).toMatch(/database\.rules\.json:\d+:\d+ \(\/rules\/devices\/\$uid\/\.write\)/);
    expect(out).toContain('`auth.uid === $uid` is false (auth.uid = "alice", $uid = "bob")');
  });

  it('allows the owner, and --check turns a denial into exit status 3', async () => {
    const allowed = await explain(['explain', 'post', '/devices/alice/readings'], {
      as: 'alice',
      data: '{"ir": 7, "ts": {".sv": "timestamp"}}',
      check: true,
    });
    expect(allowed.code).toBe(0);
    expect(allowed.out).toContain('ALLOWED: write /devices/alice/readings/');
    const denied = await explain(['explain', 'GET', '/devices'], { as: 'alice', check: true });
    expect(denied.code).toBe(3);
    expect(denied.out).toContain('rules are not filters');
  });

  it('passes --query to query.* rules and notes a missing .indexOn', async () => {
    const file = join(dir, 'q.json');
    writeFileSync(file, '{"rules": {"r": {".read": "query.limitToFirst <= 5", ".indexOn": "ts"}}}');
    const small = await explain(['explain', 'GET', '/r'], {
      rules: file,
      query: 'orderBy="ts"&limitToFirst=5',
    });
    expect(small.out).toContain('ALLOWED');
    expect(small.out).not.toContain('note:');
    const big = await explain(['explain', 'GET', '/r'], {
      rules: file,
      query: 'orderBy="ir"&limitToFirst=50',
    });
    expect(big.out).toContain('`query.limitToFirst <= 5` is false (query.limitToFirst = 50)');
    expect(big.out).toContain('note: no ".indexOn": "ir" at /r');
    await expect(
      explain(['explain', 'GET', '/r'], { rules: file, query: 'limitToFirst=5' }),
    ).rejects.toMatchObject({ code: 'cli/usage' });
  });

  it('uses --rules and --existing', async () => {
    const file = join(dir, 'r.json');
    writeFileSync(file, '{"rules": {"a": {".read": "data.child(\'open\').val() == true"}}}');
    expect(
      (await explain(['explain', 'GET', '/a'], { rules: file, existing: '{"a": {"open": true}}' })).out,
    ).toContain('ALLOWED');
    expect(
      (await explain(['explain', 'GET', '/a'], { rules: file, existing: '{"a": {"open": false}}' })).out,
    ).toContain('DENIED');
  });

  it('reads the rules and data of a running server with --url and --ns', async () => {
    const server = await startRtdbServer({ port: 0, log: () => {} });
    try {
      const owner = { Authorization: 'Bearer owner' };
      await fetch(`${server.url}/.settings/rules.json?ns=cls`, {
        method: 'PUT',
        headers: owner,
        body: '{"rules": {"x": {".read": "data.exists()"}}}',
      });
      await fetch(`${server.url}/x.json?ns=cls`, { method: 'PUT', headers: owner, body: '1' });
      const { out } = await explain(['explain', 'GET', '/x'], { url: server.url, ns: 'cls' });
      expect(out).toContain(`rules: ${server.url}?ns=cls`);
      expect(out).toContain('ALLOWED: read /x');
      await fetch(`${server.url}/y.json?ns=cls`);
      const denials = await explain(['denials'], { url: server.url, ns: 'cls' });
      expect(denials.out).toMatch(/cls {2}read \/y {2}unauthenticated/);
      expect(denials.out).toContain('no .read rule on this location or above it allowed the read');
    } finally {
      await server.close();
    }
  });

  it('reports usage mistakes and invalid rules as CliErrors', async () => {
    await expect(explain(['explain', 'FETCH', '/x'])).rejects.toMatchObject({ code: 'cli/usage' });
    await expect(explain(['show'])).rejects.toBeInstanceOf(CliError);
    await expect(explain(['explain', 'PUT', '/x'], { data: '{nope' })).rejects.toMatchObject({
      code: 'cli/usage',
    });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{"rules": {".read": "auth.uid =="}}');
    await expect(explain(['explain', 'GET', '/x'], { rules: bad })).rejects.toMatchObject({
      code: 'cli/invalid-config',
      message: expect.stringMatching(/bad\.json:1:\d+: \.read: syntax error/),
    });
  });
});
