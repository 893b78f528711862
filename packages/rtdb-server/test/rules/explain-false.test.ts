// What a denial says: the false or failing sub-expression and the values involved.
import { describe, expect, it } from 'vitest';
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
