import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { finished, runIotkit, signalGroup, spawnIotkit } from '../helpers/run-iotkit.js';

const work = mkdtempSync(join(tmpdir(), 'iotkit-docs-'));
const site = join(work, 'site');
mkdirSync(join(site, 'guides'), { recursive: true });
writeFileSync(join(site, 'index.html'), '<h1>IoT Cloud Kit docs</h1>');
writeFileSync(join(site, 'guides', 'index.html'), '<h1>Guides</h1>');
writeFileSync(join(work, 'secret.txt'), 'outside the site');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A raw GET, so `..` segments reach the server unnormalised (fetch would resolve them). */
function rawGet(url: string, path: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const req = request({ host: hostname, port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => (body += chunk.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.once('error', reject);
    req.end();
  });
}

describe('iotkit docs', () => {
  it('serves a built site, directory indexes included, and nothing outside it', async () => {
    const child = spawnIotkit(['docs', '--serve', '--no-build', '--port', '0', '--site', site]);
    const done = finished(child);
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no URL printed:\n${output}`)), 60_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /serving (http:\/\/127\.0\.0\.1:\d+\/)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    try {
      const home = await fetch(url);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toContain('text/html');
      expect(await home.text()).toContain('IoT Cloud Kit docs');
      expect(await (await fetch(`${url}guides/`)).text()).toContain('Guides');
      expect((await fetch(`${url}missing.html`)).status).toBe(404);
      const escape = await rawGet(url, '/../secret.txt');
      expect(escape.status).toBe(404);
      const encodedEscape = await rawGet(url, '/%2e%2e/secret.txt');
      expect(encodedEscape.status).toBe(404);
      expect(encodedEscape.body).not.toContain('outside the site');
    } finally {
      signalGroup(child, 'SIGINT');
    }
    const result = await done;
    expect(result.stdout).toContain('docs: stopped');
  });

  it('rejects a port that is not a number with a usage error', async () => {
    const result = await runIotkit(['docs', '--serve', '--no-build', '--port', 'eighty', '--site', site]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--port must be a whole number');
  });

  it('--pdf says how to build first when the site has no site map', async () => {
    const result = await runIotkit(['docs', '--pdf', '--no-build', '--site', site]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('no site map in');
    expect(result.stderr).toContain('pnpm iotkit docs');
  });

  it('says how to build first when the site folder is empty', async () => {
    const result = await runIotkit([
      'docs',
      '--serve',
      '--no-build',
      '--port',
      '0',
      '--site',
      join(work, 'nothing'),
    ]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('pnpm iotkit docs');
  });
});
