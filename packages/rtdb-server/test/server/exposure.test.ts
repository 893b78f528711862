import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdbServer, type RunningRtdbServer } from '../../src/index.js';

// A server "bound beyond loopback" is simulated with the explicit `exposed: true` option on
// 127.0.0.1: the admin gate depends on that flag only, and tests never listen on a real network.
let exposed: RunningRtdbServer;
let local: RunningRtdbServer;

beforeAll(async () => {
  exposed = await startRtdbServer({ port: 0, exposed: true, log: () => {} });
  local = await startRtdbServer({ port: 0, log: () => {} });
  for (const server of [exposed, local]) {
    await server.putRules(
      'class',
      '{"rules": {"secret": {".read": false}, "open": {".read": true, ".write": true}}}',
    );
    await fetch(`${server.url}/secret.json?ns=class&auth=owner`, { method: 'PUT', body: '"pin 1234"' });
    // Leaves a denial (with the data it concerned) in the log the inspect endpoint shows.
    await fetch(`${server.url}/secret.json?ns=class`);
  }
});
afterAll(async () => {
  await exposed?.close();
  await local?.close();
});

/** A user's unsigned emulator ID token. */
function userToken(uid: string): string {
  const part = (value: unknown): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: uid, user_id: uid, iat: 0 })}.`;
}

/** One GET with the request path sent exactly as written (fetch would normalise `..`). */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('admin endpoints of an exposed server', () => {
  const ADMIN_PATHS = [
    '/.inspect/denials.json?ns=class',
    '/.inspect/databases.json',
    '/.settings/rules.json?ns=class',
  ];

  it.each(ADMIN_PATHS)('%s refuses requests without the owner credential', async (path) => {
    const reply = await fetch(`${exposed.url}${path}`);
    expect(reply.status).toBe(401);
    const body = (await reply.json()) as { error: string };
    expect(body.error).toMatch(/exposed on the network.*owner credential/);
    expect(JSON.stringify(body)).not.toContain('1234');
  });

  it.each(ADMIN_PATHS)('%s refuses a signed-in user who is not the owner', async (path) => {
    const reply = await fetch(`${exposed.url}${path}`, {
      headers: { Authorization: `Bearer ${userToken('u1')}` },
    });
    expect(reply.status).toBe(401);
  });

  it('answers the owner, by query parameter or bearer header', async () => {
    const denials = await fetch(`${exposed.url}/.inspect/denials.json?ns=class&auth=owner`);
    expect(denials.status).toBe(200);
    expect(JSON.stringify(await denials.json())).toContain('secret');
    const rules = await fetch(`${exposed.url}/.settings/rules.json?ns=class`, {
      headers: { Authorization: 'Bearer owner' },
    });
    expect(rules.status).toBe(200);
    expect(await rules.json()).toMatchObject({ rules: { secret: { '.read': false } } });
  });

  it('cannot be reached around the gate by a path that normalises to it', async () => {
    for (const path of [
      '/x/../.inspect/denials.json',
      '/./.inspect/denials.json',
      '/%2Einspect/denials.json',
    ]) {
      const reply = await rawGet(exposed.port, path);
      expect(reply.status, path).not.toBe(200);
      expect(reply.body, path).not.toContain('1234');
    }
  });

  it('keeps serving data under the rules to everyone', async () => {
    expect((await fetch(`${exposed.url}/open.json?ns=class`, { method: 'PUT', body: '1' })).status).toBe(200);
    expect((await fetch(`${exposed.url}/secret.json?ns=class`)).status).toBe(401);
  });
});

describe('admin endpoints of a loopback server', () => {
  it('answers /.inspect without credentials, as the emulator does', async () => {
    const reply = await fetch(`${local.url}/.inspect/denials.json?ns=class`);
    expect(reply.status).toBe(200);
    expect(JSON.stringify(await reply.json())).toContain('secret');
    expect((await fetch(`${local.url}/.inspect/databases.json`)).status).toBe(200);
  });

  it('keeps /.settings admin only', async () => {
    expect((await fetch(`${local.url}/.settings/rules.json?ns=class`)).status).toBe(401);
  });

  it('names the admin endpoints when asked for an unknown one', async () => {
    const reply = await fetch(`${local.url}/.inspect/nothing.json`);
    expect(reply.status).toBe(404);
    expect(((await reply.json()) as { error: string }).error).toContain('/.inspect/denials.json');
  });
});
