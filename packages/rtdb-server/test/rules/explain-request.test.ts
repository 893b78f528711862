import { describe, expect, it } from 'vitest';
import { DEFAULT_QUERY } from '../../src/core/query-spec.js';
import type { QuerySpec } from '../../src/core/query-spec.js';
import { RtdbError } from '../../src/core/rtdb-error.js';
import { DenialLog, formatDenial } from '../../src/rules/denial-log.js';
import { explainRequest, formatTrace, passwordUser } from '../../src/rules/explain-request.js';
import { parseRules } from '../../src/rules/parse-rules.js';

const RULES = parseRules(
  JSON.stringify({
    rules: {
      devices: {
        $uid: {
          '.read': 'auth != null && auth.uid === $uid',
          '.write': 'auth != null && auth.uid === $uid',
          latest: { ts: { '.validate': 'newData.val() == now' } },
        },
      },
    },
  }),
  'r.json',
);
const NOW = 1_000;

describe('explainRequest', () => {
  it('traces a read with every rule evaluated and the failing sub-expression', () => {
    const trace = explainRequest(RULES, null, {
      method: 'GET',
      path: '/devices/bob.json',
      auth: passwordUser('alice'),
    });
    expect(trace.allowed).toBe(false);
    expect(trace.steps).toHaveLength(1);
    expect(trace.steps[0]).toMatchObject({
      kind: 'read',
      path: '/devices/bob',
      result: false,
      subExpression: 'auth.uid === $uid',
    });
    const text = formatTrace(trace);
    expect(text).toMatch(/^DENIED: read \/devices\/bob/);
    expect(text).toContain('r.json:1:');
    expect(text).toContain('`auth.uid === $uid` is false (auth.uid = "alice", $uid = "bob")');
  });

  it('resolves server timestamps in the body with the given clock', () => {
    const body = { ts: { '.sv': 'timestamp' } };
    const ok = explainRequest(RULES, null, {
      method: 'PUT',
      path: '/devices/a/latest',
      body,
      auth: passwordUser('a'),
      now: NOW,
    });
    expect(ok.allowed).toBe(true);
    const stale = explainRequest(RULES, null, {
      method: 'PUT',
      path: '/devices/a/latest',
      body: { ts: 5 },
      auth: passwordUser('a'),
      now: NOW,
    });
    expect(stale.allowed).toBe(false);
    expect(stale.denial).toMatchObject({ operation: 'validate', path: '/devices/a/latest/ts' });
  });

  it('handles POST, PATCH, DELETE and admin', () => {
    const as = passwordUser('a');
    expect(
      explainRequest(RULES, null, { method: 'POST', path: '/devices/a/log', body: 1, auth: as }).paths[0],
    ).toMatch(/^\/devices\/a\/log\/-/);
    const patch = explainRequest(RULES, null, {
      method: 'PATCH',
      path: '/devices',
      body: { 'a/x': 1, 'b/x': 1 },
      auth: as,
    });
    expect(patch.paths).toEqual(['/devices/a/x', '/devices/b/x']);
    expect(patch.allowed).toBe(false);
    expect(patch.denial?.path).toBe('/devices/b/x');
    expect(
      explainRequest(RULES, { devices: { b: 1 } }, { method: 'DELETE', path: '/devices/b', auth: as })
        .allowed,
    ).toBe(false);
    const admin = explainRequest(RULES, null, { method: 'DELETE', path: '/devices/b', auth: 'admin' });
    expect(admin.allowed).toBe(true);
    expect(formatTrace(admin)).toContain('admin credentials bypass the rules');
  });

  it('rejects unknown methods and non-object PATCH bodies with RtdbError codes', () => {
    expect(() => explainRequest(RULES, null, { method: 'FETCH', path: '/', auth: null })).toThrow(
      expect.objectContaining({ code: 'rtdb/method-not-allowed' }) as RtdbError,
    );
    expect(() => explainRequest(RULES, null, { method: 'PATCH', path: '/', body: 5, auth: null })).toThrow(
      expect.objectContaining({ code: 'rtdb/invalid-data' }) as RtdbError,
    );
  });
});

describe('DenialLog', () => {
  it('keeps the most recent denials up to its capacity, per namespace on request', () => {
    const log = new DenialLog(3);
    for (let i = 0; i < 5; i += 1) {
      const trace = explainRequest(RULES, null, {
        method: 'GET',
        path: `/devices/u${i}`,
        auth: passwordUser('x'),
      });
      log.add(i % 2 === 0 ? 'even' : 'odd', 'x', trace, NOW);
    }
    expect(log.recent().map((d) => d.path)).toEqual(['/devices/u2', '/devices/u3', '/devices/u4']);
    expect(log.recent('even').map((d) => d.path)).toEqual(['/devices/u2', '/devices/u4']);
    const allowed = explainRequest(RULES, null, {
      method: 'GET',
      path: '/devices/x',
      auth: passwordUser('x'),
    });
    expect(log.add('even', 'x', allowed, NOW)).toBeUndefined();
    expect(formatDenial(log.recent()[0]!)).toMatch(
      /^denied read \/devices\/u2 for uid x \(ns even\): \.read at r\.json:1/,
    );
    log.clear();
    expect(log.recent()).toEqual([]);
  });
});

// A multi-line rules file whose rule positions are easy to count by hand.
const LINED_TEXT = [
  '{',
  '  "rules": {',
  '    ".read": false,',
  '    "devices": {',
  '      "$uid": {',
  '        ".read": "auth.uid === $uid"',
  '      }',
  '    }',
  '  }',
  '}',
].join('\n');
const LINED = parseRules(LINED_TEXT, 'r.json');
const DENY_ALL = parseRules('{"rules": {".read": false, ".write": false}}', 'deny.json');

describe('explainRequest: admin bypass', () => {
  it.each([
    ['GET', 'read'],
    ['get', 'read'],
    ['PUT', 'write'],
    ['POST', 'write'],
    ['PATCH', 'write'],
    ['DELETE', 'write'],
  ] as const)('%s as admin is allowed as a %s without consulting any rule', (method, operation) => {
    const trace = explainRequest(DENY_ALL, null, {
      method,
      path: '/a/b.json',
      body: { x: 1 },
      auth: 'admin',
    });
    expect(trace).toEqual({ operation, paths: ['/a/b'], allowed: true, admin: true, steps: [] });
    expect(formatTrace(trace)).toBe(`ALLOWED: ${operation} /a/b\n  admin credentials bypass the rules`);
  });

  it('still refuses an unknown method for admin', () => {
    expect(() => explainRequest(DENY_ALL, null, { method: 'COPY', path: '/', auth: 'admin' })).toThrow(
      expect.objectContaining({ code: 'rtdb/method-not-allowed' }) as RtdbError,
    );
  });
});

describe('explainRequest: requests as rules see them', () => {
  const as = passwordUser('a');

  it('evaluates a lower-case method name like its upper-case form', () => {
    const trace = explainRequest(DENY_ALL, null, { method: 'put', path: '/x', body: 1, auth: as });
    expect(trace.operation).toBe('write');
    expect(trace.allowed).toBe(false);
    expect(trace.steps.map((s) => s.kind)).toEqual(['write']);
  });

  it('passes the signed-in user and the clock to the rules, or null auth when signed out', () => {
    const rules = parseRules(
      JSON.stringify({ rules: { '.read': "auth != null && auth.uid == 'a' && now == 1000" } }),
    );
    expect(explainRequest(rules, null, { method: 'GET', path: '/', auth: as, now: 1000 }).allowed).toBe(true);
    expect(explainRequest(rules, null, { method: 'GET', path: '/', auth: as, now: 999 }).allowed).toBe(false);
    const signedOut = explainRequest(rules, null, { method: 'GET', path: '/', auth: null, now: 1000 });
    expect(signedOut.allowed).toBe(false);
    expect(signedOut.admin).toBe(false);
    expect(signedOut.steps[0]?.subExpression).toBe('auth != null');
  });

  it('uses the current time when no clock is given', () => {
    const rules = parseRules(JSON.stringify({ rules: { '.read': 'now > 1600000000000' } }));
    expect(explainRequest(rules, null, { method: 'GET', path: '/', auth: as }).allowed).toBe(true);
  });

  it('puts the user claims under auth.token', () => {
    const user = passwordUser('u1', { role: 'teacher' });
    expect(user).toEqual({
      uid: 'u1',
      provider: 'password',
      token: { sub: 'u1', user_id: 'u1', firebase: { sign_in_provider: 'password' }, role: 'teacher' },
    });
    const rules = parseRules(
      JSON.stringify({
        rules: {
          '.read': "auth.token.role == 'teacher' && auth.token.firebase.sign_in_provider == 'password'",
        },
      }),
    );
    expect(explainRequest(rules, null, { method: 'GET', path: '/', auth: user }).allowed).toBe(true);
    expect(explainRequest(rules, null, { method: 'GET', path: '/', auth: passwordUser('u2') }).allowed).toBe(
      false,
    );
  });

  it('strips only a final .json from the path', () => {
    const rules = parseRules(JSON.stringify({ rules: { $k: { '.read': "$k == 'xjson'" } } }));
    expect(explainRequest(rules, null, { method: 'GET', path: '/xjson', auth: as })).toMatchObject({
      paths: ['/xjson'],
      allowed: true,
    });
    expect(explainRequest(rules, null, { method: 'GET', path: '/xjson.json', auth: as }).paths).toEqual([
      '/xjson',
    ]);
    expect(() => explainRequest(rules, null, { method: 'GET', path: '/a.json/b', auth: as })).toThrow(
      RtdbError,
    );
  });

  it('shows the query of a GET to the rules as query.*', () => {
    const rules = parseRules(
      JSON.stringify({ rules: { '.read': 'query.limitToFirst != null && query.limitToFirst <= 10' } }),
    );
    const query: QuerySpec = { ...DEFAULT_QUERY, limit: { count: 5, from: 'first' } };
    expect(explainRequest(rules, null, { method: 'GET', path: '/', auth: as, query }).allowed).toBe(true);
    expect(explainRequest(rules, null, { method: 'GET', path: '/', auth: as }).allowed).toBe(false);
  });

  it('writes the PUT body, or null when there is none', () => {
    const rules = parseRules(
      JSON.stringify({ rules: { x: { '.write': 'newData.val() == 5 || !newData.exists()' } } }),
    );
    const put = (body?: unknown): boolean =>
      explainRequest(
        rules,
        { x: 1 },
        { method: 'PUT', path: '/x', auth: as, ...(body === undefined ? {} : { body }) },
      ).allowed;
    expect(put(5)).toBe(true);
    expect(put(6)).toBe(false);
    expect(put()).toBe(true);
  });

  it('deletes with DELETE whatever body is given', () => {
    const rules = parseRules(
      JSON.stringify({ rules: { x: { '.write': 'data.exists() && !newData.exists()' } } }),
    );
    expect(
      explainRequest(rules, { x: 1 }, { method: 'DELETE', path: '/x', body: 7, auth: as }),
    ).toMatchObject({ operation: 'write', paths: ['/x'], allowed: true });
  });

  it('creates a child under the given or the sample push id with POST', () => {
    const rules = parseRules(
      JSON.stringify({
        rules: { log: { $id: { '.write': "newData.val() == 'hi' && $id.beginsWith('-')" } } },
      }),
    );
    const own = explainRequest(rules, null, {
      method: 'POST',
      path: '/log',
      body: 'hi',
      auth: as,
      pushId: '-Mine',
    });
    expect(own).toMatchObject({ paths: ['/log/-Mine'], allowed: true });
    const sample = explainRequest(rules, null, { method: 'POST', path: '/log', body: 'hi', auth: as });
    expect(sample.allowed).toBe(true);
    expect(sample.paths[0]).toMatch(/^\/log\/-[A-Za-z0-9_-]+$/);
    const empty = explainRequest(rules, null, { method: 'POST', path: '/log', auth: as });
    expect(empty.allowed).toBe(false);
  });

  it.each([
    ['null', null],
    ['a number', 5],
    ['a string', 'x'],
    ['an array', [1, 2]],
    ['missing', undefined],
  ])('refuses a PATCH whose body is %s', (_name, body) => {
    let caught: unknown;
    try {
      explainRequest(DENY_ALL, null, { method: 'PATCH', path: '/', body, auth: as });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(RtdbError);
    expect(caught).toMatchObject({ code: 'rtdb/invalid-data' });
    expect((caught as Error).message).toContain('PATCH body must be an object');
  });

  it('names the refused method and the accepted ones', () => {
    expect(() => explainRequest(DENY_ALL, null, { method: 'Fetch', path: '/', auth: as })).toThrow(
      /Method Fetch is not one of GET, PUT, POST, PATCH, DELETE/,
    );
  });

  it('judges every PATCH entry against the data after all of them', () => {
    const rules = parseRules(
      JSON.stringify({
        rules: {
          '.write': true,
          a: { '.validate': "newData.parent().child('b').val() == 2" },
        },
      }),
    );
    const trace = explainRequest(rules, null, {
      method: 'PATCH',
      path: '/',
      body: { a: 1, b: 2 },
      auth: as,
    });
    expect(trace).toMatchObject({ paths: ['/a', '/b'], allowed: true });
  });

  it('resolves an increment against the current value and keeps the old data as data', () => {
    const rules = parseRules(
      JSON.stringify({ rules: { n: { '.write': 'newData.val() == data.val() + 1' } } }),
    );
    const inc = (data: unknown): boolean =>
      explainRequest(rules, data, {
        method: 'PUT',
        path: '/n',
        body: { '.sv': { increment: 1 } },
        auth: as,
      }).allowed;
    expect(inc({ n: 41 })).toBe(true);
    const patch = explainRequest(
      rules,
      { n: 9 },
      {
        method: 'PATCH',
        path: '/',
        body: { n: { '.sv': { increment: 1 } } },
        auth: as,
      },
    );
    expect(patch.allowed).toBe(true);
  });
});

describe('explainRequest: data limits', () => {
  const allowWrites = parseRules('{"rules": {".write": true}}');
  const deepPath = (levels: number): string =>
    `/${Array.from({ length: levels }, (_, i) => `k${i}`).join('/')}`;

  it('counts the 32-level depth limit of a body from the root, not from the written location', () => {
    const body = { x: { y: { z: 1 } } };
    const at = (levels: number) => (): unknown =>
      explainRequest(allowWrites, null, { method: 'PUT', path: deepPath(levels), body, auth: null });
    expect(at(29)).not.toThrow();
    expect(at(30)).toThrow(/nested deeper than 32 levels/);
  });
});

describe('formatTrace', () => {
  it('lists every rule with its mark, place, source and the reason of the denial', () => {
    const trace = explainRequest(LINED, null, {
      method: 'GET',
      path: '/devices/bob',
      auth: passwordUser('alice'),
    });
    expect(formatTrace(trace)).toBe(
      [
        'DENIED: read /devices/bob',
        '  ✗ .read at /  r.json:3:14 (/rules/.read)',
        '      false',
        '      → the rule is false',
        '  ✗ .read at /devices/bob  r.json:6:18 (/rules/devices/$uid/.read)',
        '      auth.uid === $uid',
        '      → `auth.uid === $uid` is false (auth.uid = "alice", $uid = "bob")',
        '  reason: .read at r.json:6 (/rules/devices/$uid/.read) was false at /devices/bob: `auth.uid === $uid` is false (auth.uid = "alice", $uid = "bob")',
      ].join('\n'),
    );
  });

  it('marks a granting rule with a tick and adds no reason when allowed', () => {
    const trace = explainRequest(LINED, null, {
      method: 'GET',
      path: '/devices/alice',
      auth: passwordUser('alice'),
    });
    expect(formatTrace(trace)).toBe(
      [
        'ALLOWED: read /devices/alice',
        '  ✗ .read at /  r.json:3:14 (/rules/.read)',
        '      false',
        '      → the rule is false',
        '  ✓ .read at /devices/alice  r.json:6:18 (/rules/devices/$uid/.read)',
        '      auth.uid === $uid',
      ].join('\n'),
    );
  });

  it('says when no rule applies, and joins the locations of a multi-path write', () => {
    const none = parseRules('{"rules": {}}', 'none.json');
    const trace = explainRequest(none, null, {
      method: 'PATCH',
      path: '/',
      body: { a: 1, b: 2 },
      auth: null,
    });
    expect(formatTrace(trace)).toBe(
      [
        'DENIED: write /a, /b',
        '  no rule applies to this location',
        '  reason: no .write rule on this location or above it allowed the write',
      ].join('\n'),
    );
  });

  it('prints the arrow line only for a failed step with an explanation', () => {
    const location = { file: 'f.json', line: 2, column: 3, rulePath: '/rules/.write' };
    const text = formatTrace({
      operation: 'write',
      paths: ['/p'],
      allowed: false,
      admin: false,
      steps: [
        { kind: 'write', path: '/', location, source: 'a', result: false, explanation: 'plain words' },
        { kind: 'write', path: '/', location, source: 'b', result: false, explanation: '' },
        { kind: 'validate', path: '/p', location, source: 'c', result: true, explanation: 'unused' },
      ],
    });
    expect(text).toBe(
      [
        'DENIED: write /p',
        '  ✗ .write at /  f.json:2:3 (/rules/.write)',
        '      a',
        '      → plain words',
        '  ✗ .write at /  f.json:2:3 (/rules/.write)',
        '      b',
        '  ✓ .validate at /p  f.json:2:3 (/rules/.write)',
        '      c',
      ].join('\n'),
    );
  });
});
