// One decision's shared state: the variables each rule sees, the shared work budget, the trace of
// every rule run, and the explanation of the rule that refused.
import { describe, expect, it } from 'vitest';
import { nodeFromJson } from '../../src/core/node-json.js';
import type { Path } from '../../src/core/path.js';
import type { RequestContext } from '../../src/core/request-context.js';
import { BUDGET_EXCEEDED, REQUEST_EVAL_BUDGET } from '../../src/rules/eval-budget.js';
import { compileRuleExpression, type RuleKind } from '../../src/rules/rule-expression.js';
import { RuleReads } from '../../src/rules/rule-reads.js';
import { RuleRun } from '../../src/rules/rule-run.js';
import type { CompiledRule } from '../../src/rules/rule-set.js';
import { RuleRecord } from '../../src/rules/rule-value.js';
import { RulesEvaluator, type AccessTrace } from '../../src/rules/rules-evaluator.js';
import { parseRules } from '../../src/rules/parse-rules.js';
import { nodeUpdateChild } from '../../src/core/data-node.js';

const alice: RequestContext = {
  admin: false,
  auth: { uid: 'alice', provider: 'password', token: { role: 'staff' } },
  now: 77,
};

function compiled(kind: RuleKind, source: string, wildcards: string[] = [], line = 4): CompiledRule {
  const result = compileRuleExpression(source, kind, wildcards);
  if (!result.ok) throw new Error(result.message);
  return {
    kind,
    expression: result.expression,
    location: { file: 'f.json', line, column: 9, rulePath: `/rules/.${kind}` },
  };
}

function constant(kind: RuleKind, value: boolean): CompiledRule {
  return {
    kind,
    constant: value,
    location: { file: 'f.json', line: 2, column: 3, rulePath: `/rules/x/.${kind}` },
  };
}

function emptyTrace(): AccessTrace {
  return { operation: 'read', paths: [], allowed: false, admin: false, steps: [] };
}

const before = nodeFromJson({ a: { n: 1 } });
const after = nodeFromJson({ a: { n: 2 } });

describe('RuleRun.scope', () => {
  it('gives rules auth as a record of uid, provider and token', () => {
    const run = new RuleRun(alice, before, undefined, undefined, false);
    const auth = run.scope([], {}).auth as RuleRecord;
    expect(auth.get('uid')).toBe('alice');
    expect(auth.get('provider')).toBe('password');
    expect((auth.get('token') as RuleRecord).get('role')).toBe('staff');
    expect(
      new RuleRun({ ...alice, auth: null }, before, undefined, undefined, false).scope([], {}).auth,
    ).toBeNull();
  });

  it('gives data at the location, root at the top, and now, wildcards and query as given', () => {
    const query = new RuleRecord({ orderByKey: true });
    const reads = new RuleReads();
    const run = new RuleRun(alice, before, undefined, query, false, reads);
    const scope = run.scope(['a', 'n'], { $k: 'n' });
    expect(scope.data?.val()).toBe(1);
    expect(scope.root?.pathText).toBe('/');
    expect(scope.now).toBe(77);
    expect(scope.query).toBe(query);
    expect(scope.wildcards).toEqual({ $k: 'n' });
    expect(scope.newData).toBeUndefined();
    expect(scope.budget).toBe(run.budget);
    expect(scope.reads).toBe(reads);
    // root is one snapshot shared by every rule of the decision.
    expect(run.scope(['a'], {}).root).toBe(scope.root);
  });

  it('gives write rules newData from the tree after the write', () => {
    const run = new RuleRun(alice, before, after, undefined, false);
    const scope = run.scope(['a', 'n'], {});
    expect(scope.newData?.val()).toBe(2);
    expect(scope.data?.val()).toBe(1);
  });

  it('records what data and root read, but not newData', () => {
    const reads = new RuleReads();
    const run = new RuleRun(alice, before, after, undefined, false, reads);
    run.scope(['a', 'n'], {}).newData?.val();
    expect(reads.unchangedIn(nodeFromJson(null))).toBe(true);
    run.scope(['a', 'n'], {}).data?.val();
    expect(reads.unchangedIn(nodeFromJson(null))).toBe(false);
    const rootReads = new RuleReads();
    new RuleRun(alice, before, after, undefined, false, rootReads).scope(['a'], {}).root?.exists();
    expect(rootReads.unchangedIn(before)).toBe(true);
    expect(rootReads.unchangedIn(after)).toBe(false);
  });

  it('starts with the whole per-request budget', () => {
    expect(new RuleRun(alice, before, undefined, undefined, false).budget.remaining).toBe(
      REQUEST_EVAL_BUDGET,
    );
  });
});

describe('RuleRun.check', () => {
  it.each([
    [constant('read', true), true],
    [constant('read', false), false],
    [compiled('read', "auth.uid == 'alice'"), true],
    [compiled('read', "auth.uid == 'bob'"), false],
    // Only a real `true` grants: a truthy non-boolean does not.
    [compiled('read', 'auth.uid'), false],
    [compiled('read', '1'), false],
  ])('rule %# comes out %s', (rule, expected) => {
    const run = new RuleRun(alice, before, undefined, undefined, false);
    const out = emptyTrace();
    expect(run.check(rule, ['a'], {}, out)).toBe(expected);
    expect(out.steps).toEqual([]);
  });

  it('evaluates the rule at the given location with the given wildcards', () => {
    const run = new RuleRun(alice, before, undefined, undefined, false);
    const rule = compiled('read', "data.val() == 1 && $k == 'n'", ['$k']);
    expect(run.check(rule, ['a', 'n'], { $k: 'n' }, emptyTrace())).toBe(true);
    expect(run.check(rule, ['a'], { $k: 'n' }, emptyTrace())).toBe(false);
    expect(run.check(rule, ['a', 'n'], { $k: 'm' }, emptyTrace())).toBe(false);
  });

  it('traces a true rule with its source and place, and nothing to explain', () => {
    const run = new RuleRun(alice, before, undefined, undefined, true);
    const out = emptyTrace();
    const rule = compiled('read', 'auth != null');
    run.check(rule, ['a', 'n'], {}, out);
    run.check(constant('read', true), [], {}, out);
    expect(out.steps).toEqual([
      { kind: 'read', path: '/a/n', location: rule.location, source: 'auth != null', result: true },
      { kind: 'read', path: '/', location: constant('read', true).location, source: 'true', result: true },
    ]);
  });

  it('traces a false rule with the sub-expression at fault and the values involved', () => {
    const run = new RuleRun(alice, before, undefined, undefined, true);
    const out = emptyTrace();
    run.check(compiled('read', 'auth != null && data.val() == 5'), ['a', 'n'], {}, out);
    run.check(constant('read', false), [], {}, out);
    expect(out.steps[0]).toMatchObject({
      kind: 'read',
      path: '/a/n',
      source: 'auth != null && data.val() == 5',
      result: false,
      subExpression: 'data.val() == 5',
    });
    expect(out.steps[0]!.explanation).toMatch(/is false/);
    expect(out.steps[0]!.explanation).toContain('1');
    expect(out.steps[1]).toEqual({
      kind: 'read',
      path: '/',
      location: constant('read', false).location,
      source: 'false',
      result: false,
      explanation: 'the rule is false',
    });
  });
});

describe('RuleRun.denial', () => {
  it('without a failed rule, gives the reason it was handed', () => {
    const run = new RuleRun(alice, before, undefined, undefined, false);
    expect(run.denial('read', ['a'], 'nothing granted')).toEqual({
      operation: 'read',
      path: '/a',
      reason: 'nothing granted',
    });
  });

  it('explains the last failed rule: kind, file, line, rule path, location, sub-expression and values', () => {
    const run = new RuleRun(alice, before, undefined, undefined, false);
    const first = compiled('read', 'auth == null', [], 3);
    const second = compiled('read', "data.child('n').val() > 4", [], 8);
    run.check(first, [], {}, emptyTrace());
    run.check(second, ['a'], {}, emptyTrace());
    const denial = run.denial('read', ['a', 'n'], 'unused');
    expect(denial).toEqual({
      operation: 'read',
      path: '/a/n',
      reason: expect.stringMatching(
        /^\.read at f\.json:8 \(\/rules\/\.read\) was false at \/a: `data\.child\('n'\)\.val\(\) > 4` is false \(.*1.*\)$/,
      ) as unknown,
      rule: second.location,
      subExpression: "data.child('n').val() > 4",
    });
  });

  it('explains a constant false rule without a sub-expression', () => {
    const run = new RuleRun(alice, before, undefined, undefined, false);
    run.check(constant('write', false), ['a'], {}, emptyTrace());
    const denial = run.denial('write', ['a', 'b'], 'unused');
    expect(denial).toEqual({
      operation: 'write',
      path: '/a/b',
      reason: '.write at f.json:2 (/rules/x/.write) was false at /a: the rule is false',
      rule: constant('write', false).location,
    });
    expect('subExpression' in denial).toBe(false);
  });

  it('forgets the failure when asked to decide another location', () => {
    const run = new RuleRun(alice, before, undefined, undefined, false);
    run.check(constant('write', false), ['a'], {}, emptyTrace());
    run.forgetFailure();
    expect(run.denial('write', ['a'], 'none here')).toEqual({
      operation: 'write',
      path: '/a',
      reason: 'none here',
    });
  });

  it('ignores a failure that is not on the way to the refused location, except for .validate', () => {
    const run = new RuleRun(alice, before, undefined, undefined, false);
    run.check(constant('write', false), ['x', 'y'], {}, emptyTrace());
    expect(run.denial('write', ['x'], 'beside').reason).toBe('beside');
    expect(run.denial('write', ['z'], 'beside').reason).toBe('beside');
    expect(run.denial('write', ['x', 'y', 'z'], 'beside').reason).toMatch(/^\.write at/);
    expect(run.denial('validate', ['z'], '').reason).toMatch(/^\.write at .* was false at \/x\/y/);
  });

  it.each([
    [['q'], ['z']],
    [
      ['x', 'q'],
      ['x', 'z'],
    ],
    [
      ['x', 'q'],
      ['z', 'q'],
    ],
  ] as [Path, Path][])('a failure at %j is not on the way to %j', (failedAt, refused) => {
    const run = new RuleRun(alice, before, undefined, undefined, false);
    run.check(constant('write', false), failedAt, {}, emptyTrace());
    expect(run.denial('write', refused, 'beside').reason).toBe('beside');
  });

  it('a true rule after a false one keeps the false one as the failure', () => {
    const run = new RuleRun(alice, before, undefined, undefined, false);
    run.check(constant('read', false), [], {}, emptyTrace());
    run.check(constant('read', true), ['a'], {}, emptyTrace());
    expect(run.denial('read', ['a'], 'x').rule).toEqual(constant('read', false).location);
  });
});

describe('the shared work budget', () => {
  const evaluator = (rules: unknown): RulesEvaluator =>
    new RulesEvaluator(parseRules(JSON.stringify({ rules })));

  function writeString(rules: unknown, value: Record<string, string>, trace: boolean): AccessTrace {
    const oldRoot = nodeFromJson(null);
    let newRoot = oldRoot;
    const locations: Path[] = [];
    for (const [key, text] of Object.entries(value)) {
      newRoot = nodeUpdateChild(newRoot, [key], nodeFromJson(text));
      locations.push([key]);
    }
    return evaluator(rules).write({ ctx: alice, oldRoot, newRoot, locations }, trace);
  }

  // A regex scan costs 20 units a character: 150 000 characters take 3 000 000 of the 5 000 000.
  const big = 'a'.repeat(150_000);

  it('is shared by every rule of one decision, so two large scans together are refused', () => {
    const rules = { '.write': true, $k: { '.validate': 'newData.val().matches(/^a+$/)' } };
    expect(writeString(rules, { x: big }, false).allowed).toBe(true);
    const refused = writeString(rules, { x: big, y: big }, false);
    expect(refused.allowed).toBe(false);
    expect(refused.denial).toMatchObject({ operation: 'validate', path: '/y' });
    expect(refused.denial!.reason).toBe(
      `.validate at rules.json:1 (/rules/$k/.validate) was false at /y: ${BUDGET_EXCEEDED}`,
    );
    const traced = writeString(rules, { x: big, y: big }, true);
    expect(traced.steps.at(-1)).toMatchObject({ path: '/y', result: false, explanation: BUDGET_EXCEEDED });
    expect(traced.steps.at(-1)!.subExpression).toBeUndefined();
  });

  it('explaining a rule that was simply false gets a budget of its own', () => {
    // The first location spends 3 000 000 units and passes; the second spends 1 500 000 and is
    // false; explaining it again with what is left (about 500 000) would run out.
    const rules = { '.write': true, $k: { '.validate': 'newData.val().matches(/^a+$/)' } };
    const refused = writeString(rules, { x: big, y: `${'a'.repeat(75_000)}b` }, false);
    expect(refused.allowed).toBe(false);
    expect(refused.denial!.subExpression).toBe('newData.val().matches(/^a+$/)');
    expect(refused.denial!.reason).not.toContain(BUDGET_EXCEEDED);
    expect(refused.denial!.reason).toMatch(/is false/);
  });
});
