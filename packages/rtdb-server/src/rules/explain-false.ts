import type { RuleExpr } from './rule-expression.js';
import type { RuleValueRecorder } from './rule-expression-evaluator.js';
import { EvalFault, RuleOpaqueObject, describeValue, isSnapshot } from './rule-value.js';
import type { RuleValue } from './rule-value.js';

/** The part of an expression that made a rule fail, in words. */
export interface FalseExplanation {
  /** Source text of the sub-expression responsible (`auth.uid === $uid`). */
  subExpression: string;
  /** Why, with the values involved (`"alice" === "bob" is false`). */
  message: string;
}

/**
 * Find the sub-expression responsible for a rule that did not come out `true`: the first
 * false operand of an `&&` chain, the whole `||` when every alternative failed, the branch taken
 * by `?:`, or the operation that raised an error; then describe it with its operands' values.
 *
 * @param expr - the rule's root expression
 * @param source - the rule's text (sub-expressions are sliced from it)
 * @param values - the values recorded while evaluating it
 */
export function explainFalse(expr: RuleExpr, source: string, values: RuleValueRecorder): FalseExplanation {
  const result = values.get(expr);
  if (result instanceof EvalFault) {
    return { subExpression: text(result.at, source), message: `error: ${result.message}` };
  }
  if (result !== undefined && typeof result !== 'boolean') {
    return {
      subExpression: text(expr, source),
      message: `evaluated to ${describeValue(result)}, not a boolean`,
    };
  }
  const culprit = find(expr, values);
  return { subExpression: text(culprit, source), message: describe(culprit, source, values) };
}

function find(e: RuleExpr, values: RuleValueRecorder): RuleExpr {
  if (e.type === 'logical' && e.operator === '&&') {
    return values.get(e.left) === false ? find(e.left, values) : find(e.right, values);
  }
  if (e.type === 'conditional') {
    const test = values.get(e.test);
    return test === true ? find(e.consequent, values) : test === false ? find(e.alternate, values) : e;
  }
  return e;
}

function describe(e: RuleExpr, source: string, values: RuleValueRecorder): string {
  const own = values.get(e);
  const shown = own === undefined ? 'not evaluated' : describeValue(own);
  const operands = operandsOf(e)
    .filter((x) => x.type !== 'literal')
    .map((x) => `${text(x, source)} = ${detail(values.get(x))}`);
  if (e.type === 'logical' && e.operator === '||') {
    const alternatives = flattenOr(e).map((x) => `\`${text(x, source)}\` ${describe(x, source, values)}`);
    return `every alternative was false: ${alternatives.join('; ')}`;
  }
  return operands.length > 0 ? `is ${shown} (${operands.join(', ')})` : `is ${shown}`;
}

function operandsOf(e: RuleExpr): RuleExpr[] {
  switch (e.type) {
    case 'binary':
      return [e.left, e.right];
    case 'unary':
      return [e.argument];
    case 'call':
      return [e.object, ...e.args];
    case 'member':
      return typeof e.property === 'string' ? [e.object] : [e.object, e.property];
    default:
      return [];
  }
}

function flattenOr(e: RuleExpr): RuleExpr[] {
  return e.type === 'logical' && e.operator === '||' ? [...flattenOr(e.left), ...flattenOr(e.right)] : [e];
}

function detail(value: RuleValue | EvalFault | undefined): string {
  if (value === undefined) return 'not evaluated';
  if (isSnapshot(value)) {
    const v = value.val();
    return `snapshot ${value.pathText} (${v instanceof RuleOpaqueObject ? 'has children' : `value ${describeValue(v)}`})`;
  }
  return describeValue(value);
}

function text(e: RuleExpr, source: string): string {
  return source.slice(e.start, e.end);
}
