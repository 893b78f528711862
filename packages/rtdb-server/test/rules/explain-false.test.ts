// What a denial says: the false or failing sub-expression and the values involved.
import { describe, expect, it } from 'vitest';
import { explainFalse } from '../../src/rules/explain-false.js';
import { explainRequest, passwordUser } from '../../src/rules/explain-request.js';
import type { RuleValueRecorder } from '../../src/rules/rule-expression-evaluator.js';
import { compileRuleExpression } from '../../src/rules/rule-expression.js';
import type { RuleExpr } from '../../src/rules/rule-expression.js';
import { EvalFault } from '../../src/rules/rule-value.js';
import type { RuleValue } from '../../src/rules/rule-value.js';
import { parseRules } from '../../src/rules/parse-rules.js';
import { decide } from './rules-harness.js';

const DATA = { config: { max: 10, name: 'Kit' }, users: { bob: { age: 17 } } };

function why(expression: string, as: 'alice' | null = 'alice'): { subExpression?: string; reason: string } {
  const trace = decide({ '.read': expression }, { op: 'read', path: '/', as, data: DATA });
  expect(trace.allowed).toBe(false);
  return { subExpression: trace.steps[0]?.subExpression, reason: trace.steps[0]?.explanation ?? '' };
}

describe('denial explanations', () => {
  it.each([
    ["auth.uid == 'bob'", null, 'auth.uid', "error: cannot read 'uid' of null"],
    ["auth != null && auth.uid == 'bob'", 'alice', "auth.uid == 'bob'", 'is false (auth.uid = "alice")'],
    [
      'data == null',
      'alice',
      'data == null',
      "error: '==' cannot compare a snapshot (use .val() or .exists())",
    ],
    [
      "root.child('config/max').val() > 50",
      'alice',
      "root.child('config/max').val() > 50",
      "is false (root.child('config/max').val() = 10)",
    ],
    [
      "root.child('config/name').val() + 1 == 'Kit1'",
      'alice',
      "root.child('config/name').val() + 1",
      "error: '+' needs two numbers or two strings, got string and number",
    ],
    [
      "root.child('config').hasChildren([])",
      'alice',
      "root.child('config').hasChildren([])",
      'error: hasChildren() needs a non-empty array',
    ],
    [
      "root.child('config/name').val().matches('K')",
      'alice',
      "root.child('config/name').val().matches('K')",
      'error: matches() needs a regular expression literal, got string',
    ],
    [
      "root.child('config').exists() ? root.child('config/max').val() == 11 : true",
      'alice',
      "root.child('config/max').val() == 11",
      'is false',
    ],
    [
      "root.child('config').val()",
      'alice',
      "root.child('config').val()",
      'evaluated to object at /config, not a boolean',
    ],
    [
      "root.child('users/bob/age').val() >= 18 || auth.token.admin == 'yes'",
      'alice',
      "root.child('users/bob/age').val() >= 18 || auth.token.admin == 'yes'",
      'every alternative was false',
    ],
    [
      'root.exists',
      'alice',
      'root.exists',
      "error: snapshots have no property 'exists' (use child('exists') or a method call)",
    ],
  ] as const)('%s', (expression, as, subExpression, reason) => {
    const explained = why(expression, as);
    expect(explained.subExpression).toBe(subExpression);
    expect(explained.reason).toContain(reason);
  });
});

describe('which sub-expression is blamed, and the values shown', () => {
  it.each([
    ['false', 'false', 'is false'],
    ["auth.uid == 'bob' && auth != null", "auth.uid == 'bob'", 'is false (auth.uid = "alice")'],
    [
      "auth != null && auth.uid == 'bob' && auth.token.admin == true",
      "auth.uid == 'bob'",
      'is false (auth.uid = "alice")',
    ],
    [
      "auth != null && auth.token.admin == true && auth.uid == 'bob'",
      "auth.uid == 'bob'",
      'is false (auth.uid = "alice")',
    ],
    [
      "auth.uid == 'bob' || auth.uid == 'carol' || auth.uid == 'dave'",
      "auth.uid == 'bob' || auth.uid == 'carol' || auth.uid == 'dave'",
      'every alternative was false: `auth.uid == \'bob\'` is false (auth.uid = "alice"); ' +
        '`auth.uid == \'carol\'` is false (auth.uid = "alice"); `auth.uid == \'dave\'` is false (auth.uid = "alice")',
    ],
    [
      "auth.uid == 'bob' || auth != null && auth.uid == 'carol'",
      "auth.uid == 'bob' || auth != null && auth.uid == 'carol'",
      'every alternative was false: `auth.uid == \'bob\'` is false (auth.uid = "alice"); ' +
        "`auth != null && auth.uid == 'carol'` is false",
    ],
    [
      "root.child('nothing').exists() ? true : auth.uid == 'bob'",
      "auth.uid == 'bob'",
      'is false (auth.uid = "alice")',
    ],
    [
      '!auth.token.email_verified',
      '!auth.token.email_verified',
      'is false (auth.token.email_verified = true)',
    ],
    [
      "root.child('config').hasChild('colour')",
      "root.child('config').hasChild('colour')",
      "is false (root.child('config') = snapshot /config (has children))",
    ],
    [
      "root.child('config/max').isString()",
      "root.child('config/max').isString()",
      "is false (root.child('config/max') = snapshot /config/max (value 10))",
    ],
    [
      "root.child('users').hasChild(auth.uid)",
      "root.child('users').hasChild(auth.uid)",
      'is false (root.child(\'users\') = snapshot /users (has children), auth.uid = "alice")',
    ],
    [
      "data.child('nothing').exists()",
      "data.child('nothing').exists()",
      "is false (data.child('nothing') = snapshot /nothing (value null))",
    ],
    [
      "root.child('config/name').val() == 'Kat'",
      "root.child('config/name').val() == 'Kat'",
      'is false (root.child(\'config/name\').val() = "Kit")',
    ],
    ['auth.uid', 'auth.uid', 'evaluated to "alice", not a boolean'],
    ["root.child('config')", "root.child('config')", 'evaluated to snapshot /config, not a boolean'],
    ["root.child('config/max').val()", "root.child('config/max').val()", 'evaluated to 10, not a boolean'],
  ] as const)('%s', (expression, subExpression, reason) => {
    expect(why(expression)).toEqual({ subExpression, reason });
  });

  it('shows the object and the computed key of a member access', () => {
    const explain = (rule: string): { subExpression?: string; explanation?: string } => {
      const rules = parseRules(JSON.stringify({ rules: { '.read': rule } }), 'm.json');
      const user = passwordUser('alice', { flags: { alice: false } });
      const trace = explainRequest(rules, null, { method: 'GET', path: '/', auth: user });
      expect(trace.allowed).toBe(false);
      return { subExpression: trace.steps[0]?.subExpression, explanation: trace.steps[0]?.explanation };
    };
    expect(explain('auth.token.flags[auth.uid]')).toEqual({
      subExpression: 'auth.token.flags[auth.uid]',
      explanation: 'is false (auth.token.flags = {"alice":false}, auth.uid = "alice")',
    });
    expect(explain('auth.token.flags.alice')).toEqual({
      subExpression: 'auth.token.flags.alice',
      explanation: 'is false (auth.token.flags = {"alice":false})',
    });
  });
});

// Values recorded by hand: what explainFalse says when parts of the expression were never evaluated.
function compiled(source: string): RuleExpr {
  const result = compileRuleExpression(source, 'read', ['$x']);
  if (!result.ok) throw new Error(result.message);
  return result.expression.ast;
}

function nodeOf(root: RuleExpr, source: string, text: string): RuleExpr {
  const stack: RuleExpr[] = [root];
  while (stack.length > 0) {
    const e = stack.pop()!;
    if (source.slice(e.start, e.end) === text) return e;
    if (e.type === 'logical' || e.type === 'binary') stack.push(e.left, e.right);
    else if (e.type === 'conditional') stack.push(e.test, e.consequent, e.alternate);
    else if (e.type === 'unary') stack.push(e.argument);
    else if (e.type === 'call') stack.push(e.object, ...e.args);
    else if (e.type === 'member')
      stack.push(e.object, ...(typeof e.property === 'string' ? [] : [e.property]));
  }
  throw new Error(`no node ${text}`);
}

describe('explainFalse with partly recorded values', () => {
  it('reports a rule with no recorded value as not evaluated', () => {
    const source = 'auth.uid == $x';
    expect(explainFalse(compiled(source), source, new Map())).toEqual({
      subExpression: source,
      message: 'is not evaluated (auth.uid = not evaluated, $x = not evaluated)',
    });
  });

  it('shows each operand that was evaluated and marks the others', () => {
    const source = 'auth.uid == $x';
    const ast = compiled(source);
    const values: RuleValueRecorder = new Map();
    values.set(ast, false);
    values.set(nodeOf(ast, source, '$x'), 'b');
    expect(explainFalse(ast, source, values)).toEqual({
      subExpression: source,
      message: 'is false (auth.uid = not evaluated, $x = "b")',
    });
  });

  it('blames the whole conditional when its test was neither true nor false', () => {
    const source = "$x == 'a' ? auth != null : $x == 'b'";
    const ast = compiled(source);
    const unknown: RuleValueRecorder = new Map([[ast, false]]);
    expect(explainFalse(ast, source, unknown).subExpression).toBe(source);
    const odd: RuleValueRecorder = new Map<RuleExpr, RuleValue | EvalFault>([
      [ast, false],
      [nodeOf(ast, source, "$x == 'a'"), 'yes'],
    ]);
    expect(explainFalse(ast, source, odd)).toEqual({ subExpression: source, message: 'is false' });
    const tookElse: RuleValueRecorder = new Map([
      [ast, false],
      [nodeOf(ast, source, "$x == 'a'"), false],
      [nodeOf(ast, source, "$x == 'b'"), false],
    ]);
    expect(explainFalse(ast, source, tookElse)).toEqual({
      subExpression: "$x == 'b'",
      message: 'is false ($x = not evaluated)',
    });
  });

  it('follows the right operand of && when the left one is not recorded as false', () => {
    const source = "$x == 'a' && auth != null";
    const ast = compiled(source);
    expect(explainFalse(ast, source, new Map([[ast, false]])).subExpression).toBe('auth != null');
    const leftFalse: RuleValueRecorder = new Map([
      [ast, false],
      [nodeOf(ast, source, "$x == 'a'"), false],
    ]);
    expect(explainFalse(ast, source, leftFalse).subExpression).toBe("$x == 'a'");
  });

  it('names the failing operation of an error with the error text', () => {
    const source = 'auth.uid == $x';
    const ast = compiled(source);
    const at = nodeOf(ast, source, 'auth.uid');
    expect(explainFalse(ast, source, new Map([[ast, new EvalFault('broken here', at)]]))).toEqual({
      subExpression: 'auth.uid',
      message: 'error: broken here',
    });
  });
});
