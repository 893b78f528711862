import { parseExpressionAt } from 'acorn';
import type { Expression, Node as AcornNode } from 'acorn';
import { RuleRegex, RuleRegexSyntaxError } from './rule-regex.js';

/** Which rule an expression belongs to; decides which variables it may use. */
export type RuleKind = 'read' | 'write' | 'validate';

/** Operators of the rules language that take two operands (`==` behaves as `===`). */
export type RuleBinaryOperator =
  '==' | '!=' | '===' | '!==' | '<' | '<=' | '>' | '>=' | '+' | '-' | '*' | '/' | '%';

/**
 * A rule expression after parsing: the subset of JavaScript expressions the Firebase rules
 * language accepts. `start`/`end` are offsets into the expression text, for explanations.
 */
export type RuleExpr =
  | { type: 'literal'; value: string | number | boolean | null; start: number; end: number }
  | { type: 'regex'; regex: RuleRegex; start: number; end: number }
  | { type: 'variable'; name: string; start: number; end: number }
  | { type: 'member'; object: RuleExpr; property: string | RuleExpr; start: number; end: number }
  | { type: 'call'; object: RuleExpr; method: string; args: RuleExpr[]; start: number; end: number }
  | { type: 'array'; elements: RuleExpr[]; start: number; end: number }
  | { type: 'unary'; operator: '!' | '-'; argument: RuleExpr; start: number; end: number }
  | {
      type: 'binary';
      operator: RuleBinaryOperator;
      left: RuleExpr;
      right: RuleExpr;
      start: number;
      end: number;
    }
  | { type: 'logical'; operator: '&&' | '||'; left: RuleExpr; right: RuleExpr; start: number; end: number }
  | {
      type: 'conditional';
      test: RuleExpr;
      consequent: RuleExpr;
      alternate: RuleExpr;
      start: number;
      end: number;
    };

/** A successfully compiled expression plus its source, kept for traces. */
export interface CompiledExpression {
  source: string;
  ast: RuleExpr;
}

/** Result of {@link compileRuleExpression}: the AST, or a problem at an offset of the text. */
export type CompileResult =
  { ok: true; expression: CompiledExpression } | { ok: false; message: string; offset: number };

const BINARY = new Set<string>(['==', '!=', '===', '!==', '<', '<=', '>', '>=', '+', '-', '*', '/', '%']);
const ALWAYS_KNOWN = ['auth', 'root', 'data', 'now'];
// Bounds the evaluator's recursion; real rules nest a handful of levels.
const MAX_NESTING = 250;

/** Thrown only inside this module to unwind the conversion; always caught below. */
class Reject {
  constructor(
    readonly message: string,
    readonly offset: number,
  ) {}
}

/**
 * Parse a rule expression with acorn and keep only what the rules language allows:
 * literals, regex literals, the rule variables, member access, method calls, array literals (as
 * arguments), `! -` unary, arithmetic, comparisons, `&& ||` and `?:`. Anything else (assignment,
 * functions, `new`, template literals, `typeof`, bitwise operators, unknown variables …) is
 * rejected here, at load time, like Firebase does.
 *
 * @param source - the expression text as written in the rules file
 * @param kind - the rule it belongs to: `newData` is not available to `.read`, `query` only to `.read`
 * @param wildcards - the `$variables` bound by the rule's location
 */
export function compileRuleExpression(
  source: string,
  kind: RuleKind,
  wildcards: readonly string[],
): CompileResult {
  let node: Expression;
  try {
    node = parseExpressionAt(source, 0, { ecmaVersion: 2020, preserveParens: true });
  } catch (error) {
    const pos = (error as { pos?: number }).pos ?? 0;
    const text = error instanceof Error ? error.message.replace(/ \(\d+:\d+\)$/, '') : String(error);
    return { ok: false, message: `syntax error: ${text}`, offset: pos };
  }
  if (source.slice(node.end).trim() !== '') {
    return { ok: false, message: 'unexpected text after the expression', offset: node.end };
  }
  const known = new Set([...ALWAYS_KNOWN, ...wildcards]);
  if (kind === 'read') known.add('query');
  else known.add('newData');
  try {
    return { ok: true, expression: { source, ast: convert(node, known, kind, false) } };
  } catch (error) {
    if (error instanceof Reject) return { ok: false, message: error.message, offset: error.offset };
    if (error instanceof RangeError)
      return { ok: false, message: 'the expression is nested too deeply', offset: 0 };
    throw error;
  }
}

function convert(
  node: AcornNode,
  known: Set<string>,
  kind: RuleKind,
  asArgument: boolean,
  depth = 0,
): RuleExpr {
  const { start, end } = node;
  if (depth > MAX_NESTING)
    throw new Reject(`the expression is nested more than ${MAX_NESTING} levels deep`, start);
  const sub = (child: AcornNode, argument = false): RuleExpr =>
    convert(child, known, kind, argument, depth + 1);
  const n = node as Expression;
  switch (n.type) {
    case 'Literal': {
      if (n.regex) {
        if (!asArgument)
          throw new Reject('a regular expression may only be the argument of matches()', start);
        try {
          return { type: 'regex', regex: new RuleRegex(n.regex.pattern, n.regex.flags), start, end };
        } catch (error) {
          // The pattern starts one character after the literal's opening slash.
          if (error instanceof RuleRegexSyntaxError) throw new Reject(error.message, start + 1 + error.index);
          throw error;
        }
      }
      if (typeof n.value === 'bigint') throw new Reject('BigInt literals are not allowed', start);
      return { type: 'literal', value: n.value as string | number | boolean | null, start, end };
    }
    case 'Identifier': {
      if (!known.has(n.name)) {
        const why =
          n.name === 'newData'
            ? ' (not available in .read)'
            : n.name === 'query'
              ? ' (only available in .read)'
              : '';
        throw new Reject(`unknown variable '${n.name}'${why}`, start);
      }
      return { type: 'variable', name: n.name, start, end };
    }
    case 'MemberExpression': {
      if (n.optional) throw new Reject('optional chaining (?.) is not allowed', start);
      if (n.object.type === 'Super') throw new Reject('super is not allowed', start);
      const object = sub(n.object);
      if (n.computed) return { type: 'member', object, property: sub(n.property), start, end };
      if (n.property.type !== 'Identifier') throw new Reject('invalid property name', n.property.start);
      return { type: 'member', object, property: n.property.name, start, end };
    }
    case 'CallExpression': {
      if (n.optional) throw new Reject('optional calls (?.()) are not allowed', start);
      const callee = n.callee;
      if (callee.type !== 'MemberExpression' || callee.computed || callee.property.type !== 'Identifier') {
        throw new Reject('only methods can be called (like data.exists() or $id.matches(/re/))', start);
      }
      if (callee.object.type === 'Super') throw new Reject('super is not allowed', start);
      const args = n.arguments.map((arg) => {
        if (arg.type === 'SpreadElement') throw new Reject('spread arguments are not allowed', arg.start);
        return sub(arg, true);
      });
      return { type: 'call', object: sub(callee.object), method: callee.property.name, args, start, end };
    }
    case 'ArrayExpression': {
      if (!asArgument)
        throw new Reject('an array literal may only be a method argument (hasChildren([...]))', start);
      const elements = n.elements.map((el) => {
        if (el === null || el.type === 'SpreadElement')
          throw new Reject('holes and spreads are not allowed in arrays', start);
        return sub(el);
      });
      return { type: 'array', elements, start, end };
    }
    case 'UnaryExpression': {
      if (n.operator !== '!' && n.operator !== '-')
        throw new Reject(`operator '${n.operator}' is not allowed`, start);
      return { type: 'unary', operator: n.operator, argument: sub(n.argument), start, end };
    }
    case 'BinaryExpression': {
      if (!BINARY.has(n.operator)) throw new Reject(`operator '${n.operator}' is not allowed`, start);
      if (n.left.type === 'PrivateIdentifier') throw new Reject('private names are not allowed', start);
      return {
        type: 'binary',
        operator: n.operator as RuleBinaryOperator,
        left: sub(n.left),
        right: sub(n.right),
        start,
        end,
      };
    }
    case 'LogicalExpression': {
      if (n.operator === '??') throw new Reject("operator '??' is not allowed", start);
      return {
        type: 'logical',
        operator: n.operator,
        left: sub(n.left),
        right: sub(n.right),
        start,
        end,
      };
    }
    case 'ParenthesizedExpression': {
      const inner = sub(n.expression, asArgument);
      return { ...inner, start, end };
    }
    case 'ChainExpression':
      throw new Reject('optional chaining (?.) is not allowed', start);
    case 'ConditionalExpression':
      return {
        type: 'conditional',
        test: sub(n.test),
        consequent: sub(n.consequent),
        alternate: sub(n.alternate),
        start,
        end,
      };
    case 'AssignmentExpression':
    case 'UpdateExpression':
      throw new Reject('assignments are not allowed in rules', start);
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      throw new Reject('functions are not allowed in rules', start);
    case 'NewExpression':
      throw new Reject("'new' is not allowed in rules", start);
    case 'TemplateLiteral':
    case 'TaggedTemplateExpression':
      throw new Reject("template literals are not allowed in rules (use '+')", start);
    case 'SequenceExpression':
      throw new Reject('the comma operator is not allowed in rules', start);
    case 'ObjectExpression':
      throw new Reject('object literals are not allowed in rules', start);
    case 'ThisExpression':
      throw new Reject("'this' is not allowed in rules", start);
    default:
      throw new Reject(`${n.type} is not allowed in rules`, start);
  }
}
