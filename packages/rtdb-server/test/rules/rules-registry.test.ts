import { readDecision } from '../../src/core/access-check.js';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { allowAllPolicy } from '../../src/core/access-policy.js';
import { Database } from '../../src/core/database.js';
import { createLogger } from '../../src/core/logger.js';
import { parseRules } from '../../src/rules/parse-rules.js';
import { rulesFileFromFirebaseJson } from '../../src/rules/rules-file-watcher.js';
import { RulesRegistry } from '../../src/rules/rules-registry.js';
import { createServerRules } from '../../src/rules/server-rules.js';

const dir = mkdtempSync(join(tmpdir(), 'rules-reg-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const alice = { admin: false, auth: { uid: 'alice', provider: 'password', token: {} }, now: 1 };

describe('RulesRegistry', () => {
  it('namespace rules win over the default; no rules allow everything', () => {
    const registry = new RulesRegistry();
    const db = new Database('a');
    expect(registry.policyFor('a').canRead(alice, db.root(), ['x'])).toEqual({ allowed: true });
    registry.setDefault(parseRules('{"rules": {".read": false}}', 'default.json'));
    expect(registry.policyFor('a').canRead(alice, db.root(), ['x']).allowed).toBe(false);
    registry.load('a', '{"rules": {".read": true}}');
    expect(registry.policyFor('a').canRead(alice, db.root(), ['x']).allowed).toBe(true);
    expect(registry.policyFor('b').canRead(alice, new Database('b').root(), ['x']).allowed).toBe(false);
    expect(registry.text('a')).toBe('{"rules": {".read": true}}');
    expect(registry.text('b')).toBe('{"rules": {".read": false}}');
  });

  it('refused rules keep the old ones and fire no change', () => {
    const registry = new RulesRegistry();
    const changes: (string | undefined)[] = [];
    registry.onChange((ns) => changes.push(ns));
    registry.load('a', '{"rules": {".read": true}}');
    expect(() => registry.load('a', '{"rules": {".read": 3}}')).toThrow(
      expect.objectContaining({ code: 'rtdb/invalid-rules' }) as Error,
    );
    expect(registry.text('a')).toBe('{"rules": {".read": true}}');
    registry.setDefault(undefined);
    expect(changes).toEqual(['a', undefined]);
  });

  it('records denials with the namespace, uid and explanation, and logs them', () => {
    const lines: string[] = [];
    const registry = new RulesRegistry({
      logger: createLogger('rtdb:rules', { sink: (l) => lines.push(l), level: 'info' }),
      denialLogSize: 5,
    });
    registry.load('a', '{"rules": {"devices": {"$uid": {".write": "auth.uid === $uid"}}}}');
    const db = new Database('a');
    const decision = registry
      .policyFor('a')
      .canWrite(alice, db.root(), [{ path: ['devices', 'bob'], value: 1, kind: 'set' }], db.root());
    expect(decision.allowed).toBe(false);
    expect(registry.denials.recent('a')).toMatchObject([
      { ns: 'a', uid: 'alice', operation: 'write', path: '/devices/bob' },
    ]);
    expect(lines[0]).toMatch(/^rtdb:rules INFO denied write \/devices\/bob for uid alice \(ns a\)/);
  });

  it('admin contexts bypass the policy; hasIndex follows .indexOn', () => {
    const registry = new RulesRegistry();
    registry.load('a', '{"rules": {".read": false, "r": {".indexOn": "ts"}}}');
    const policy = registry.policyFor('a');
    const db = new Database('a');
    expect(readDecision(policy, { admin: true, auth: null, now: 1 }, db.root(), [])).toEqual({
      allowed: true,
    });
    expect(readDecision(policy, alice, db.root(), []).allowed).toBe(false);
    expect(policy.hasIndex(['r'], { kind: 'child', path: ['ts'] })).toBe(true);
    expect(policy.hasIndex(['r'], { kind: 'child', path: ['ir'] })).toBe(false);
  });
});

describe('createServerRules', () => {
  it('hands out allowAllPolicy until a namespace has rules, and routes default changes to every namespace', () => {
    const rules = createServerRules();
    expect(rules.policyFor('a')).toBe(allowAllPolicy);
    const seen: string[] = [];
    rules.connect({ onPolicyChange: (ns) => seen.push(ns), namespaces: () => ['a', 'b'] });
    rules.onRulesPut('a', '{"rules": {".read": false}}');
    expect(rules.policyFor('a')).not.toBe(allowAllPolicy);
    rules.registry.setDefault(parseRules('{"rules": {}}'));
    expect(seen).toEqual(['a', 'a', 'b']);
    rules.close();
  });
});

describe('rulesFileFromFirebaseJson', () => {
  it('resolves the object and array forms, and is undefined without a config or rules entry', () => {
    writeFileSync(join(dir, 'firebase.json'), '{\n // comment\n "database": {"rules": "db.rules.json"}}');
    expect(rulesFileFromFirebaseJson(dir)).toBe(join(dir, 'db.rules.json'));
    writeFileSync(join(dir, 'firebase.json'), '{"database": [{"instance": "x", "rules": "sub/r.json"}]}');
    expect(rulesFileFromFirebaseJson(dir)).toBe(join(dir, 'sub', 'r.json'));
    writeFileSync(join(dir, 'firebase.json'), '{"hosting": {}}');
    expect(rulesFileFromFirebaseJson(dir)).toBeUndefined();
    expect(rulesFileFromFirebaseJson(join(dir, 'nowhere'))).toBeUndefined();
  });
});

describe('RulesRegistry bookkeeping', () => {
  const readFalse = '{"rules": {".read": false}}';

  it('has no evaluator without rules, and one evaluator per rule set', () => {
    const registry = new RulesRegistry();
    expect(registry.evaluator('a')).toBeUndefined();
    expect(registry.get('a')).toBeUndefined();
    expect(registry.text('a')).toBeUndefined();
    const defaults = parseRules(readFalse, 'd.json');
    registry.setDefault(defaults);
    const shared = registry.evaluator('a');
    expect(shared?.rules).toBe(defaults);
    expect(registry.evaluator('a')).toBe(shared);
    expect(registry.evaluator('b')).toBe(shared);
    const own = registry.load('a', '{"rules": {".read": true}}');
    expect(registry.evaluator('a')?.rules).toBe(own);
    expect(registry.evaluator('a')).not.toBe(shared);
    expect(registry.evaluator('b')).toBe(shared);
  });

  it('names loaded rules rules.json unless told otherwise', () => {
    const registry = new RulesRegistry();
    expect(registry.load('a', readFalse).file).toBe('rules.json');
    expect(registry.load('b', readFalse, 'b.json').file).toBe('b.json');
    expect(registry.get('b')?.root.read?.location.file).toBe('b.json');
  });

  it('keeps one policy per namespace', () => {
    const registry = new RulesRegistry();
    expect(registry.policyFor('a')).toBe(registry.policyFor('a'));
    expect(registry.policyFor('a')).not.toBe(registry.policyFor('b'));
  });

  it('tells listeners which namespace changed until they unsubscribe', () => {
    const registry = new RulesRegistry();
    const first: (string | undefined)[] = [];
    const second: (string | undefined)[] = [];
    const offFirst = registry.onChange((ns) => first.push(ns));
    registry.onChange((ns) => second.push(ns));
    registry.set('a', parseRules(readFalse));
    offFirst();
    registry.setDefault(parseRules(readFalse));
    expect(first).toEqual(['a']);
    expect(second).toEqual(['a', undefined]);
  });

  it('keeps 200 denials by default, or the size it is given', () => {
    expect(new RulesRegistry().denials.capacity).toBe(200);
    expect(new RulesRegistry({ denialLogSize: 3 }).denials.capacity).toBe(3);
  });

  it('records denials without a logger and logs nothing for an allowed trace', () => {
    const quiet = new RulesRegistry();
    const denied = {
      operation: 'read' as const,
      paths: ['/x'],
      allowed: false,
      admin: false,
      steps: [],
      denial: { operation: 'read' as const, path: '/x', reason: 'no' },
    };
    quiet.recordDenial('a', null, denied, 0);
    expect(quiet.denials.recent()).toMatchObject([{ ns: 'a', uid: null, path: '/x', reason: 'no' }]);

    const lines: string[] = [];
    const logged = new RulesRegistry({
      logger: createLogger('rtdb:rules', { sink: (l) => lines.push(l), level: 'info' }),
    });
    logged.recordDenial('a', null, { ...denied, allowed: true, denial: undefined }, 0);
    expect(lines).toEqual([]);
    expect(logged.denials.recent()).toEqual([]);
    logged.recordDenial('a', null, denied, 0);
    expect(lines).toEqual(['rtdb:rules INFO denied read /x for unauthenticated (ns a): no']);
  });
});
