// The rules expression evaluator: every operator and method, the type rules (no coercion; a type
// mismatch is an error, and an error makes the rule deny), short-circuiting, the variables, the work
// budget and the record of sub-expression values that explanations are built from.
import { describe, expect, it } from 'vitest';
import { nodeFromJson } from '../../src/core/node-json.js';
import { parsePath } from '../../src/core/path.js';
import { BUDGET_EXCEEDED, EvalBudget } from '../../src/rules/eval-budget.js';
import { RuleDataSnapshot } from '../../src/rules/rule-data-snapshot.js';
import {
  evaluateRuleExpr,
  type RuleScope,
  type RuleValueRecorder,
} from '../../src/rules/rule-expression-evaluator.js';
import { compileRuleExpression, type RuleExpr, type RuleKind } from '../../src/rules/rule-expression.js';
import { RuleReads } from '../../src/rules/rule-reads.js';
import { RuleRegex } from '../../src/rules/rule-regex.js';
import {
  EvalFault,
  RuleOpaqueObject,
  RuleRecord,
  type RuleSnapshotLike,
  type RuleValue,
} from '../../src/rules/rule-value.js';

const NOW = 1_700_000_000_000;

const BEFORE = {
  users: {
    alice: { name: 'Alice', age: 30, admin: true, tags: { a: true, b: true } },
    bob: { name: 'Bob', age: 17 },
  },
  ranked: { '.priority': 5, top: { '.value': 'x', '.priority': 'p' } },
};
const AFTER = { users: { alice: { name: 'Alicia', age: 31 } } };

const ALICE = new RuleRecord({
  uid: 'alice',
  provider: 'password',
  token: {
    email: 'alice@example.com',
    admin: true,
    list: ['x', 'y'],
    firebase: { sign_in_provider: 'password' },
  },
});

function snapshot(json: unknown, path: string): RuleDataSnapshot {
  return new RuleDataSnapshot(nodeFromJson(json), parsePath(path));
}

/** A write at /users/alice by alice, at NOW, with $uid bound. */
function writeScope(over: Partial<RuleScope> = {}): RuleScope {
  return {
    auth: ALICE,
    root: snapshot(BEFORE, '/'),
    data: snapshot(BEFORE, '/users/alice'),
    newData: snapshot(AFTER, '/users/alice'),
    now: NOW,
    wildcards: { $uid: 'alice' },
    ...over,
  };
}

function compile(source: string, kind: RuleKind = 'write', wildcards = ['$uid', '$room']): RuleExpr {
  const result = compileRuleExpression(source, kind, wildcards);
  if (!result.ok) throw new Error(`rejected ${source}: ${result.message}`);
  return result.expression.ast;
}

function evaluate(
  source: string,
  scope: RuleScope = writeScope(),
  kind: RuleKind = 'write',
): RuleValue | EvalFault {
  return evaluateRuleExpr(compile(source, kind), scope);
}

/** The value of a rule that must not fail. */
function value(source: string, scope?: RuleScope, kind?: RuleKind): RuleValue {
  const result = evaluate(source, scope, kind);
  if (result instanceof EvalFault) throw new Error(`${source} failed: ${result.message}`);
  return result;
}

/** The error of a rule that must fail, with the text of the sub-expression it points at. */
function fault(source: string, scope?: RuleScope, kind?: RuleKind): { message: string; at: string } {
  const result = evaluate(source, scope, kind);
  if (!(result instanceof EvalFault)) throw new Error(`${source} gave ${String(result)}`);
  return { message: result.message, at: source.slice(result.at.start, result.at.end) };
}

describe('evaluateRuleExpr: literals and variables', () => {
  it.each<[string, RuleValue]>([
    ['true', true],
    ['false', false],
    ['null', null],
    ['12.5', 12.5],
    ["'text'", 'text'],
    ['now', NOW],
    ['$uid', 'alice'],
    ['auth.uid', 'alice'],
    ['auth.provider', 'password'],
    ['auth.token.email', 'alice@example.com'],
    ['auth.token.admin', true],
    ['auth.token.firebase.sign_in_provider', 'password'],
    ["auth.token['email']", 'alice@example.com'],
    ['auth.token.list[0]', 'x'],
    ['auth.token.list[1]', 'y'],
    ['auth.token.list[2]', null],
    ["auth.token.list['1']", 'y'],
    ['auth.token.missing', null],
    ['auth.uid.length', 5],
    ["''.length", 0],
  ])('%s is %j', (source, expected) => {
    expect(value(source)).toEqual(expected);
  });

  it('gives the snapshots of the scope', () => {
    const scope = writeScope();
    expect(value('root', scope)).toBe(scope.root);
    expect(value('data', scope)).toBe(scope.data);
    expect(value('newData', scope)).toBe(scope.newData);
    expect(value('auth', scope)).toBe(ALICE);
  });

  it('gives null for auth when unauthenticated', () => {
    const anonymous = writeScope({ auth: null });
    expect(value('auth', anonymous)).toBeNull();
    expect(value('auth == null', anonymous)).toBe(true);
    expect(value('auth != null', anonymous)).toBe(false);
    expect(value('auth != null', writeScope())).toBe(true);
    expect(fault('auth.uid == $uid', anonymous)).toEqual({
      message: "cannot read 'uid' of null",
      at: 'auth.uid',
    });
  });

  it('fails on newData without a write, query without a read, and unbound wildcards', () => {
    expect(fault('newData.exists()', writeScope({ newData: undefined }))).toEqual({
      message: 'newData is only available in write rules',
      at: 'newData',
    });
    expect(fault('query.limitToFirst <= 10', writeScope(), 'read')).toEqual({
      message: 'query is only available in read rules',
      at: 'query',
    });
    expect(fault("$room == 'lab'")).toEqual({ message: 'variable $room is not bound here', at: '$room' });
  });

  it('reads the fields of the query in read rules', () => {
    const scope = writeScope({ query: new RuleRecord({ orderByChild: 'ts', limitToFirst: 10 }) });
    expect(value("query.orderByChild == 'ts' && query.limitToFirst <= 10", scope, 'read')).toBe(true);
    expect(value('query.endAt', scope, 'read')).toBeNull();
  });

  it('binds every wildcard of the location', () => {
    const scope = writeScope({ wildcards: { $uid: 'bob', $room: 'lab' } });
    expect(value("$uid + '@' + $room", scope)).toBe('bob@lab');
  });

  it('notes that now was read, so the decision cannot be reused', () => {
    const tree = nodeFromJson(BEFORE);
    const withNow = new RuleReads();
    expect(value('now > 0', writeScope({ reads: withNow }))).toBe(true);
    expect(withNow.unchangedIn(tree)).toBe(false);
    const without = new RuleReads();
    expect(value('auth.uid == $uid', writeScope({ reads: without }))).toBe(true);
    expect(without.unchangedIn(tree)).toBe(true);
  });
});

describe('evaluateRuleExpr: property access', () => {
  it.each([
    ['auth.token.list[-1]', 'a property name must be a string, got number', 'auth.token.list[-1]'],
    ['auth.token.list[0.5]', 'a property name must be a string, got number', 'auth.token.list[0.5]'],
    ['auth.token[true]', 'a property name must be a string, got boolean', 'auth.token[true]'],
    ['auth.token[null]', 'a property name must be a string, got null', 'auth.token[null]'],
    ['auth.token[data]', 'a property name must be a string, got snapshot', 'auth.token[data]'],
    ['auth.token[auth.nope.x]', "cannot read 'x' of null", 'auth.nope.x'],
    ['auth.uid.size', "strings have no property 'size'", 'auth.uid.size'],
    ['auth.token.missing.deeper', "cannot read 'deeper' of null", 'auth.token.missing.deeper'],
    ['auth.nope.a.b', "cannot read 'a' of null", 'auth.nope.a'],
    ['data.name', "snapshots have no property 'name' (use child('name') or a method call)", 'data.name'],
    [
      'root.users.alice',
      "snapshots have no property 'users' (use child('users') or a method call)",
      'root.users',
    ],
    ['now.x', "cannot read 'x' of number", 'now.x'],
    ['auth.token.admin.x', "cannot read 'x' of boolean", 'auth.token.admin.x'],
    ['data.val().name', "cannot read 'name' of object", 'data.val().name'],
  ])('%s fails: %s', (source, message, at) => {
    expect(fault(source)).toEqual({ message, at });
  });

  it('looks up a computed string key', () => {
    const scope = writeScope({ wildcards: { $uid: 'email' } });
    expect(value('auth.token[$uid]', scope)).toBe('alice@example.com');
  });
});

describe('evaluateRuleExpr: equality', () => {
  it.each<[string, boolean]>([
    ['1 == 1', true],
    ['1 == 2', false],
    ['1 === 1', true],
    ['1 === 2', false],
    ['1 != 1', false],
    ['1 != 2', true],
    ['1 !== 1', false],
    ['1 !== 2', true],
    ["'a' == 'a'", true],
    ["'a' == 'A'", false],
    ['null == null', true],
    ['true == true', true],
    // No coercion: values of different types are simply different.
    ["1 == '1'", false],
    ["1 != '1'", true],
    ['0 == false', false],
    ["'' == null", false],
    ['null != false', true],
    ['auth.token.missing == null', true],
    ["data.child('name').val() == 'Alice'", true],
    ["newData.child('name').val() == 'Alicia'", true],
    ["data.child('nothing').val() == null", true],
  ])('%s is %s', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it.each([
    ['data == null', '=='],
    ['null === root', '==='],
    ['data != newData', '!='],
    ["'x' !== data.child('name')", '!=='],
  ])('%s fails: a snapshot cannot be compared', (source, op) => {
    expect(fault(source)).toEqual({
      message: `'${op}' cannot compare a snapshot (use .val() or .exists())`,
      at: source,
    });
  });
});

describe('evaluateRuleExpr: arithmetic and concatenation', () => {
  it.each<[string, RuleValue]>([
    ['1 + 2', 3],
    ['0.5 + 0.25', 0.75],
    ["'dev-' + 'a'", 'dev-a'],
    ["'' + ''", ''],
    ["$uid + '/' + auth.token.email", 'alice/alice@example.com'],
    ['7 - 10', -3],
    ['6 * 7', 42],
    ['8 / 2', 4],
    ['7 / 2', 3.5],
    ['7 % 4', 3],
    ['-7 % 4', -3],
    ['10 - 2 - 3', 5],
    ['2 + 3 * 4', 14],
    ['(2 + 3) * 4', 20],
    ["data.child('age').val() + 1", 31],
    ["newData.child('age').val() - data.child('age').val()", 1],
  ])('%s is %j', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it.each([
    ["'a' + 1", "'+' needs two numbers or two strings, got string and number"],
    ["1 + 'a'", "'+' needs two numbers or two strings, got number and string"],
    ['true + true', "'+' needs two numbers or two strings, got boolean and boolean"],
    ["null + 'a'", "'+' needs two numbers or two strings, got null and string"],
    ["auth + 'x'", "'+' needs two numbers or two strings, got object and string"],
    ['data + 1', "'+' needs two numbers or two strings, got snapshot and number"],
    ["'a' - 1", "'-' needs two numbers, got string and number"],
    ["3 - '1'", "'-' needs two numbers, got number and string"],
    ['1 * true', "'*' needs two numbers, got number and boolean"],
    ['null / 2', "'/' needs two numbers, got null and number"],
    ["2 % '1'", "'%' needs two numbers, got number and string"],
    ["'a' * 'b'", "'*' needs two numbers, got string and string"],
  ])('%s fails: %s', (source, message) => {
    expect(fault(source)).toEqual({ message, at: source });
  });
});

describe('evaluateRuleExpr: ordering', () => {
  const ordering: [string, boolean][] = [];
  // left operand, right operand, then the expected results of <, <=, >, >=
  const rows: [string, string, boolean, boolean, boolean, boolean][] = [
    ['1', '2', true, true, false, false],
    ['2', '2', false, true, false, true],
    ['3', '2', false, false, true, true],
    ['-1', '0.5', true, true, false, false],
    ["'a'", "'b'", true, true, false, false],
    ["'b'", "'b'", false, true, false, true],
    ["'c'", "'b'", false, false, true, true],
    // Strings compare by character code: capitals before lower case, digits as text.
    ["'Z'", "'a'", true, true, false, false],
    ["'10'", "'9'", true, true, false, false],
    ["'ab'", "'a'", false, false, true, true],
  ];
  for (const [l, r, lt, le, gt, ge] of rows) {
    ordering.push([`${l} < ${r}`, lt], [`${l} <= ${r}`, le], [`${l} > ${r}`, gt], [`${l} >= ${r}`, ge]);
  }
  it.each(ordering)('%s is %s', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it.each([
    ["1 < '2'", "'<' needs two numbers or two strings, got number and string"],
    ["'2' <= 1", "'<=' needs two numbers or two strings, got string and number"],
    ['true > false', "'>' needs two numbers or two strings, got boolean and boolean"],
    ['null >= 0', "'>=' needs two numbers or two strings, got null and number"],
    ['0 < null', "'<' needs two numbers or two strings, got number and null"],
    ["data.child('age') > 18", "'>' needs two numbers or two strings, got snapshot and number"],
    ['auth >= auth', "'>=' needs two numbers or two strings, got object and object"],
  ])('%s fails: %s', (source, message) => {
    expect(fault(source)).toEqual({ message, at: source });
  });
});

describe('evaluateRuleExpr: unary operators', () => {
  it.each<[string, RuleValue]>([
    ['!true', false],
    ['!false', true],
    ['!!true', true],
    ['!data.exists()', false],
    ["!data.child('nothing').exists()", true],
    ['-5', -5],
    ['-(2 - 5)', 3],
    ['- -4', 4],
    ["-data.child('age').val()", -30],
  ])('%s is %j', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it.each([
    ['!1', "'!' needs a boolean, got number"],
    ['!null', "'!' needs a boolean, got null"],
    ["!'true'", "'!' needs a boolean, got string"],
    ['!data', "'!' needs a boolean, got snapshot"],
    ["-'a'", "unary '-' needs a number, got string"],
    ['-true', "unary '-' needs a number, got boolean"],
    ['-null', "unary '-' needs a number, got null"],
  ])('%s fails: %s', (source, message) => {
    expect(fault(source)).toEqual({ message, at: source });
  });

  it('passes an error of the operand through', () => {
    expect(fault('!auth.nope.x')).toEqual({ message: "cannot read 'x' of null", at: 'auth.nope.x' });
    expect(fault('-auth.nope.x')).toEqual({ message: "cannot read 'x' of null", at: 'auth.nope.x' });
  });
});

describe('evaluateRuleExpr: && and ||', () => {
  it.each<[string, boolean]>([
    ['true && true', true],
    ['true && false', false],
    ['false && true', false],
    ['false && false', false],
    ['true || true', true],
    ['true || false', true],
    ['false || true', true],
    ['false || false', false],
    ['auth != null && auth.uid == $uid', true],
  ])('%s is %s', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it.each<[string, boolean]>([
    // The right side is not evaluated once the left decides, so its errors do not matter.
    ['false && data.nope()', false],
    ['true || data.nope()', true],
    ['false && 1', false],
    ["true || 'yes'", true],
    ['auth.token.missing != null && auth.token.missing.deeper == 1', false],
  ])('%s short-circuits to %s', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it('lets a guard protect the right side when auth is null', () => {
    expect(value('auth != null && auth.uid == $uid', writeScope({ auth: null }))).toBe(false);
    expect(value('auth == null || auth.uid.length > 0', writeScope({ auth: null }))).toBe(true);
  });

  it.each([
    ['1 && true', "'&&' needs booleans, left side is number", '1 && true'],
    ["'x' || true", "'||' needs booleans, left side is string", "'x' || true"],
    ['null || true', "'||' needs booleans, left side is null", 'null || true'],
    ["true && 'x'", "'&&' needs booleans, right side is string", "true && 'x'"],
    ['false || null', "'||' needs booleans, right side is null", 'false || null'],
    ['true && data', "'&&' needs booleans, right side is snapshot", 'true && data'],
    ['data.nope() || true', 'snapshots have no method nope()', 'data.nope()'],
    ['true && data.nope()', 'snapshots have no method nope()', 'data.nope()'],
    ['false || data.nope()', 'snapshots have no method nope()', 'data.nope()'],
  ])('%s fails: %s', (source, message, at) => {
    expect(fault(source)).toEqual({ message, at });
  });
});

describe('evaluateRuleExpr: ?:', () => {
  it.each<[string, RuleValue]>([
    ['true ? 1 : 2', 1],
    ['false ? 1 : 2', 2],
    ["data.exists() ? data.child('age').val() : 0", 30],
    ["data.child('nothing').exists() ? 1 : 'none'", 'none'],
    // Only the chosen branch is evaluated.
    ['true ? 1 : data.nope()', 1],
    ['false ? data.nope() : 2', 2],
  ])('%s is %j', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it.each([
    ["1 ? 'a' : 'b'", "the condition of '?:' must be a boolean, got number", "1 ? 'a' : 'b'"],
    ["null ? 'a' : 'b'", "the condition of '?:' must be a boolean, got null", "null ? 'a' : 'b'"],
    ["data ? 'a' : 'b'", "the condition of '?:' must be a boolean, got snapshot", "data ? 'a' : 'b'"],
    ["data.nope() ? 'a' : 'b'", 'snapshots have no method nope()', 'data.nope()'],
    ['true ? data.nope() : 1', 'snapshots have no method nope()', 'data.nope()'],
    ['false ? 1 : data.nope()', 'snapshots have no method nope()', 'data.nope()'],
  ])('%s fails: %s', (source, message, at) => {
    expect(fault(source)).toEqual({ message, at });
  });
});

describe('evaluateRuleExpr: snapshot methods', () => {
  it.each<[string, RuleValue]>([
    ["data.child('name').val()", 'Alice'],
    ["data.child('age').val()", 30],
    ["data.child('admin').val()", true],
    ["data.child('nothing').val()", null],
    ["newData.child('name').val()", 'Alicia'],
    ["root.child('users/bob/name').val()", 'Bob'],
    ["root.child('users').child('bob').child('age').val()", 17],
    ['data.exists()', true],
    ["data.child('nothing').exists()", false],
    ["newData.child('admin').exists()", false],
    ["data.parent().hasChild('bob')", true],
    ["data.child('tags/a').parent().parent().child('name').val()", 'Alice'],
    ["data.hasChild('name')", true],
    ["data.hasChild('tags/b')", true],
    ["data.hasChild('tags/c')", false],
    ['data.hasChildren()', true],
    ["data.child('name').hasChildren()", false],
    ["data.hasChildren(['name', 'age'])", true],
    ["data.hasChildren(['name', 'nothing'])", false],
    ["root.child('ranked').getPriority()", 5],
    ["root.child('ranked/top').getPriority()", 'p'],
    ['data.getPriority()', null],
    ["data.child('age').isNumber()", true],
    ["data.child('name').isNumber()", false],
    ["data.child('name').isString()", true],
    ["data.child('age').isString()", false],
    ["data.child('admin').isBoolean()", true],
    ["data.child('name').isBoolean()", false],
    ['data.isString()', false],
  ])('%s is %j', (source, expected) => {
    expect(value(source)).toBe(expected);
  });

  it('gives an opaque object for a node with children, equal to nothing', () => {
    expect(value('data.val()')).toEqual(new RuleOpaqueObject('/users/alice'));
    expect(value('data.val() == null')).toBe(false);
    expect(value("data.val() != 'x'")).toBe(true);
  });

  it('returns snapshots of the right locations from child() and parent()', () => {
    const child = value("data.child('tags')") as RuleSnapshotLike;
    expect(child.pathText).toBe('/users/alice/tags');
    expect((value('data.parent()') as RuleSnapshotLike).pathText).toBe('/users');
  });

  it.each([
    ['data.val(1)', 'val() takes 0 arguments, got 1'],
    ['data.exists(true)', 'exists() takes 0 arguments, got 1'],
    ["data.parent('x')", 'parent() takes 0 arguments, got 1'],
    ['data.getPriority(1, 2)', 'getPriority() takes 0 arguments, got 2'],
    ['data.isNumber(1)', 'isNumber() takes 0 arguments, got 1'],
    ['data.isString(1)', 'isString() takes 0 arguments, got 1'],
    ['data.isBoolean(1)', 'isBoolean() takes 0 arguments, got 1'],
    ['data.child()', 'child() takes 1 argument, got 0'],
    ["data.hasChild('a', 'b')", 'hasChild() takes 1 argument, got 2'],
    ['data.child(1)', 'child() needs a string argument, got number'],
    ['data.hasChild(null)', 'hasChild() needs a string argument, got null'],
    ["data.child(['a'])", 'child() needs a string argument, got array'],
    ["data.hasChildren(['a'], ['b'])", 'hasChildren() takes at most 1 argument, got 2'],
    ["data.hasChildren('name')", 'hasChildren() needs an array of strings, got string'],
    ['data.hasChildren(null)', 'hasChildren() needs an array of strings, got null'],
    ['data.hasChildren([])', 'hasChildren() needs a non-empty array'],
    ["data.hasChildren(['name', 1])", 'hasChildren() needs an array of strings'],
    ['data.nope()', 'snapshots have no method nope()'],
    ['data.length()', 'snapshots have no method length()'],
    ["data.contains('a')", 'snapshots have no method contains()'],
    ['root.parent()', 'parent(): the root has no parent'],
    ["data.child('')", 'child(): "" is not a child path'],
    ["data.hasChild('/')", 'hasChild(): "/" is not a child path'],
  ])('%s fails: %s', (source, message) => {
    expect(fault(source)).toEqual({ message, at: source });
  });

  it('refuses child paths with forbidden characters', () => {
    const result = fault("data.child('a.b')");
    expect(result.at).toBe("data.child('a.b')");
    expect(result.message).toMatch(/^child\(\): .*forbidden character/);
  });

  it('passes errors of the target, arguments and array elements through', () => {
    expect(fault('auth.nope.x.exists()')).toEqual({ message: "cannot read 'x' of null", at: 'auth.nope.x' });
    expect(fault('data.child(auth.nope.x)')).toEqual({
      message: "cannot read 'x' of null",
      at: 'auth.nope.x',
    });
    expect(fault("data.hasChildren(['name', auth.nope.x])")).toEqual({
      message: "cannot read 'x' of null",
      at: 'auth.nope.x',
    });
  });

  it('turns anything a snapshot throws into an error of the call', () => {
    const throwing: RuleSnapshotLike = {
      isRuleSnapshot: true,
      pathText: '/odd',
      val: () => null,
      child: () => {
        throw new Error('no such place');
      },
      parent: () => {
        throw 'not an Error object';
      },
      hasChild: () => false,
      hasChildren: () => false,
      exists: () => false,
      getPriority: () => null,
      isNumber: () => false,
      isString: () => false,
      isBoolean: () => false,
    };
    const scope = writeScope({ data: throwing });
    expect(fault("data.child('x')", scope)).toEqual({
      message: 'child(): no such place',
      at: "data.child('x')",
    });
    expect(fault('data.parent()', scope)).toEqual({
      message: 'parent(): not an Error object',
      at: 'data.parent()',
    });
  });
});

describe('evaluateRuleExpr: string methods', () => {
  const scope = writeScope({ wildcards: { $uid: 'abcab', $room: 'MiXed Case' } });
  it.each<[string, RuleValue]>([
    ["$uid.contains('ca')", true],
    ["$uid.contains('x')", false],
    ["$uid.contains('')", true],
    ["$uid.beginsWith('ab')", true],
    ["$uid.beginsWith('ca')", false],
    ["$uid.beginsWith('b')", false],
    ["$uid.endsWith('ab')", true],
    ["$uid.endsWith('ca')", false],
    ["$uid.endsWith('a')", false],
    ["$uid.contains('abcab')", true],
    ["$uid.beginsWith('abcabc')", false],
    ["$uid.replace('ab', 'X')", 'XcX'],
    ["$uid.replace('z', 'X')", 'abcab'],
    ["$uid.replace('', 'X')", 'abcab'],
    ["$uid.replace('b', '')", 'aca'],
    ["'aaa'.replace('aa', 'b')", 'ba'],
    ['$room.toLowerCase()', 'mixed case'],
    ['$room.toUpperCase()', 'MIXED CASE'],
    ['$uid.matches(/^ab/)', true],
    ['$uid.matches(/^b/)', false],
    ['$uid.matches(/ca/)', true],
    ['$uid.matches(/AB$/)', false],
    ['$uid.matches(/AB$/i)', true],
    ['$uid.length', 5],
  ])('%s is %j', (source, expected) => {
    expect(value(source, scope)).toBe(expected);
  });

  it.each([
    ['$uid.contains()', 'contains() takes 1 argument, got 0'],
    ["$uid.beginsWith('a', 'b')", 'beginsWith() takes 1 argument, got 2'],
    ["$uid.endsWith('a', 'b', 'c')", 'endsWith() takes 1 argument, got 3'],
    ['$uid.contains(1)', 'contains() needs a string argument, got number'],
    ['$uid.beginsWith(null)', 'beginsWith() needs a string argument, got null'],
    ['$uid.endsWith(true)', 'endsWith() needs a string argument, got boolean'],
    ["$uid.replace('a')", 'replace() takes 2 arguments, got 1'],
    ["$uid.replace(1, 'a')", 'replace() needs a string argument, got number'],
    ["$uid.replace('a', null)", 'replace() needs a string argument, got null'],
    ['$uid.toLowerCase(1)', 'toLowerCase() takes 0 arguments, got 1'],
    ["$uid.toUpperCase('x')", 'toUpperCase() takes 0 arguments, got 1'],
    ['$uid.matches()', 'matches() takes 1 argument, got 0'],
    ['$uid.matches(/a/, /b/)', 'matches() takes 1 argument, got 2'],
    ["$uid.matches('ab')", 'matches() needs a regular expression literal, got string'],
    ['$uid.matches(null)', 'matches() needs a regular expression literal, got null'],
    ['$uid.trim()', 'strings have no method trim()'],
    ['$uid.exists()', 'strings have no method exists()'],
  ])('%s fails: %s', (source, message) => {
    expect(fault(source, scope)).toEqual({ message, at: source });
  });
});

describe('evaluateRuleExpr: calls on other values', () => {
  it.each([
    ['auth.token.missing.exists()', 'cannot call exists() on null'],
    ['now.toString()', 'number has no method toString()'],
    ['auth.token.admin.valueOf()', 'boolean has no method valueOf()'],
    ['auth.exists()', 'object has no method exists()'],
    ['data.val().exists()', 'object has no method exists()'],
  ])('%s fails: %s', (source, message) => {
    expect(fault(source)).toEqual({ message, at: source });
  });
});

describe('evaluateRuleExpr: work budget', () => {
  it.each([
    // 100 units per evaluated node
    ['true', 100],
    ['1 + 2 == 3', 500],
    ['false && data.nope()', 200],
    ['true ? 1 : data.child("x").val()', 300],
    // a string method also pays a unit per character of its string, matches() 20
    ["$uid.contains('li')", 305],
    ['$uid.toUpperCase()', 205],
    ['$uid.matches(/li/)', 400],
    // child()/hasChild() pay 50 per call plus a unit per character of the path
    ["data.child('name')", 354],
    ["data.hasChild('tags/a')", 356],
    // hasChildren([...]) pays 50 per listed key
    ["data.hasChildren(['name', 'age'])", 600],
    ['data.hasChildren()', 200],
    ['data.exists()', 200],
    // only hasChildren() pays for the keys of an array argument
    ["data.exists(['a', 'b'])", 500],
    ['auth.uid', 200],
  ])('%s costs %i units', (source, cost) => {
    const budget = new EvalBudget(10_000);
    evaluate(source, writeScope({ budget }));
    expect(budget.remaining).toBe(10_000 - cost);
  });

  it('charges nothing for a child() whose argument is not a string, before failing', () => {
    const budget = new EvalBudget(1_000);
    expect(fault('data.child(7)', writeScope({ budget })).message).toBe(
      'child() needs a string argument, got number',
    );
    expect(budget.remaining).toBe(700);
  });

  it('allows an expression that spends exactly the budget', () => {
    expect(value('1 + 2 == 3', writeScope({ budget: new EvalBudget(500) }))).toBe(true);
    expect(value("$uid.contains('li')", writeScope({ budget: new EvalBudget(305) }))).toBe(true);
  });

  it('stops at the node that overspends and denies', () => {
    expect(fault('1 + 2 == 3', writeScope({ budget: new EvalBudget(499) }))).toEqual({
      message: BUDGET_EXCEEDED,
      at: '3',
    });
    expect(fault('1 + 2 == 3', writeScope({ budget: new EvalBudget(250) }))).toEqual({
      message: BUDGET_EXCEEDED,
      at: '1',
    });
  });

  it('charges a method call before running it', () => {
    expect(fault("$uid.contains('li')", writeScope({ budget: new EvalBudget(304) }))).toEqual({
      message: BUDGET_EXCEEDED,
      at: "$uid.contains('li')",
    });
    expect(fault("data.child('name')", writeScope({ budget: new EvalBudget(353) }))).toEqual({
      message: BUDGET_EXCEEDED,
      at: "data.child('name')",
    });
  });

  it('runs unbounded without a budget', () => {
    const long = 'a'.repeat(1_000);
    expect(value('$uid.matches(/^a+$/)', writeScope({ wildcards: { $uid: long } }))).toBe(true);
  });
});

describe('evaluateRuleExpr: the record of sub-expression values', () => {
  /** The recorded values, by the text of their sub-expression. */
  function recorded(source: string, scope: RuleScope = writeScope()): Record<string, unknown> {
    const record: RuleValueRecorder = new Map();
    const result = evaluateRuleExpr(compile(source), scope, record);
    const out: Record<string, unknown> = {};
    for (const [node, v] of record) {
      const text = source.slice(node.start, node.end);
      expect(out).not.toHaveProperty(text);
      out[text] =
        v instanceof EvalFault
          ? `error: ${v.message}`
          : v instanceof RuleRegex
            ? String(v)
            : v !== null && typeof v === 'object' && 'pathText' in v
              ? `at ${v.pathText}`
              : v instanceof RuleRecord
                ? 'record'
                : v;
    }
    expect(record.size).toBe(Object.keys(out).length);
    expect(out[source]).toEqual(result instanceof EvalFault ? `error: ${result.message}` : result);
    return out;
  }

  it('holds every evaluated node of a full evaluation', () => {
    expect(recorded("!(auth.token['admin'] == false) && data.child($uid).exists() == true")).toEqual({
      "!(auth.token['admin'] == false) && data.child($uid).exists() == true": false,
      "!(auth.token['admin'] == false)": true,
      "(auth.token['admin'] == false)": false,
      "auth.token['admin']": true,
      'auth.token': 'record',
      auth: 'record',
      "'admin'": 'admin',
      false: false,
      'data.child($uid).exists() == true': false,
      'data.child($uid).exists()': false,
      'data.child($uid)': 'at /users/alice/alice',
      data: 'at /users/alice',
      $uid: 'alice',
      true: true,
    });
  });

  it('holds method arguments, array elements and regexes', () => {
    const scope = writeScope({ wildcards: { $uid: 'alice', $room: 'name' } });
    expect(recorded("data.hasChildren(['nothing', $room]) || $uid.matches(/^a/)", scope)).toEqual({
      "data.hasChildren(['nothing', $room]) || $uid.matches(/^a/)": true,
      "data.hasChildren(['nothing', $room])": false,
      data: 'at /users/alice',
      "['nothing', $room]": ['nothing', 'name'],
      "'nothing'": 'nothing',
      $room: 'name',
      $uid: 'alice',
      '$uid.matches(/^a/)': true,
      '/^a/': '/^a/',
    });
  });

  it('leaves out what short-circuiting and ?: skip', () => {
    expect(recorded('false && now > 0')).toEqual({ 'false && now > 0': false, false: false });
    expect(recorded("now > 0 ? 'yes' : $uid")).toEqual({
      "now > 0 ? 'yes' : $uid": 'yes',
      'now > 0': true,
      now: NOW,
      0: 0,
      "'yes'": 'yes',
    });
    expect(recorded("$uid == 'x' ? 'yes' : -now")).toEqual({
      "$uid == 'x' ? 'yes' : -now": -NOW,
      "$uid == 'x'": false,
      $uid: 'alice',
      "'x'": 'x',
      now: NOW,
      '-now': -NOW,
    });
  });

  it('records the error where it happened and where it travelled', () => {
    expect(recorded("auth.nope.x == 'a' || true")).toEqual({
      "auth.nope.x == 'a' || true": "error: cannot read 'x' of null",
      "auth.nope.x == 'a'": "error: cannot read 'x' of null",
      'auth.nope.x': "error: cannot read 'x' of null",
      'auth.nope': null,
      auth: 'record',
    });
  });

  it('records the computed key of a member access', () => {
    expect(recorded('auth.token.list[2 - 1]')).toEqual({
      'auth.token.list[2 - 1]': 'y',
      'auth.token.list': 'record',
      'auth.token': 'record',
      auth: 'record',
      '2 - 1': 1,
      2: 2,
      1: 1,
    });
  });
});
