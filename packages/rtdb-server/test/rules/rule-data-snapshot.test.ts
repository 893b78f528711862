import { describe, expect, it, vi } from 'vitest';
import { nodeChild } from '../../src/core/data-node.js';
import { nodeFromJson } from '../../src/core/node-json.js';
import { RuleDataSnapshot } from '../../src/rules/rule-data-snapshot.js';
import { RuleReads } from '../../src/rules/rule-reads.js';
import { RuleOpaqueObject } from '../../src/rules/rule-value.js';

const root = nodeFromJson({
  users: {
    alice: { name: 'Alice', age: 30, admin: true, '.priority': 2 },
    bob: { '.value': 'gone', '.priority': 'b' },
  },
  empty: '',
  zero: 0,
  no: false,
});

function at(...path: string[]): RuleDataSnapshot {
  return new RuleDataSnapshot(root, path);
}

describe('RuleDataSnapshot', () => {
  it.each([
    [['users', 'alice', 'name'], 'Alice'],
    [['users', 'alice', 'age'], 30],
    [['users', 'alice', 'admin'], true],
    [['empty'], ''],
    [['zero'], 0],
    [['no'], false],
    [['missing'], null],
    [['users', 'alice', 'name', 'deeper'], null],
  ])('val() at %j is %j', (path, value) => {
    expect(at(...path).val()).toBe(value);
  });

  it('val() of a node with children is an opaque object naming its path', () => {
    const value = at('users', 'alice').val();
    expect(value).toBeInstanceOf(RuleOpaqueObject);
    expect((value as RuleOpaqueObject).pathText).toBe('/users/alice');
    expect((at().val() as RuleOpaqueObject).pathText).toBe('/');
  });

  it('tells presence and type', () => {
    expect([at('users').exists(), at('zero').exists(), at('missing').exists()]).toEqual([true, true, false]);
    expect([at('zero').isNumber(), at('empty').isNumber(), at('users').isNumber()]).toEqual([
      true,
      false,
      false,
    ]);
    expect([at('empty').isString(), at('zero').isString(), at('missing').isString()]).toEqual([
      true,
      false,
      false,
    ]);
    expect([at('no').isBoolean(), at('zero').isBoolean(), at('empty').isBoolean()]).toEqual([
      true,
      false,
      false,
    ]);
  });

  it('gives priorities, null when there is none', () => {
    expect(at('users', 'alice').getPriority()).toBe(2);
    expect(at('users', 'bob').getPriority()).toBe('b');
    expect(at('users').getPriority()).toBeNull();
    expect(at('missing').getPriority()).toBeNull();
  });

  it('navigates to children by relative paths with slashes, and to parents', () => {
    const users = at('users');
    expect(users.child('alice/name').val()).toBe('Alice');
    expect(users.child('alice').child('age').path).toEqual(['users', 'alice', 'age']);
    expect(users.child('alice/name').pathText).toBe('/users/alice/name');
    expect(users.child('nobody/x').exists()).toBe(false);
    expect(at('users', 'alice', 'name').parent().path).toEqual(['users', 'alice']);
    expect(users.parent().path).toEqual([]);
    expect(users.child('alice').root).toBe(root);
  });

  it('refuses an empty child path and the parent of the root', () => {
    expect(() => at('users').child('')).toThrow(/"" is not a child path/);
    expect(() => at('users').hasChild('/')).toThrow(/is not a child path/);
    expect(() => at().parent()).toThrow(/the root has no parent/);
  });

  it('hasChild and hasChildren look below the location', () => {
    const alice = at('users', 'alice');
    expect(alice.hasChild('name')).toBe(true);
    expect(at('users').hasChild('alice/age')).toBe(true);
    expect(alice.hasChild('email')).toBe(false);
    expect(alice.hasChildren()).toBe(true);
    expect(at('zero').hasChildren()).toBe(false);
    expect(at('missing').hasChildren()).toBe(false);
    expect(alice.hasChildren(['name', 'age'])).toBe(true);
    expect(alice.hasChildren(['name', 'email'])).toBe(false);
    expect(alice.hasChildren([])).toBe(true);
  });

  it('records the node it looked at, once, with its location', () => {
    const reads = new RuleReads();
    const snap = new RuleDataSnapshot(root, ['users', 'alice'], reads);
    expect(reads.unchangedIn(nodeFromJson(null))).toBe(true);
    const noted = vi.spyOn(reads, 'noteNode');
    snap.val();
    snap.exists();
    expect(noted).toHaveBeenCalledTimes(1);
    expect(noted).toHaveBeenCalledWith(['users', 'alice'], nodeChild(root, ['users', 'alice']));
    expect(snap.node).toBe(nodeChild(root, ['users', 'alice']));
    expect(reads.unchangedIn(root)).toBe(true);
    expect(reads.unchangedIn(nodeFromJson(null))).toBe(false);
    // Children carry the recorder along.
    const readsOfChild = new RuleReads();
    new RuleDataSnapshot(root, ['users'], readsOfChild).child('bob').val();
    expect(readsOfChild.unchangedIn(nodeFromJson({ users: { bob: 'gone' } }))).toBe(false);
    const readsOfParent = new RuleReads();
    new RuleDataSnapshot(root, ['users', 'bob'], readsOfParent).parent().exists();
    expect(readsOfParent.unchangedIn(nodeFromJson(null))).toBe(false);
  });

  it('is marked as a snapshot', () => {
    expect(at().isRuleSnapshot).toBe(true);
  });
});
