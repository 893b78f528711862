// The evaluator's cascade as Firebase documents it: .read/.write grant from the root down and
// cannot be taken back below, .validate runs on every non-null node of the new data on and below
// each written location, multi-path writes are all-or-nothing, and each step of a decision is
// reported with where its rule was written.
import { describe, expect, it } from 'vitest';
import { nodeUpdateChild, type DataNode } from '../../src/core/data-node.js';
import { nodeFromJson } from '../../src/core/node-json.js';
import { parsePath, type Path } from '../../src/core/path.js';
import type { QuerySpec } from '../../src/core/query-spec.js';
import type { RequestContext } from '../../src/core/request-context.js';
import { parseRules } from '../../src/rules/parse-rules.js';
import { RuleReads } from '../../src/rules/rule-reads.js';
import { RulesEvaluator, type AccessTrace } from '../../src/rules/rules-evaluator.js';

const alice: RequestContext = {
  admin: false,
  auth: { uid: 'alice', provider: 'password', token: { role: 'staff' } },
  now: 1000,
};
const anonymous: RequestContext = { admin: false, auth: null, now: 1000 };

function evaluator(rules: unknown): RulesEvaluator {
  return new RulesEvaluator(parseRules(JSON.stringify({ rules }), 'r.json'));
}

function read(
  rules: unknown,
  path: string,
  data: unknown = null,
  ctx = alice,
  query?: QuerySpec,
): AccessTrace {
  return evaluator(rules).read(
    { ctx, root: nodeFromJson(data), path: parsePath(path), ...(query ? { query } : {}) },
    true,
  );
}

/** A multi-path write: each entry sets one absolute location. */
function write(
  rules: unknown,
  sets: Record<string, unknown>,
  data: unknown = null,
  ctx = alice,
  trace = true,
): AccessTrace {
  const oldRoot = nodeFromJson(data);
  let newRoot: DataNode = oldRoot;
  const locations: Path[] = [];
  for (const [where, value] of Object.entries(sets)) {
    const path = parsePath(where);
    newRoot = nodeUpdateChild(newRoot, path, nodeFromJson(value));
    locations.push(path);
  }
  return evaluator(rules).write({ ctx, oldRoot, newRoot, locations }, trace);
}

function stepsOf(trace: AccessTrace): string[] {
  return trace.steps.map((s) => `${s.kind}@${s.path}=${String(s.result)}`);
}

describe('RulesEvaluator.read', () => {
  it.each([
    ['a grant at the root covers every location', { '.read': true }, '/a/b/c', true],
    ['a grant above the location covers it', { a: { '.read': true } }, '/a/b', true],
    ['a grant at the location itself', { a: { b: { '.read': true } } }, '/a/b', true],
    ['a grant below the location does not cover it', { a: { b: { '.read': true } } }, '/a', false],
    ['a grant beside the location does not cover it', { x: { '.read': true } }, '/a', false],
    ['no rules deny', {}, '/a', false],
    [
      'a false rule above cannot be overridden... but a true one below still grants',
      { '.read': false, a: { '.read': true } },
      '/a',
      true,
    ],
    ['a wildcard covers any key', { $any: { '.read': true } }, '/zzz', true],
    ['a wildcard grant below does not cover the location', { a: { $k: { '.read': true } } }, '/a', false],
    ['a named child wins over the wildcard', { $any: { '.read': true }, a: { '.read': false } }, '/a', false],
  ])('%s', (_name, rules, path, allowed) => {
    expect(read(rules, path).allowed).toBe(allowed);
  });

  it('a true rule above a false one grants, and the false one is never evaluated', () => {
    const trace = read({ '.read': "auth.uid == 'alice'", a: { '.read': false } }, '/a');
    expect(trace.allowed).toBe(true);
    expect(stepsOf(trace)).toEqual(['read@/=true']);
    expect(trace.denial).toBeUndefined();
  });

  it('reports each rule tried from the root down, with its source and where it is written', () => {
    const text =
      '{\n  "rules": {\n    ".read": "auth == null",\n    "a": {\n      ".read": false\n    }\n  }\n}';
    const trace = new RulesEvaluator(parseRules(text, 'x.json')).read(
      { ctx: alice, root: nodeFromJson(null), path: ['a', 'b'] },
      true,
    );
    expect(trace).toMatchObject({ operation: 'read', paths: ['/a/b'], allowed: false, admin: false });
    expect(trace.steps).toHaveLength(2);
    expect(trace.steps[0]).toMatchObject({
      kind: 'read',
      path: '/',
      location: { file: 'x.json', line: 3, column: 14, rulePath: '/rules/.read' },
      source: 'auth == null',
      result: false,
      subExpression: 'auth == null',
    });
    expect(trace.steps[0]!.explanation).toMatch(/is false/);
    expect(trace.steps[1]).toMatchObject({
      kind: 'read',
      path: '/a',
      location: { file: 'x.json', line: 5, rulePath: '/rules/a/.read' },
      source: 'false',
      result: false,
      explanation: 'the rule is false',
    });
    expect(trace.steps[1]!.subExpression).toBeUndefined();
  });

  it('explains a denial by the last failing rule on the way down, with file, line and rule path', () => {
    const text = '{"rules": {\n"a": {\n".read": "auth.uid == \'bob\'"}}}';
    const trace = new RulesEvaluator(parseRules(text, 'db.json')).read(
      { ctx: alice, root: nodeFromJson(null), path: ['a', 'b'] },
      false,
    );
    expect(trace.steps).toEqual([]);
    expect(trace.denial).toEqual({
      operation: 'read',
      path: '/a/b',
      rule: { file: 'db.json', line: 3, column: 10, rulePath: '/rules/a/.read' },
      subExpression: "auth.uid == 'bob'",
      reason: expect.stringMatching(
        /^\.read at db\.json:3 \(\/rules\/a\/\.read\) was false at \/a: `auth\.uid == 'bob'` is false/,
      ) as unknown,
    });
    expect(trace.denial!.reason).toContain('"alice"');
  });

  it('says no rule allowed the read when none on the way was tried', () => {
    const trace = read({ a: { b: { '.read': false } } }, '/a');
    expect(trace.denial).toEqual({
      operation: 'read',
      path: '/a',
      reason:
        'no .read rule on this location or above it allowed the read (rules below are not consulted: rules are not filters)',
    });
    expect(trace.steps).toEqual([]);
  });

  it('a boolean false rule is explained as such', () => {
    const trace = read({ a: { '.read': false } }, '/a', null, alice);
    expect(trace.denial?.reason).toMatch(
      /^\.read at r\.json:1 \(\/rules\/a\/\.read\) was false at \/a: the rule is false$/,
    );
    expect(trace.denial?.subExpression).toBeUndefined();
    expect(trace.denial?.rule?.rulePath).toBe('/rules/a/.read');
  });

  it('binds wildcards to the keys of the path, each level its own', () => {
    const rules = {
      users: { $uid: { items: { $item: { '.read': "$uid == auth.uid && $item.beginsWith('i')" } } } },
    };
    expect(read(rules, '/users/alice/items/i1').allowed).toBe(true);
    expect(read(rules, '/users/bob/items/i1').allowed).toBe(false);
    expect(read(rules, '/users/alice/items/x1').allowed).toBe(false);
  });

  it('gives read rules the data at the location, the root and the query', () => {
    const data = { rooms: { r1: { open: true }, r2: { open: false } }, cfg: { limit: 5 } };
    const rules = {
      rooms: {
        $room: { '.read': "data.child('open').val() == true" },
        '.read': "query.orderByChild == 'open' && query.limitToFirst <= root.child('cfg/limit').val()",
      },
    };
    expect(read(rules, '/rooms/r1', data).allowed).toBe(true);
    expect(read(rules, '/rooms/r2', data).allowed).toBe(false);
    const small: QuerySpec = { index: { kind: 'child', path: ['open'] }, limit: { count: 5, from: 'first' } };
    const big: QuerySpec = { index: { kind: 'child', path: ['open'] }, limit: { count: 6, from: 'first' } };
    expect(read(rules, '/rooms', data, alice, small).allowed).toBe(true);
    expect(read(rules, '/rooms', data, alice, big).allowed).toBe(false);
    expect(read(rules, '/rooms', data).allowed).toBe(false);
  });

  it('records the nodes it read when asked', () => {
    const data = { cfg: { open: true } };
    const reads = new RuleReads();
    const root = nodeFromJson(data);
    const trace = evaluator({ '.read': "root.child('cfg/open').val() == true" }).read(
      { ctx: anonymous, root, path: ['x'] },
      false,
      reads,
    );
    expect(trace.allowed).toBe(true);
    expect(reads.unchangedIn(root)).toBe(true);
    expect(reads.unchangedIn(nodeFromJson(data))).toBe(false);
  });
});

describe('RulesEvaluator.write', () => {
  it.each([
    ['a grant at the root', { '.write': true }, { '/a/b': 1 }, true],
    ['a grant above', { a: { '.write': true } }, { '/a/b': 1 }, true],
    ['a grant at the location', { a: { b: { '.write': true } } }, { '/a/b': 1 }, true],
    [
      'a grant below does not cover the location',
      { a: { b: { '.write': true } } },
      { '/a': { b: 1 } },
      false,
    ],
    ['no rules deny', {}, { '/a': 1 }, false],
    [
      'a wildcard grant below does not cover the location',
      { a: { $k: { '.write': true } } },
      { '/a': { b: 1 } },
      false,
    ],
    ['a wildcard grant', { $k: { '.write': '$k == "mine"' } }, { '/mine': 1 }, true],
    ['a wildcard grant for another key', { $k: { '.write': '$k == "mine"' } }, { '/yours': 1 }, false],
  ])('%s', (_name, rules, sets, allowed) => {
    expect(write(rules, sets).allowed).toBe(allowed);
  });

  it('refuses a multi-path write when any location is refused, naming the first refused one', () => {
    const rules = { a: { '.write': true }, b: { '.write': false } };
    const trace = write(rules, { '/a': 1, '/b': 2, '/c': 3 });
    expect(trace.allowed).toBe(false);
    expect(trace.paths).toEqual(['/a', '/b', '/c']);
    expect(trace.operation).toBe('write');
    expect(trace.denial).toMatchObject({
      operation: 'write',
      path: '/b',
      rule: { rulePath: '/rules/b/.write' },
    });
    expect(stepsOf(trace)).toEqual(['write@/a=true', 'write@/b=false']);
    expect(write(rules, { '/a': 1 }).allowed).toBe(true);
  });

  it('says no rule allowed the write when none on the way was tried', () => {
    const trace = write({ a: { b: { '.write': false } } }, { '/c': 1 });
    expect(trace.denial).toEqual({
      operation: 'write',
      path: '/c',
      reason: 'no .write rule on this location or above it allowed the write',
    });
  });

  it('gives write rules data (before), newData (after) and the server time', () => {
    const rules = {
      counter: { '.write': 'newData.val() == data.val() + 1 && now == 1000' },
    };
    expect(write(rules, { '/counter': 6 }, { counter: 5 }).allowed).toBe(true);
    expect(write(rules, { '/counter': 7 }, { counter: 5 }).allowed).toBe(false);
    expect(write(rules, { '/counter': 6 }, { counter: 5 }, { ...alice, now: 1001 }).allowed).toBe(false);
  });

  it('runs .validate on the new data at the location, above it and below it', () => {
    const rules = {
      '.write': true,
      a: {
        '.validate': 'newData.hasChildren()',
        $k: { '.validate': 'newData.isNumber()', deep: { '.validate': 'newData.val() > 0' } },
      },
    };
    expect(write(rules, { '/a/x': 1 }).allowed).toBe(true);
    expect(write(rules, { '/a/x': 'one' }).allowed).toBe(false);
    expect(write(rules, { '/a': { x: 1, y: 2 } }).allowed).toBe(true);
    expect(write(rules, { '/a': { x: 1, y: 'two' } }).allowed).toBe(false);
    expect(write(rules, { '/a': 5 }).allowed).toBe(false);
    // /a/x is an object here, so its own .validate fails before /a/x/deep is looked at.
    expect(write(rules, { '/a/x/deep': 1 }).allowed).toBe(false);
  });

  it('checks .validate below the location in named and wildcard children of the new data', () => {
    const rules = {
      '.write': true,
      users: {
        $uid: { name: { '.validate': 'newData.isString()' }, age: { '.validate': 'newData.isNumber()' } },
      },
    };
    expect(write(rules, { '/users': { alice: { name: 'A', age: 3 } } }).allowed).toBe(true);
    expect(write(rules, { '/users': { alice: { name: 'A', age: 'old' } } }).allowed).toBe(false);
    expect(write(rules, { '/users': { alice: { name: 5 } } }).allowed).toBe(false);
    // Children the rules do not mention are not validated.
    expect(write(rules, { '/users': { alice: { other: 'x' } } }).allowed).toBe(true);
  });

  it('does not run .validate where the new data is null (a delete always validates)', () => {
    const rules = { '.write': true, a: { '.validate': 'false' }, b: { $k: { '.validate': false } } };
    expect(write(rules, { '/a': null }, { a: 1 }).allowed).toBe(true);
    expect(write(rules, { '/a': 1 }).allowed).toBe(false);
    expect(write(rules, { '/b': null }, { b: { x: 1 } }).allowed).toBe(true);
    expect(write(rules, { '/b/x': 1 }).allowed).toBe(false);
  });

  it('runs .validate above the location on the whole new tree, including data not written', () => {
    const rules = { '.write': true, a: { '.validate': "newData.child('keep').exists()" } };
    expect(write(rules, { '/a/x': 1 }, { a: { keep: true } }).allowed).toBe(true);
    expect(write(rules, { '/a/x': 1 }).allowed).toBe(false);
  });

  it('explains a failed .validate with the rule and the location it ran at', () => {
    const rules = { '.write': true, a: { $k: { '.validate': 'newData.isString()' } } };
    const trace = write(rules, { '/a': { k1: 'ok', k2: 2 } }, null, alice, false);
    expect(trace.allowed).toBe(false);
    expect(trace.denial).toMatchObject({
      operation: 'validate',
      path: '/a/k2',
      rule: { rulePath: '/rules/a/$k/.validate' },
      subExpression: 'newData.isString()',
    });
    expect(trace.denial!.reason).toMatch(
      /^\.validate at r\.json:1 \(\/rules\/a\/\$k\/\.validate\) was false at \/a\/k2: `newData\.isString\(\)` is false/,
    );
  });

  it('validates an ancestor shared by several locations once, and each location on its own', () => {
    const rules = {
      '.write': true,
      a: { '.validate': 'newData.hasChildren()', $k: { '.validate': 'newData.isNumber()' } },
    };
    const trace = write(rules, { '/a/x': 1, '/a/y': 2 });
    expect(trace.allowed).toBe(true);
    expect(stepsOf(trace)).toEqual([
      'write@/=true',
      'write@/=true',
      'validate@/a=true',
      'validate@/a/x=true',
      'validate@/a/y=true',
    ]);
    // A single location validates its ancestor too.
    expect(stepsOf(write(rules, { '/a/x': 1 }))).toEqual([
      'write@/=true',
      'validate@/a=true',
      'validate@/a/x=true',
    ]);
    const refused = write(rules, { '/a/x': 1, '/a/y': 'two' });
    expect(refused.denial).toMatchObject({ operation: 'validate', path: '/a/y' });
  });

  it('validates the same location written twice in one update only once', () => {
    const rules = { '.write': true, a: { '.validate': 'newData.exists()' } };
    const trace = write(rules, { '/a': 1, '/a/': 2 });
    expect(stepsOf(trace).filter((s) => s.startsWith('validate'))).toEqual(['validate@/a=true']);
  });

  it('a location below the rules tree is written with no validation', () => {
    const rules = { '.write': true, a: { '.validate': false } };
    expect(write(rules, { '/b/c/d': 1 }).allowed).toBe(true);
  });

  it('a write granted and validated reports allowed with no denial', () => {
    const trace = write({ '.write': true }, { '/a': 1 });
    expect(trace).toMatchObject({ operation: 'write', paths: ['/a'], allowed: true, admin: false });
    expect(trace.denial).toBeUndefined();
  });
});

describe('RulesEvaluator.hasIndex and nodeAt', () => {
  const rules = {
    scores: { '.indexOn': ['value', 'stats/best'] },
    players: { $id: { games: { '.indexOn': '.value' } } },
  };
  it.each([
    [['scores'], { kind: 'child', path: ['value'] }, true],
    [['scores'], { kind: 'child', path: ['stats', 'best'] }, true],
    [['scores'], { kind: 'child', path: ['other'] }, false],
    [['scores'], { kind: 'value' }, false],
    [['scores'], { kind: 'key' }, true],
    [['scores'], { kind: 'priority' }, true],
    [['players', 'p1', 'games'], { kind: 'value' }, true],
    [['players', 'p1', 'games'], { kind: 'child', path: ['.value'] }, true],
    [['players', 'p1'], { kind: 'value' }, false],
    [['nowhere', 'deep'], { kind: 'value' }, false],
    [['nowhere', 'deep'], { kind: 'key' }, true],
  ] as [Path, QuerySpec['index'], boolean][])(
    'at %j the index %j is declared: %s',
    (path, index, declared) => {
      expect(evaluator(rules).hasIndex(path, index)).toBe(declared);
    },
  );

  it('finds the rule node of a path through wildcards, and none below the rules', () => {
    const e = evaluator(rules);
    expect(e.nodeAt(['players', 'anyone', 'games'])?.indexOn).toEqual(['.value']);
    expect(e.nodeAt([])).toBe(e.rules.root);
    expect(e.nodeAt(['players', 'anyone', 'other'])).toBeUndefined();
    expect(e.nodeAt(['nowhere', 'a', 'b'])).toBeUndefined();
  });
});
