import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { allowAllPolicy } from '../../src/core/access-policy.js';
import { Database } from '../../src/core/database.js';
import { createLogger } from '../../src/core/logger.js';
import type { RequestContext } from '../../src/core/request-context.js';
import { RulesRegistry } from '../../src/rules/rules-registry.js';
import { createServerRules } from '../../src/rules/server-rules.js';
import { untilReloadPending } from './pending-reload.js';

const dir = mkdtempSync(join(tmpdir(), 'server-rules-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const alice: RequestContext = {
  admin: false,
  auth: { uid: 'alice', provider: 'password', token: {} },
  now: 0,
};
const READ_FALSE = '{"rules": {".read": false}}';

function lineSink(): { lines: string[]; logger: ReturnType<typeof createLogger> } {
  const lines: string[] = [];
  return { lines, logger: createLogger('rtdb:rules', { sink: (l) => lines.push(l), level: 'info' }) };
}

describe('createServerRules without a rules file', () => {
  it('starts with no rules, no watch and an empty denial log', () => {
    const rules = createServerRules();
    expect(rules.watch).toBeUndefined();
    expect(rules.policyFor('a')).toBe(allowAllPolicy);
    expect(rules.rulesText('a')).toBeUndefined();
    expect(rules.denials()).toEqual([]);
    expect(rules.registry).toBeInstanceOf(RulesRegistry);
    rules.close();
  });

  it('uses the registry it is given', () => {
    const registry = new RulesRegistry();
    registry.load('a', READ_FALSE);
    const rules = createServerRules({ registry });
    expect(rules.registry).toBe(registry);
    expect(rules.rulesText('a')).toBe(READ_FALSE);
    expect(rules.policyFor('a')).toBe(registry.policyFor('a'));
  });

  it('installs PUT rules per namespace and refuses invalid ones, keeping the old', () => {
    const rules = createServerRules();
    rules.onRulesPut('a', READ_FALSE);
    expect(rules.rulesText('a')).toBe(READ_FALSE);
    expect(rules.rulesText('b')).toBeUndefined();
    expect(rules.policyFor('b')).toBe(allowAllPolicy);
    expect(() => rules.onRulesPut('a', '{"rules": {".read": 2}}')).toThrow(
      expect.objectContaining({ code: 'rtdb/invalid-rules' }) as Error,
    );
    expect(() => rules.onRulesPut('a', '{"rules": {".read": 2}}')).toThrow(/Invalid rules: rules\.json:1:/);
    expect(rules.rulesText('a')).toBe(READ_FALSE);
  });

  it('keeps denials per namespace and logs them through its logger', () => {
    const { lines, logger } = lineSink();
    const rules = createServerRules({ logger });
    rules.onRulesPut('a', READ_FALSE);
    rules.onRulesPut('b', READ_FALSE);
    const root = new Database('a').root();
    expect(rules.policyFor('a').canRead(alice, root, ['x']).allowed).toBe(false);
    expect(rules.policyFor('b').canRead(alice, root, ['y']).allowed).toBe(false);
    expect(rules.denials('a').map((d) => d.path)).toEqual(['/x']);
    expect(rules.denials().map((d) => d.ns)).toEqual(['a', 'b']);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^rtdb:rules INFO denied read \/x for uid alice \(ns a\): /);
  });
});

describe('createServerRules change routing', () => {
  it('re-checks one namespace for its own rules and every known one for the default rules', () => {
    const rules = createServerRules();
    const seen: string[] = [];
    rules.connect({ onPolicyChange: (ns) => seen.push(ns), namespaces: () => ['x', 'y'] });
    rules.onRulesPut('y', READ_FALSE);
    expect(seen).toEqual(['y']);
    rules.registry.setDefault(undefined);
    expect(seen).toEqual(['y', 'x', 'y']);
  });

  it('a second connect replaces the first target, and close stops the routing', () => {
    const rules = createServerRules();
    const first: string[] = [];
    const second: string[] = [];
    rules.connect({ onPolicyChange: (ns) => first.push(ns), namespaces: () => [] });
    rules.connect({ onPolicyChange: (ns) => second.push(ns), namespaces: () => [] });
    rules.onRulesPut('a', READ_FALSE);
    expect(first).toEqual([]);
    expect(second).toEqual(['a']);
    rules.close();
    rules.onRulesPut('b', READ_FALSE);
    expect(second).toEqual(['a']);
  });
});

describe('createServerRules with a rules file', () => {
  it('loads the file as every namespace’s default, and PUT rules override it', () => {
    const file = join(dir, 'default.rules.json');
    writeFileSync(file, READ_FALSE);
    const rules = createServerRules({ rulesFile: file });
    try {
      expect(rules.watch?.file).toBe(file);
      expect(rules.rulesText('any')).toBe(READ_FALSE);
      expect(rules.policyFor('any')).not.toBe(allowAllPolicy);
      expect(rules.registry.get('any')?.file).toBe('default.rules.json');
      rules.onRulesPut('own', '{"rules": {".read": true}}');
      expect(rules.rulesText('own')).toBe('{"rules": {".read": true}}');
      expect(rules.rulesText('other')).toBe(READ_FALSE);
    } finally {
      rules.close();
    }
  });

  it('logs reloads of the file through its logger', () => {
    const file = join(dir, 'logged.rules.json');
    writeFileSync(file, READ_FALSE);
    const { lines, logger } = lineSink();
    const rules = createServerRules({ rulesFile: file, logger });
    try {
      writeFileSync(file, '{"rules": {".read": true}}');
      expect(rules.watch?.reload()).toBe(true);
      expect(lines).toEqual(['rtdb:rules INFO reloaded logged.rules.json']);
    } finally {
      rules.close();
    }
  });

  it('close stops the file watch, dropping a pending reload', async () => {
    const realSetTimeout = globalThis.setTimeout;
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const file = join(dir, 'closing.rules.json');
    writeFileSync(file, READ_FALSE);
    const rules = createServerRules({ rulesFile: file });
    try {
      writeFileSync(file, '{"rules": {".read": true}}');
      await untilReloadPending(realSetTimeout);
      rules.close();
      expect(vi.getTimerCount()).toBe(0);
      expect(rules.rulesText('any')).toBe(READ_FALSE);
    } finally {
      rules.close();
      vi.useRealTimers();
    }
  });

  it('refuses to start with an invalid rules file', () => {
    const file = join(dir, 'invalid.rules.json');
    writeFileSync(file, '{"rules": []}');
    expect(() => createServerRules({ rulesFile: file })).toThrow(
      expect.objectContaining({ code: 'rtdb/invalid-rules' }) as Error,
    );
  });
});
