import { describe, expect, it } from 'vitest';
import type { RtdbError } from '../../src/core/rtdb-error.js';
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
