// Read verdicts of the rules-backed policy: when a decision provably still holds after a write,
// and every case where it must be made again. Each "holds" is checked against a fresh decision.
import { describe, expect, it, vi } from 'vitest';
import { readVerdict } from '../../src/core/access-check.js';
import type { RequestContext } from '../../src/core/request-context.js';
import { nodeUpdateChild, type DataNode } from '../../src/core/data-node.js';
import { nodeFromJson } from '../../src/core/node-json.js';
import type { Path } from '../../src/core/path.js';
import { RulesRegistry } from '../../src/rules/rules-registry.js';
import { parseRules } from '../../src/rules/parse-rules.js';
import { RulesEvaluator, type AccessTrace } from '../../src/rules/rules-evaluator.js';
import { RulesPolicy, type RulesSource } from '../../src/rules/rules-policy.js';

const alice: RequestContext = {
  admin: false,
  auth: { uid: 'alice', provider: 'password', token: {} },
  now: 1,
};
const tree = nodeFromJson({
  rooms: { r1: { members: { alice: true }, topic: 't' } },
  settings: { open: true },
  other: { x: 1 },
});

function setAt(root: DataNode, path: Path, value: unknown): DataNode {
  return nodeUpdateChild(root, path, nodeFromJson(value));
}

function registryWith(rules: string): RulesRegistry {
  const registry = new RulesRegistry();
  registry.load('ns', rules);
  return registry;
}

// The verdict's claim must agree with a decision made from scratch on the later tree.
function expectHoldsHonestly(
  registry: RulesRegistry,
  ctx: RequestContext,
  root: DataNode,
  path: Path,
): boolean {
  const policy = registry.policyFor('ns');
  const first = policy.readVerdict(alice, tree, path);
  const holds = first.holds(ctx, root);
  if (holds) expect(policy.canRead(ctx, root, path)).toEqual(first.decision);
  return holds;
}

describe('RulesPolicy.readVerdict', () => {
  it('a rule on auth alone holds across any write, without evaluating the rules again', () => {
    const registry = registryWith('{"rules": {"rooms": {"$room": {".read": "auth != null"}}}}');
    const policy = registry.policyFor('ns');
    const evaluator = registry.evaluator('ns')!;
    const verdict = policy.readVerdict(alice, tree, ['rooms', 'r1']);
    expect(verdict.decision).toEqual({ allowed: true });
    const reads = vi.spyOn(evaluator, 'read');
    const later = setAt(setAt(tree, ['rooms', 'r1', 'topic'], 'u'), [], null);
    expect(verdict.holds({ ...alice, now: 99 }, later)).toBe(true);
    expect(reads).not.toHaveBeenCalled();
  });

  it('a rule reading other data holds across unrelated writes and not once that data is rewritten', () => {
    const registry = registryWith(
      '{"rules": {"rooms": {"$room": {".read": "root.child(\'settings/open\').val() == true"}}}}',
    );
    const path = ['rooms', 'r1'];
    expect(expectHoldsHonestly(registry, alice, setAt(tree, ['rooms', 'r1', 'topic'], 'u'), path)).toBe(true);
    expect(expectHoldsHonestly(registry, alice, setAt(tree, ['other', 'x'], 2), path)).toBe(true);
    // Rewritten (even with the same value), above, or below: decided again.
    expect(expectHoldsHonestly(registry, alice, setAt(tree, ['settings', 'open'], true), path)).toBe(false);
    expect(expectHoldsHonestly(registry, alice, setAt(tree, ['settings'], { open: false }), path)).toBe(
      false,
    );
    expect(expectHoldsHonestly(registry, alice, setAt(tree, [], { settings: { open: true } }), path)).toBe(
      false,
    );
  });

  it('a rule reading the data it guards is decided again when that data changes', () => {
    const registry = registryWith(
      '{"rules": {"rooms": {"$room": {".read": "data.child(\'members\').hasChild(auth.uid)"}}}}',
    );
    const path = ['rooms', 'r1'];
    const removed = setAt(tree, ['rooms', 'r1', 'members', 'alice'], null);
    expect(expectHoldsHonestly(registry, alice, removed, path)).toBe(false);
    expect(registry.policyFor('ns').canRead(alice, removed, path).allowed).toBe(false);
    expect(expectHoldsHonestly(registry, alice, setAt(tree, ['other', 'x'], 5), path)).toBe(true);
  });

  it('never holds for a rule that reads now, another auth, or once the rules change', () => {
    const timed = registryWith('{"rules": {".read": "now > 0"}}');
    expect(expectHoldsHonestly(timed, alice, tree, ['a'])).toBe(false);
    const registry = registryWith('{"rules": {".read": "auth != null"}}');
    const verdict = registry.policyFor('ns').readVerdict(alice, tree, ['a']);
    const bob: RequestContext = {
      admin: false,
      auth: { uid: 'bob', provider: 'password', token: {} },
      now: 1,
    };
    expect(verdict.holds(bob, tree)).toBe(false);
    expect(verdict.holds({ ...alice, auth: { ...alice.auth! } }, tree)).toBe(false);
    expect(verdict.holds(alice, tree)).toBe(true);
    registry.load('ns', '{"rules": {".read": false}}');
    expect(verdict.holds(alice, tree)).toBe(false);
  });

  it('without rules the verdict holds until rules are loaded', () => {
    const registry = new RulesRegistry();
    const verdict = registry.policyFor('ns').readVerdict(alice, tree, ['a']);
    expect(verdict.decision).toEqual({ allowed: true });
    expect(verdict.holds(alice, setAt(tree, ['a'], 1))).toBe(true);
    registry.load('ns', '{"rules": {".read": false}}');
    expect(verdict.holds(alice, tree)).toBe(false);
  });

  it('admins get a verdict that holds while they stay admin; plain policies get one that never holds', () => {
    const registry = registryWith('{"rules": {".read": false}}');
    const admin: RequestContext = { admin: true, auth: null, now: 1 };
    const verdict = readVerdict(registry.policyFor('ns'), admin, tree, ['a']);
    expect(verdict.decision).toEqual({ allowed: true });
    expect(verdict.holds(admin, tree)).toBe(true);
    expect(verdict.holds(alice, tree)).toBe(false);
    const plain = {
      canRead: () => ({ allowed: true as const }),
      canWrite: () => ({ allowed: true as const }),
      hasIndex: () => true,
    };
    expect(readVerdict(plain, alice, tree, ['a']).holds(alice, tree)).toBe(false);
  });
});

/** A rules source with swappable rules that keeps every denial it is handed. */
class FakeSource implements RulesSource {
  current: RulesEvaluator | undefined;
  readonly denials: { ns: string; uid: string | null; trace: AccessTrace; now: number }[] = [];
  readonly asked: string[] = [];

  constructor(rules?: unknown) {
    if (rules !== undefined) this.use(rules);
  }

  use(rules: unknown): void {
    this.current = new RulesEvaluator(parseRules(JSON.stringify({ rules }), 'p.json'));
  }

  evaluator(ns: string): RulesEvaluator | undefined {
    this.asked.push(ns);
    return this.current;
  }

  recordDenial(ns: string, uid: string | null, trace: AccessTrace, now: number): void {
    this.denials.push({ ns, uid, trace, now });
  }
}

describe('RulesPolicy decisions', () => {
  const data = nodeFromJson({ a: { b: 1 }, open: { x: 1 } });

  it('allows everything and declares every index while no rules are loaded', () => {
    const source = new FakeSource();
    const policy = new RulesPolicy(source, 'mine');
    expect(policy.canRead(alice, data, ['a'])).toEqual({ allowed: true });
    expect(policy.canWrite(alice, data, [{ path: ['a'], value: 1, kind: 'set' }], data)).toEqual({
      allowed: true,
    });
    expect(policy.hasIndex(['a'], { kind: 'child', path: ['x'] })).toBe(true);
    expect(source.asked).toEqual(['mine', 'mine', 'mine']);
    expect(source.denials).toEqual([]);
  });

  it('asks the rules of its own namespace on every call, so a change applies at once', () => {
    const source = new FakeSource({ '.read': false });
    const policy = new RulesPolicy(source, 'mine');
    expect(policy.ns).toBe('mine');
    expect(policy.canRead(alice, data, ['a']).allowed).toBe(false);
    source.use({ '.read': true });
    expect(policy.canRead(alice, data, ['a']).allowed).toBe(true);
    expect(source.asked).toEqual(['mine', 'mine']);
  });

  it('records a denial with the namespace, uid, trace and time, and gives its reason', () => {
    const source = new FakeSource({ a: { '.read': "auth.uid == 'bob'" } });
    const policy = new RulesPolicy(source, 'mine');
    const decision = policy.canRead({ ...alice, now: 1234 }, data, ['a', 'b']);
    expect(decision.allowed).toBe(false);
    expect(source.denials).toHaveLength(1);
    const [denial] = source.denials;
    expect(denial).toMatchObject({ ns: 'mine', uid: 'alice', now: 1234 });
    expect(denial!.trace).toMatchObject({ operation: 'read', paths: ['/a/b'], allowed: false });
    expect(decision).toEqual({ allowed: false, reason: denial!.trace.denial!.reason });
    expect((decision as { reason: string }).reason).toMatch(
      /^\.read at p\.json:1 \(\/rules\/a\/\.read\) was false at \/a/,
    );
    policy.canRead({ admin: false, auth: null, now: 5 }, data, ['a']);
    expect(source.denials[1]).toMatchObject({ ns: 'mine', uid: null, now: 5 });
  });

  it('records nothing for an allowed request', () => {
    const source = new FakeSource({ '.read': true, '.write': true });
    const policy = new RulesPolicy(source, 'mine');
    expect(policy.canRead(alice, data, ['a'])).toEqual({ allowed: true });
    expect(policy.canWrite(alice, data, [{ path: ['a'], value: 2, kind: 'set' }], data)).toEqual({
      allowed: true,
    });
    expect(source.denials).toEqual([]);
  });

  it('shows the query to read rules', () => {
    const source = new FakeSource({ a: { '.read': 'query.limitToFirst == 1' } });
    const policy = new RulesPolicy(source, 'mine');
    expect(
      policy.canRead(alice, data, ['a'], { index: { kind: 'key' }, limit: { count: 1, from: 'first' } }),
    ).toEqual({
      allowed: true,
    });
    expect(policy.canRead(alice, data, ['a']).allowed).toBe(false);
    const verdict = policy.readVerdict(alice, data, ['a'], {
      index: { kind: 'key' },
      limit: { count: 1, from: 'first' },
    });
    expect(verdict.decision).toEqual({ allowed: true });
    expect(policy.readVerdict(alice, data, ['a']).decision.allowed).toBe(false);
  });

  it('decides a write at the node a .priority location belongs to', () => {
    const source = new FakeSource({ a: { '.write': true, '.validate': 'newData.getPriority() == 3' } });
    const policy = new RulesPolicy(source, 'mine');
    const after = setAt(data, ['a', '.priority'], 3);
    expect(
      policy.canWrite(alice, data, [{ path: ['a', '.priority'], value: 3, kind: 'set' }], after),
    ).toEqual({
      allowed: true,
    });
    const nested = new RulesPolicy(new FakeSource({ a: { b: { '.write': true } } }), 'mine');
    expect(
      nested.canWrite(
        alice,
        data,
        [{ path: ['a', 'b', '.priority'], value: 3, kind: 'set' }],
        setAt(data, ['a', 'b', '.priority'], 3),
      ),
    ).toEqual({ allowed: true });
    const denied = policy.canWrite(alice, data, [{ path: ['b', '.priority'], value: 3, kind: 'set' }], data);
    expect(denied.allowed).toBe(false);
    expect(source.denials[0]!.trace.paths).toEqual(['/b']);
  });

  it('decides every location of a multi-path write together', () => {
    const source = new FakeSource({ a: { '.write': true } });
    const policy = new RulesPolicy(source, 'mine');
    const ops = [
      { path: ['a', 'x'], value: 1, kind: 'merge-child' as const },
      { path: ['z'], value: 1, kind: 'merge-child' as const },
    ];
    const decision = policy.canWrite(alice, data, ops, setAt(setAt(data, ['a', 'x'], 1), ['z'], 1));
    expect(decision).toEqual({
      allowed: false,
      reason: 'no .write rule on this location or above it allowed the write',
    });
    expect(source.denials[0]!.trace.paths).toEqual(['/a/x', '/z']);
  });

  it('gives the denial text a generic reason when the trace has none', () => {
    const evaluator = new RulesEvaluator(parseRules('{"rules": {}}'));
    const source: RulesSource = {
      evaluator: () => evaluator,
      recordDenial: () => {},
    };
    vi.spyOn(evaluator, 'read').mockReturnValue({
      operation: 'read',
      paths: ['/'],
      allowed: false,
      admin: false,
      steps: [],
    });
    expect(new RulesPolicy(source, 'ns').canRead(alice, data, [])).toEqual({
      allowed: false,
      reason: 'Permission denied',
    });
  });

  it('asks the rules whether an index is declared', () => {
    const source = new FakeSource({ a: { '.indexOn': 'x' } });
    const policy = new RulesPolicy(source, 'mine');
    expect(policy.hasIndex(['a'], { kind: 'child', path: ['x'] })).toBe(true);
    expect(policy.hasIndex(['a'], { kind: 'child', path: ['y'] })).toBe(false);
    expect(policy.hasIndex(['b'], { kind: 'value' })).toBe(false);
  });

  it('a verdict made without rules does not hold for an admin or once rules arrive', () => {
    const source = new FakeSource();
    const policy = new RulesPolicy(source, 'mine');
    const verdict = policy.readVerdict(alice, data, ['a']);
    expect(verdict.decision).toEqual({ allowed: true });
    expect(verdict.holds(alice, data)).toBe(true);
    expect(verdict.holds({ ...alice, admin: true }, data)).toBe(false);
    source.use({ '.read': true });
    expect(verdict.holds(alice, data)).toBe(false);
  });

  it('a verdict made under rules does not hold for an admin, and records a denial like canRead', () => {
    const source = new FakeSource({ '.read': 'auth != null' });
    const policy = new RulesPolicy(source, 'mine');
    const verdict = policy.readVerdict(alice, data, ['a']);
    expect(verdict.holds(alice, data)).toBe(true);
    expect(verdict.holds({ ...alice, admin: true }, data)).toBe(false);
    const anonymous: RequestContext = { admin: false, auth: null, now: 9 };
    const refused = policy.readVerdict(anonymous, data, ['a']);
    expect(refused.decision.allowed).toBe(false);
    expect(source.denials).toHaveLength(1);
    expect(source.denials[0]).toMatchObject({ ns: 'mine', uid: null, now: 9 });
    expect(refused.holds(anonymous, data)).toBe(true);
    expect(refused.holds(alice, data)).toBe(false);
  });

  it('a verdict made under rules stops holding when the rules are replaced, even by equal ones', () => {
    const source = new FakeSource({ '.read': true });
    const policy = new RulesPolicy(source, 'mine');
    const verdict = policy.readVerdict(alice, data, ['a']);
    expect(verdict.holds(alice, data)).toBe(true);
    source.use({ '.read': true });
    expect(verdict.holds(alice, data)).toBe(false);
  });
});
