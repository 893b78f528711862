// Read verdicts of the rules-backed policy: when a decision provably still holds after a write,
// and every case where it must be made again. Each "holds" is checked against a fresh decision.
import { describe, expect, it, vi } from 'vitest';
import { readVerdict } from '../../src/core/access-check.js';
import type { RequestContext } from '../../src/core/request-context.js';
import { nodeUpdateChild, type DataNode } from '../../src/core/data-node.js';
import { nodeFromJson } from '../../src/core/node-json.js';
import type { Path } from '../../src/core/path.js';
import { RulesRegistry } from '../../src/rules/rules-registry.js';

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
