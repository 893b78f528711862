// The admin bypass and the refusal of what a policy denies, decided in one place.
import { describe, expect, it } from 'vitest';
import {
  indexDeclared,
  readDecision,
  readVerdict,
  refuseUnless,
  requireRead,
  requireWrite,
} from '../../src/core/access-check.js';
import { allowAllPolicy, type AccessPolicy, type ReadVerdict } from '../../src/core/access-policy.js';
import { EMPTY_NODE } from '../../src/core/data-node.js';
import { nodeFromJson } from '../../src/core/node-json.js';
import type { QuerySpec } from '../../src/core/query-spec.js';
import type { RequestContext } from '../../src/core/request-context.js';
import { RtdbError } from '../../src/core/rtdb-error.js';

const admin: RequestContext = { admin: true, auth: null, now: 1 };
const user: RequestContext = { admin: false, auth: { uid: 'u', provider: 'custom', token: {} }, now: 1 };
const root = nodeFromJson({ a: 1 });
const query: QuerySpec = { index: { kind: 'key' }, limit: { count: 1, from: 'first' } };

/** A policy that denies everything and records what it was asked. */
function denying(withVerdict = false): AccessPolicy & { calls: unknown[][] } {
  const calls: unknown[][] = [];
  const policy: AccessPolicy & { calls: unknown[][] } = {
    calls,
    canRead: (...args) => {
      calls.push(['canRead', ...args]);
      return { allowed: false, reason: 'read refused' };
    },
    canWrite: (...args) => {
      calls.push(['canWrite', ...args]);
      return { allowed: false, reason: 'write refused' };
    },
    hasIndex: (...args) => {
      calls.push(['hasIndex', ...args]);
      return false;
    },
  };
  if (withVerdict) {
    policy.readVerdict = (...args): ReadVerdict => {
      calls.push(['readVerdict', ...args]);
      return { decision: { allowed: false, reason: 'verdict' }, holds: () => true };
    };
  }
  return policy;
}

function caught(fn: () => void): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('readDecision', () => {
  it('allows an admin without asking the policy', () => {
    const policy = denying();
    expect(readDecision(policy, admin, root, ['a'])).toEqual({ allowed: true });
    expect(policy.calls).toEqual([]);
  });

  it('passes everything else to the policy, query included', () => {
    const policy = denying();
    expect(readDecision(policy, user, root, ['a'], query)).toEqual({
      allowed: false,
      reason: 'read refused',
    });
    expect(policy.calls).toEqual([['canRead', user, root, ['a'], query]]);
  });
});

describe('readVerdict', () => {
  it('gives an admin an allowed verdict that holds while the credential stays admin', () => {
    const policy = denying(true);
    const verdict = readVerdict(policy, admin, root, ['a']);
    expect(verdict.decision).toEqual({ allowed: true });
    expect(verdict.holds(admin, EMPTY_NODE)).toBe(true);
    expect(verdict.holds(user, root)).toBe(false);
    expect(policy.calls).toEqual([]);
  });

  it("uses the policy's own verdict when it has one", () => {
    const policy = denying(true);
    const verdict = readVerdict(policy, user, root, ['a'], query);
    expect(verdict.decision).toEqual({ allowed: false, reason: 'verdict' });
    expect(verdict.holds(user, root)).toBe(true);
    expect(policy.calls).toEqual([['readVerdict', user, root, ['a'], query]]);
  });

  it('wraps a plain decision in a verdict that never holds', () => {
    const policy = denying();
    const verdict = readVerdict(policy, user, root, ['a'], query);
    expect(verdict.decision).toEqual({ allowed: false, reason: 'read refused' });
    expect(verdict.holds(user, root)).toBe(false);
    expect(policy.calls).toEqual([['canRead', user, root, ['a'], query]]);
  });
});

describe('requireRead and requireWrite', () => {
  it('refuse what the policy denies, with permission-denied and the reason as cause', () => {
    const read = caught(() => requireRead(denying(), user, root, ['a']));
    expect(read).toBeInstanceOf(RtdbError);
    expect(read).toMatchObject({ code: 'rtdb/permission-denied', status: 401, message: 'Permission denied' });
    expect((read as Error).cause).toBe('read refused');
    const ops = [{ path: ['a'], value: 2, kind: 'set' as const }];
    const policy = denying();
    const write = caught(() => requireWrite(policy, user, root, ops, EMPTY_NODE));
    expect(write).toMatchObject({ code: 'rtdb/permission-denied' });
    expect((write as Error).cause).toBe('write refused');
    expect(policy.calls).toEqual([['canWrite', user, root, ops, EMPTY_NODE]]);
  });

  it('let admins through without asking, and pass what the policy allows', () => {
    const policy = denying();
    expect(() => requireRead(policy, admin, root, ['a'])).not.toThrow();
    expect(() => requireWrite(policy, admin, root, [], root)).not.toThrow();
    expect(policy.calls).toEqual([]);
    expect(() => requireRead(allowAllPolicy, user, root, ['a'])).not.toThrow();
    expect(() => requireWrite(allowAllPolicy, user, root, [], root)).not.toThrow();
  });

  it('refuseUnless passes an allowed decision and refuses a denied one', () => {
    expect(() => refuseUnless({ allowed: true })).not.toThrow();
    expect(() => refuseUnless({ allowed: false, reason: 'r' })).toThrow(/Permission denied/);
  });
});

describe('indexDeclared', () => {
  it('is always true for admins and asks the policy otherwise', () => {
    const policy = denying();
    expect(indexDeclared(policy, admin, ['a'], { kind: 'value' })).toBe(true);
    expect(policy.calls).toEqual([]);
    expect(indexDeclared(policy, user, ['a'], { kind: 'value' })).toBe(false);
    expect(policy.calls).toEqual([['hasIndex', ['a'], { kind: 'value' }]]);
    expect(indexDeclared(allowAllPolicy, user, ['a'], { kind: 'value' })).toBe(true);
  });
});

describe('allowAllPolicy', () => {
  it('allows every read and write, declares every index, and its verdicts always hold', () => {
    expect(allowAllPolicy.canRead(user, root, ['a'])).toEqual({ allowed: true });
    expect(allowAllPolicy.canWrite(user, root, [], root)).toEqual({ allowed: true });
    expect(allowAllPolicy.hasIndex(['a'], { kind: 'child', path: ['x'] })).toBe(true);
    const verdict = allowAllPolicy.readVerdict!(user, root, ['a']);
    expect(verdict.decision).toEqual({ allowed: true });
    expect(verdict.holds(user, EMPTY_NODE)).toBe(true);
  });
});
