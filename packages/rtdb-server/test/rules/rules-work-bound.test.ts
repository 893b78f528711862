import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdbServer, type RunningRtdbServer } from '../../src/index.js';

// One student's rules must not be able to stall the class's shared backend: regexes run on RE2
// (linear time) and each request's rule evaluation has a bounded amount of work.
const RULES = JSON.stringify({
  rules: {
    '.read': true,
    name: { '.write': true, '.validate': 'newData.isString() && newData.val().matches(/^(a+)+$/)' },
    path: {
      '.write': true,
      '.validate': `root.child(${Array(8).fill('newData.val()').join(' + ')}).exists() || newData.val().length < 10`,
    },
  },
});

let server: RunningRtdbServer;
beforeAll(async () => {
  server = await startRtdbServer({ port: 0, log: () => {} });
  await server.putRules('student-a', RULES);
});
afterAll(async () => {
  await server?.close();
});

function put(ns: string, path: string, value: unknown): Promise<Response> {
  return fetch(`${server.url}/${path}.json?ns=${ns}`, { method: 'PUT', body: JSON.stringify(value) });
}

describe('rules work per request', () => {
  it('answers a catastrophic-backtracking regex on a long string at once, and other namespaces meanwhile', async () => {
    // With a backtracking engine, 40 characters of this input already take longer than the test's
    // time limit: the write would never be answered and the read would wait behind it.
    const write = put('student-a', 'name', `${'a'.repeat(50_000)}!`);
    const other = fetch(`${server.url}/anything.json?ns=student-b`);
    const [written, read] = await Promise.all([write, other]);
    expect(written.status).toBe(401);
    expect(read.status).toBe(200);
    expect((await put('student-a', 'name', 'a'.repeat(50_000))).status).toBe(200);
  });

  it('denies a string too long to scan within the budget, saying why', async () => {
    const reply = await put('student-a', 'name', 'a'.repeat(400_000));
    expect(reply.status).toBe(401);
    const denials = server.rules.denials.recent('student-a');
    expect(JSON.stringify(denials.at(-1))).toMatch(/more work than one request may use/);
  });

  it('denies a child() path too long to walk within the budget', async () => {
    // Eight copies of a 660 kB value make a 5 MB path: concatenation is cheap, walking it is not.
    const reply = await put('student-a', 'path', 'x/'.repeat(330_000));
    expect(reply.status).toBe(401);
    expect(JSON.stringify(server.rules.denials.recent('student-a').at(-1))).toMatch(
      /more work than one request may use/,
    );
  });
});
