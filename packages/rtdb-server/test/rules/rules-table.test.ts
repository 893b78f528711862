// The allow/deny table: every variable, method and operator, cascading, validation, wildcards,
// multi-path updates, queries and cross-user attempts, decided by the evaluator.
import { describe, expect, it } from 'vitest';
import type { QuerySpec } from '../../src/core/query-spec.js';
import { decide, type Request } from './rules-harness.js';

const DATA = {
  config: { open: true, max: 10, prefix: 'dev-', name: 'Lab Kit', motto: 'a-b-a', empty: '' },
  users: {
    alice: { name: 'Alice', age: 30, role: 'admin' },
    bob: { name: 'Bob', age: 17 },
  },
  ranked: { '.priority': 5, first: { '.value': 1, '.priority': 'p' } },
};

interface Case {
  name: string;
  rules: unknown;
  request: Request;
  allowed: boolean;
}

/** A root `.read` expression evaluated against DATA. */
function expr(expression: string, allowed: boolean, as: Request['as'] = 'alice', path = '/'): Case {
  return {
    name: `${expression} as ${String(as)}`,
    rules: { '.read': expression },
    request: { op: 'read', path, as, data: DATA },
    allowed,
  };
}

const variables: Case[] = [
  expr('true', true),
  expr('false', false),
  {
    name: 'boolean rule true',
    rules: { '.read': true },
    request: { op: 'read', path: '/', as: null },
    allowed: true,
  },
  {
    name: 'boolean rule false',
    rules: { '.read': false },
    request: { op: 'read', path: '/', as: 'alice' },
    allowed: false,
  },
  expr('auth != null', true),
  expr('auth != null', false, null),
  expr('auth == null', true, null),
  expr("auth.uid == 'alice'", true),
  expr("auth.uid == 'alice'", false, 'bob'),
  expr("auth.uid === 'alice'", false, null),
  expr("auth.provider == 'password'", true),
  expr("auth.provider == 'password'", false, 'bob'),
  expr("auth.provider == 'anonymous'", true, 'bob'),
  expr("auth.token.email == 'alice@example.com'", true),
  expr('auth.token.email_verified == true', true),
  expr('auth.token.email_verified == true', false, 'bob'),
  expr('auth.token.admin === true', true),
  expr('auth.token.admin === true', false, 'bob'),
  expr("auth.token.firebase.sign_in_provider == 'anonymous'", true, 'bob'),
  expr("auth.token.firebase.identities.email[0] == 'alice@example.com'", true),
  expr("auth.token['email'] == 'alice@example.com'", true),
  expr('auth.token.missing == null', true),
  expr('auth.token.missing.deeper == null', false),
  expr('now == 1700000000000', true),
  expr('now > 1600000000000 && now < 1800000000000', true),
  expr('now < 0', false),
  expr('root.exists()', true),
  expr('data.exists()', true),
  expr("data.child('config/open').val() == true", true),
  expr("root.child('config').child('max').val() > 5", true),
  expr("root.child('config').child('max').val() > 50", false),
  {
    name: '$var bound to the key',
    rules: { users: { $uid: { '.read': "$uid == 'bob'" } } },
    request: { op: 'read', path: '/users/bob', as: null, data: DATA },
    allowed: true,
  },
  {
    name: '$var bound to another key',
    rules: { users: { $uid: { '.read': "$uid == 'bob'" } } },
    request: { op: 'read', path: '/users/alice', as: null, data: DATA },
    allowed: false,
  },
  {
    name: 'two nested $vars',
    rules: { users: { $uid: { $field: { '.read': "$uid + '/' + $field == 'bob/age'" } } } },
    request: { op: 'read', path: '/users/bob/age', as: null, data: DATA },
    allowed: true,
  },
  {
    name: '$var usable in child()',
    rules: { users: { $uid: { '.read': "root.child('users').child($uid).child('age').val() >= 18" } } },
    request: { op: 'read', path: '/users/bob', as: null, data: DATA },
    allowed: false,
  },
  {
    name: '$var usable in child() (adult)',
    rules: { users: { $uid: { '.read': "root.child('users').child($uid).child('age').val() >= 18" } } },
    request: { op: 'read', path: '/users/alice', as: null, data: DATA },
    allowed: true,
  },
];

const snapshotMethods: Case[] = [
  expr("root.child('config/name').val() == 'Lab Kit'", true),
  expr("root.child('config/nothing').val() == null", true),
  expr("root.child('config').val() == null", false),
  expr("root.hasChild('config')", true),
  expr("root.hasChild('nope')", false),
  expr("root.hasChild('config/max')", true),
  expr("root.child('config').hasChildren()", true),
  expr("root.child('config/max').hasChildren()", false),
  expr("root.child('config').hasChildren(['open', 'max'])", true),
  expr("root.child('config').hasChildren(['open', 'zzz'])", false),
  expr("root.child('config').hasChildren([])", false),
  expr("root.child('config').hasChildren('open')", false),
  expr("root.child('config/nothing').exists()", false),
  expr("root.child('config/max').isNumber()", true),
  expr("root.child('config/name').isNumber()", false),
  expr("root.child('config/name').isString()", true),
  expr("root.child('config/open').isString()", false),
  expr("root.child('config/open').isBoolean()", true),
  expr("root.child('config/max').isBoolean()", false),
  expr("root.child('ranked').getPriority() == 5", true),
  expr("root.child('ranked/first').getPriority() == 'p'", true),
  expr("root.child('config').getPriority() == null", true),
  expr("root.child('config/max').parent().hasChild('open')", true),
  expr("root.child('users/bob/age').parent().parent().hasChild('alice')", true),
  expr('root.parent().exists()', false),
  expr("root.child('a.b').exists()", false),
  expr("root.child('').exists()", false),
  expr('root.child(5).exists()', false),
  expr("root.val() == 'x'", false),
  expr('root == null', false),
  expr('root.exists', false),
  expr('root.nosuch()', false),
];

const strings: Case[] = [
  expr("root.child('config/name').val().length == 7", true),
  expr("root.child('config/empty').val().length == 0", true),
  expr("root.child('config/name').val().contains('Kit')", true),
  expr("root.child('config/name').val().contains('kit')", false),
  expr("root.child('config/name').val().beginsWith('Lab')", true),
  expr("root.child('config/name').val().beginsWith('Kit')", false),
  expr("root.child('config/name').val().endsWith('Kit')", true),
  expr("root.child('config/name').val().endsWith('Lab')", false),
  expr("root.child('config/motto').val().replace('a', 'o') == 'o-b-o'", true),
  expr("root.child('config/motto').val().replace('-', '') == 'aba'", true),
  expr("root.child('config/name').val().toLowerCase() == 'lab kit'", true),
  expr("root.child('config/name').val().toUpperCase() == 'LAB KIT'", true),
  expr("root.child('config/name').val().toUpperCase() == 'Lab Kit'", false),
  expr("root.child('config/name').val().matches(/^Lab [A-Z][a-z]+$/)", true),
  expr("root.child('config/name').val().matches(/^lab/)", false),
  expr("root.child('config/name').val().matches(/^lab/i)", true),
  expr("root.child('config/name').val().matches('Lab')", false),
  expr("root.child('config/name').val().contains(5)", false),
  expr("root.child('config/max').val().contains('1')", false),
  expr("root.child('config/max').val().length == 2", false),
  expr("auth.uid.beginsWith('al') && auth.uid.length == 5", true),
  expr("'dev-' + auth.uid == 'dev-alice'", true),
  expr("root.child('config/prefix').val() + auth.uid == 'dev-alice'", true),
  expr("'a'.nosuch()", false),
];

const operators: Case[] = [
  expr('1 + 2 == 3', true),
  expr('5 - 2 == 3', true),
  expr('2 * 3 == 6', true),
  expr('7 / 2 == 3.5', true),
  expr('7 % 4 == 3', true),
  expr('-(2) == -2', true),
  expr('1 < 2', true),
  expr('2 < 1', false),
  expr('2 <= 2', true),
  expr('3 > 2', true),
  expr('2 >= 3', false),
  expr("'abc' < 'abd'", true),
  expr('1 != 2', true),
  expr('1 !== 1', false),
  expr('1 === 1', true),
  expr('!false', true),
  expr('!true', false),
  expr('true && false', false),
  expr('false || true', true),
  expr('false || false', false),
  expr('true ? true : false', true),
  expr('false ? true : false', false),
  expr("auth != null ? auth.uid == 'alice' : false", true),
  expr("auth != null ? auth.uid == 'alice' : false", false, null),
  expr('auth == null || auth.uid.length > 0', true, null),
  // No coercion anywhere.
  expr("1 == '1'", false),
  expr('0 == false', false),
  expr("'' == false", false),
  expr('null == false', false),
  expr('null == null', true),
  expr("'1' + 1 == '11'", false),
  expr("1 < '2'", false),
  expr('!null', false),
  expr('!0', false),
  expr('1 && true', false),
  expr('true && 1', false),
  expr("'yes' ? true : true", false),
  expr('-true == -1', false),
  expr("'a' - 'b' == 0", false),
  expr('1', false),
  expr("'true'", false),
  expr('auth', false),
  expr("root.child('config/max').val() * 2 == 20", true),
  expr("root.child('config/max').val() + root.child('config/max').val() == 20", true),
];

const q = (spec: QuerySpec): QuerySpec => spec;
const queryRules = { items: { '.read': '<expr>' } };
function query(expression: string, spec: QuerySpec | undefined, allowed: boolean): Case {
  return {
    name: `query: ${expression} with ${JSON.stringify(spec)}`,
    rules: { items: { '.read': expression } },
    request: { op: 'read', path: '/items', as: 'alice', ...(spec ? { query: spec } : {}), data: DATA },
    allowed,
  };
}
void queryRules;
const queries: Case[] = [
  query("query.orderByChild == 'ts'", q({ index: { kind: 'child', path: ['ts'] } }), true),
  query("query.orderByChild == 'ts'", q({ index: { kind: 'child', path: ['ir'] } }), false),
  query("query.orderByChild == 'a/b'", q({ index: { kind: 'child', path: ['a', 'b'] } }), true),
  query('query.orderByChild == null', undefined, true),
  query('query.orderByKey', q({ index: { kind: 'key' }, limit: { count: 5, from: 'first' } }), true),
  query('query.orderByKey', q({ index: { kind: 'value' } }), false),
  query('query.orderByValue', q({ index: { kind: 'value' } }), true),
  query('query.orderByPriority', q({ index: { kind: 'priority' }, limit: { count: 1, from: 'last' } }), true),
  query('query.orderByPriority', undefined, false),
  query('query.limitToFirst <= 10', q({ index: { kind: 'key' }, limit: { count: 10, from: 'first' } }), true),
  query(
    'query.limitToFirst <= 10',
    q({ index: { kind: 'key' }, limit: { count: 11, from: 'first' } }),
    false,
  ),
  query('query.limitToFirst <= 10', undefined, false),
  query('query.limitToLast == 3', q({ index: { kind: 'key' }, limit: { count: 3, from: 'last' } }), true),
  query('query.limitToLast == null', q({ index: { kind: 'key' }, limit: { count: 3, from: 'first' } }), true),
  query(
    'query.startAt >= 100',
    q({ index: { kind: 'child', path: ['ts'] }, start: { value: 150, inclusive: true } }),
    true,
  ),
  query(
    'query.startAt >= 100',
    q({ index: { kind: 'child', path: ['ts'] }, start: { value: 50, inclusive: true } }),
    false,
  ),
  query(
    'query.endAt <= 100',
    q({ index: { kind: 'child', path: ['ts'] }, end: { value: 100, inclusive: true } }),
    true,
  ),
  query('query.endAt == null', undefined, true),
  query(
    "query.equalTo == 'x'",
    q({
      index: { kind: 'child', path: ['k'] },
      start: { value: 'x', inclusive: true },
      end: { value: 'x', inclusive: true },
    }),
    true,
  ),
  query(
    "query.equalTo == 'x'",
    q({
      index: { kind: 'child', path: ['k'] },
      start: { value: 'x', inclusive: true },
      end: { value: 'y', inclusive: true },
    }),
    false,
  ),
];

const cascade = {
  '.read': false,
  public: { '.read': true, secret: { '.read': false } },
  users: {
    $uid: {
      '.read': 'auth != null && auth.uid === $uid',
      '.write': 'auth != null && auth.uid === $uid',
      name: { '.validate': 'newData.isString() && newData.val().length <= 10' },
      age: { '.validate': 'newData.isNumber() && newData.val() >= 0' },
      $other: { '.validate': "$other == 'role' || $other == 'bio'" },
    },
  },
  open: { '.write': true, locked: { '.write': false, '.validate': 'newData.val() != 13' } },
  once: { $key: { '.write': '!data.exists()' } },
  keep: { $key: { '.write': 'newData.exists()' } },
  stamp: { '.write': true, '.validate': 'newData.val() == now' },
  shaped: {
    '.write': true,
    $item: { '.validate': "newData.hasChildren(['a'])", a: { '.validate': 'newData.isNumber()' } },
  },
  counter: {
    '.write': true,
    '.validate': 'newData.isNumber() && newData.val() == (data.exists() ? data.val() : 0) + 1',
  },
};
function c(name: string, request: Request, allowed: boolean): Case {
  return { name, rules: cascade, request: { data: DATA, ...request }, allowed };
}
const semantics: Case[] = [
  c('public readable by anyone', { op: 'read', path: '/public', as: null }, true),
  c('grant cascades past a deeper false', { op: 'read', path: '/public/secret', as: null }, true),
  c('grant cascades to deep children', { op: 'read', path: '/public/a/b/c', as: null }, true),
  c('rules are not filters: the root stays denied', { op: 'read', path: '/', as: 'alice' }, false),
  c(
    'rules are not filters: /users denied to its members',
    { op: 'read', path: '/users', as: 'alice' },
    false,
  ),
  c('owner reads own subtree', { op: 'read', path: '/users/alice', as: 'alice' }, true),
  c('owner reads own field', { op: 'read', path: '/users/alice/name', as: 'alice' }, true),
  c('A reads B subtree', { op: 'read', path: '/users/bob', as: 'alice' }, false),
  c('A reads B field', { op: 'read', path: '/users/bob/age', as: 'alice' }, false),
  c('anonymous reads a user', { op: 'read', path: '/users/bob', as: null }, false),
  c('unmatched path denied', { op: 'read', path: '/elsewhere', as: 'alice' }, false),
  c('admin bypasses everything (read)', { op: 'read', path: '/', as: 'admin' }, true),
  c(
    'admin bypasses everything (write)',
    { op: 'set', path: '/users/bob/age', value: 'x', as: 'admin' },
    true,
  ),
  c('owner writes a valid field', { op: 'set', path: '/users/alice/name', value: 'Al', as: 'alice' }, true),
  c(
    'validate: too long',
    { op: 'set', path: '/users/alice/name', value: 'Alexandrina!', as: 'alice' },
    false,
  ),
  c('validate: wrong type', { op: 'set', path: '/users/alice/name', value: 5, as: 'alice' }, false),
  c('validate: negative age', { op: 'set', path: '/users/alice/age', value: -1, as: 'alice' }, false),
  c('validate: $other allowed key', { op: 'set', path: '/users/alice/bio', value: 'hi', as: 'alice' }, true),
  c('validate: $other unknown key', { op: 'set', path: '/users/alice/shoe', value: 42, as: 'alice' }, false),
  c('delete skips validate', { op: 'set', path: '/users/alice/name', value: null, as: 'alice' }, true),
  c(
    'set whole subtree valid',
    { op: 'set', path: '/users/alice', value: { name: 'A', age: 3 }, as: 'alice' },
    true,
  ),
  c(
    'set whole subtree, nested invalid',
    { op: 'set', path: '/users/alice', value: { name: 'A', age: 'x' }, as: 'alice' },
    false,
  ),
  c(
    'set whole subtree, unknown key',
    { op: 'set', path: '/users/alice', value: { name: 'A', zzz: 1 }, as: 'alice' },
    false,
  ),
  c('A writes B subtree', { op: 'set', path: '/users/bob', value: { name: 'Hacked' }, as: 'alice' }, false),
  c('A deletes B subtree', { op: 'set', path: '/users/bob', value: null, as: 'alice' }, false),
  c('anonymous writes', { op: 'set', path: '/users/bob/name', value: 'x', as: null }, false),
  c(
    'write at parent of grant denied',
    { op: 'set', path: '/users', value: { alice: { name: 'A' } }, as: 'alice' },
    false,
  ),
  c('write grant cascades past deeper false', { op: 'set', path: '/open/locked', value: 1, as: null }, true),
  c(
    'validate below a cascaded grant still applies',
    { op: 'set', path: '/open/locked', value: 13, as: null },
    false,
  ),
  c(
    'validate applies to descendants of a set',
    { op: 'set', path: '/open', value: { locked: 13 }, as: null },
    false,
  ),
  c(
    'multi-path update, all own',
    { op: 'update', path: '/users/alice', value: { name: 'A', age: 4 }, as: 'alice' },
    true,
  ),
  c(
    'multi-path update across users denied (all-or-nothing)',
    { op: 'update', path: '/users', value: { 'alice/name': 'A', 'bob/name': 'B' }, as: 'alice' },
    false,
  ),
  c(
    'multi-path update checked per location (granted below the update path)',
    { op: 'update', path: '/users', value: { 'alice/name': 'A', 'alice/age': 5 }, as: 'alice' },
    true,
  ),
  c(
    'multi-path update with one invalid value',
    { op: 'update', path: '/users/alice', value: { name: 'A', age: -5 }, as: 'alice' },
    false,
  ),
  c(
    'multi-path update deleting a field',
    { op: 'update', path: '/users/alice', value: { name: null, age: 31 }, as: 'alice' },
    true,
  ),
  c('create-only: new key', { op: 'set', path: '/once/k1', value: 1, as: null }, true),
  c(
    'create-only: existing key',
    { op: 'set', path: '/once/k1', value: 2, as: null, data: { once: { k1: 1 } } },
    false,
  ),
  c(
    'no deletes: delete refused',
    { op: 'set', path: '/keep/k', value: null, as: null, data: { keep: { k: 1 } } },
    false,
  ),
  c(
    'no deletes: overwrite allowed',
    { op: 'set', path: '/keep/k', value: 2, as: null, data: { keep: { k: 1 } } },
    true,
  ),
  c('newData == now accepted', { op: 'set', path: '/stamp', value: 1_700_000_000_000, as: null }, true),
  c('newData == now rejected for another time', { op: 'set', path: '/stamp', value: 5, as: null }, false),
  c(
    'hasChildren validate on wildcard item',
    { op: 'set', path: '/shaped/x', value: { a: 1 }, as: null },
    true,
  ),
  c(
    'hasChildren validate fails without the child',
    { op: 'set', path: '/shaped/x', value: { b: 1 }, as: null },
    false,
  ),
  c(
    'ancestor validate runs for a child write',
    { op: 'set', path: '/shaped/x/b', value: 1, as: null },
    false,
  ),
  c(
    'ancestor validate passes when existing data satisfies it',
    { op: 'set', path: '/shaped/x/b', value: 1, as: null, data: { shaped: { x: { a: 2 } } } },
    true,
  ),
  c(
    'data vs newData: counter +1',
    { op: 'set', path: '/counter', value: 4, as: null, data: { counter: 3 } },
    true,
  ),
  c(
    'data vs newData: counter +2',
    { op: 'set', path: '/counter', value: 5, as: null, data: { counter: 3 } },
    false,
  ),
  c('data vs newData: counter starts at 1', { op: 'set', path: '/counter', value: 1, as: null }, true),
];

const wildcardRules = {
  rooms: {
    special: { '.read': "auth.uid == 'bob'" },
    $room: { '.read': "$room.beginsWith('pub-')", members: { $member: { '.read': 'auth.uid == $member' } } },
  },
};
function w(name: string, path: string, as: Request['as'], allowed: boolean): Case {
  return { name, rules: wildcardRules, request: { op: 'read', path, as }, allowed };
}
const wildcards: Case[] = [
  w('named child wins over wildcard', '/rooms/special', 'bob', true),
  w('named child wins: wildcard not consulted', '/rooms/special', 'alice', false),
  w('wildcard matches other keys', '/rooms/pub-1', null, true),
  w('wildcard condition false', '/rooms/priv-1', null, false),
  w('nested wildcard grants own member', '/rooms/priv-1/members/alice', 'alice', true),
  w('nested wildcard denies other member', '/rooms/priv-1/members/bob', 'alice', false),
  w(
    'named child path does not fall back to wildcard rules below',
    '/rooms/special/members/alice',
    'alice',
    false,
  ),
];

const allCases = [
  ...variables,
  ...snapshotMethods,
  ...strings,
  ...operators,
  ...queries,
  ...semantics,
  ...wildcards,
];

describe('rules allow/deny table', () => {
  it('has at least 150 cases', () => {
    expect(allCases.length).toBeGreaterThanOrEqual(150);
  });
  it.each(allCases.map((x) => [x.name, x] as const))('%s', (_name, x) => {
    const trace = decide(x.rules, x.request);
    expect(trace.allowed, JSON.stringify(trace, null, 1)).toBe(x.allowed);
    if (!x.allowed) expect(trace.denial?.reason).toBeTruthy();
  });
});
