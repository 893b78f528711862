import type { RuleExpr } from './rule-expression.js';
import { BUDGET_EXCEEDED, EVAL_COST, type EvalBudget } from './eval-budget.js';
import type { RuleReads } from './rule-reads.js';
import { RuleRegex } from './rule-regex.js';
import { EvalFault, RuleRecord, isSnapshot, typeName } from './rule-value.js';
import type { RuleSnapshotLike, RuleValue } from './rule-value.js';

/** The variables an expression runs with. */
export interface RuleScope {
  /** `auth`: a record with uid, provider, token; `null` when unauthenticated. */
  auth: RuleRecord | null;
  /** Current data at the root. */
  root: RuleSnapshotLike;
  /** Current data at the rule's location. */
  data: RuleSnapshotLike;
  /** Data at the rule's location after the write (write and validate rules). */
  newData?: RuleSnapshotLike;
  /** Server time in ms. */
  now: number;
  /** The query being authorised (read rules). */
  query?: RuleRecord;
  /** `$wildcard` bindings of the rule's location. */
  wildcards: Readonly<Record<string, string>>;
  /** Work the request may still spend; absent = unbounded (explanations of tests, tools). */
  budget?: EvalBudget;
  /** Records reads of `now` (the data snapshots record their own reads). */
  reads?: RuleReads | undefined;
}

/** Where evaluation records every sub-expression's value, when an explanation is wanted. */
export type RuleValueRecorder = Map<RuleExpr, RuleValue | EvalFault>;

type Result = RuleValue | EvalFault;

/**
 * Evaluate an expression. Never throws: errors come back as {@link EvalFault}. No coercion happens
 * anywhere: `==` is `===`, `&&`/`||`/`!`/`?:` need booleans, `+` adds two numbers or joins two strings.
 *
 * @param expr - compiled expression
 * @param scope - variables
 * @param record - optional map that receives the value of every evaluated sub-expression
 */
export function evaluateRuleExpr(expr: RuleExpr, scope: RuleScope, record?: RuleValueRecorder): Result {
  const value = evaluate(expr, scope, record);
  record?.set(expr, value);
  return value;
}

// No local closures in here: tsx's keep-names transform makes each one cost a defineProperty.
function evaluate(e: RuleExpr, scope: RuleScope, record?: RuleValueRecorder): Result {
  if (scope.budget && !scope.budget.spend(EVAL_COST.node)) return new EvalFault(BUDGET_EXCEEDED, e);
  switch (e.type) {
    case 'literal':
      return e.value;
    case 'regex':
      return e.regex;
    case 'variable':
      return variable(e, scope);
    case 'array': {
      const out: RuleValue[] = [];
      for (const el of e.elements) {
        const v = evaluateRuleExpr(el, scope, record);
        if (v instanceof EvalFault) return v;
        out.push(v);
      }
      return out;
    }
    case 'member': {
      const object = evaluateRuleExpr(e.object, scope, record);
      if (object instanceof EvalFault) return object;
      let name: string;
      if (typeof e.property === 'string') name = e.property;
      else {
        const key = evaluateRuleExpr(e.property, scope, record);
        if (key instanceof EvalFault) return key;
        // Arrays in token claims (firebase.identities) are indexed with numbers.
        if (typeof key === 'number' && Number.isInteger(key) && key >= 0) name = String(key);
        else if (typeof key === 'string') name = key;
        else return new EvalFault(`a property name must be a string, got ${typeName(key)}`, e);
      }
      return member(object, name, e);
    }
    case 'call': {
      const object = evaluateRuleExpr(e.object, scope, record);
      if (object instanceof EvalFault) return object;
      const args: RuleValue[] = [];
      for (const a of e.args) {
        const v = evaluateRuleExpr(a, scope, record);
        if (v instanceof EvalFault) return v;
        args.push(v);
      }
      return call(object, e.method, args, e, scope.budget);
    }
    case 'unary': {
      const v = evaluateRuleExpr(e.argument, scope, record);
      if (v instanceof EvalFault) return v;
      if (e.operator === '!')
        return typeof v === 'boolean' ? !v : new EvalFault(`'!' needs a boolean, got ${typeName(v)}`, e);
      return typeof v === 'number' ? -v : new EvalFault(`unary '-' needs a number, got ${typeName(v)}`, e);
    }
    case 'logical': {
      const left = evaluateRuleExpr(e.left, scope, record);
      if (left instanceof EvalFault) return left;
      if (typeof left !== 'boolean')
        return new EvalFault(`'${e.operator}' needs booleans, left side is ${typeName(left)}`, e);
      if (e.operator === '&&' ? !left : left) return left;
      const right = evaluateRuleExpr(e.right, scope, record);
      if (right instanceof EvalFault) return right;
      if (typeof right !== 'boolean')
        return new EvalFault(`'${e.operator}' needs booleans, right side is ${typeName(right)}`, e);
      return right;
    }
    case 'conditional': {
      const test = evaluateRuleExpr(e.test, scope, record);
      if (test instanceof EvalFault) return test;
      if (typeof test !== 'boolean')
        return new EvalFault(`the condition of '?:' must be a boolean, got ${typeName(test)}`, e);
      return test
        ? evaluateRuleExpr(e.consequent, scope, record)
        : evaluateRuleExpr(e.alternate, scope, record);
    }
    case 'binary': {
      const left = evaluateRuleExpr(e.left, scope, record);
      if (left instanceof EvalFault) return left;
      const right = evaluateRuleExpr(e.right, scope, record);
      if (right instanceof EvalFault) return right;
      return binary(e, left, right);
    }
  }
}

function variable(e: Extract<RuleExpr, { type: 'variable' }>, scope: RuleScope): Result {
  switch (e.name) {
    case 'auth':
      return scope.auth;
    case 'root':
      return scope.root;
    case 'data':
      return scope.data;
    case 'now':
      scope.reads?.noteNow();
      return scope.now;
    case 'newData':
      return scope.newData ?? new EvalFault('newData is only available in write rules', e);
    case 'query':
      return scope.query ?? new EvalFault('query is only available in read rules', e);
    default: {
      const bound = scope.wildcards[e.name];
      return bound ?? new EvalFault(`variable ${e.name} is not bound here`, e);
    }
  }
}

function member(object: RuleValue, name: string, e: RuleExpr): Result {
  if (object instanceof RuleRecord) return object.get(name);
  if (typeof object === 'string') {
    if (name === 'length') return object.length;
    return new EvalFault(`strings have no property '${name}'`, e);
  }
  if (object === null) return new EvalFault(`cannot read '${name}' of null`, e);
  if (isSnapshot(object)) {
    return new EvalFault(`snapshots have no property '${name}' (use child('${name}') or a method call)`, e);
  }
  return new EvalFault(`cannot read '${name}' of ${typeName(object)}`, e);
}

function binary(e: Extract<RuleExpr, { type: 'binary' }>, left: RuleValue, right: RuleValue): Result {
  const op = e.operator;
  if (op === '==' || op === '===' || op === '!=' || op === '!==') {
    if (isSnapshot(left) || isSnapshot(right)) {
      return new EvalFault(`'${op}' cannot compare a snapshot (use .val() or .exists())`, e);
    }
    const equal = left === right;
    return op === '==' || op === '===' ? equal : !equal;
  }
  if (op === '+') {
    if (typeof left === 'number' && typeof right === 'number') return left + right;
    if (typeof left === 'string' && typeof right === 'string') return left + right;
    return new EvalFault(
      `'+' needs two numbers or two strings, got ${typeName(left)} and ${typeName(right)}`,
      e,
    );
  }
  if (op === '<' || op === '<=' || op === '>' || op === '>=') {
    const comparable =
      (typeof left === 'number' && typeof right === 'number') ||
      (typeof left === 'string' && typeof right === 'string');
    if (!comparable) {
      return new EvalFault(
        `'${op}' needs two numbers or two strings, got ${typeName(left)} and ${typeName(right)}`,
        e,
      );
    }
    const l = left as number | string;
    const r = right as number | string;
    return op === '<' ? l < r : op === '<=' ? l <= r : op === '>' ? l > r : l >= r;
  }
  if (typeof left !== 'number' || typeof right !== 'number') {
    return new EvalFault(`'${op}' needs two numbers, got ${typeName(left)} and ${typeName(right)}`, e);
  }
  if (op === '-') return left - right;
  if (op === '*') return left * right;
  if (op === '/') return left / right;
  return left % right;
}

function call(
  object: RuleValue,
  method: string,
  args: RuleValue[],
  e: RuleExpr,
  budget: EvalBudget | undefined,
): Result {
  if (budget && !budget.spend(callCost(object, method, args))) return new EvalFault(BUDGET_EXCEEDED, e);
  if (isSnapshot(object)) return snapshotCall(object, method, args, e);
  if (typeof object === 'string') return stringCall(object, method, args, e);
  if (object === null) return new EvalFault(`cannot call ${method}() on null`, e);
  return new EvalFault(`${typeName(object)} has no method ${method}()`, e);
}

/** Work a method call is about to do, charged before it runs (a regex scan cannot be interrupted). */
function callCost(object: RuleValue, method: string, args: RuleValue[]): number {
  if (typeof object === 'string')
    return object.length * (method === 'matches' ? EVAL_COST.regexChar : EVAL_COST.stringChar);
  if (method === 'child' || method === 'hasChild') {
    const path = args[0];
    return typeof path === 'string' ? EVAL_COST.childStep + path.length : 0;
  }
  if (method === 'hasChildren' && Array.isArray(args[0])) return EVAL_COST.childStep * args[0].length;
  return 0;
}

function arity(method: string, args: RuleValue[], count: number, e: RuleExpr): EvalFault | undefined {
  return args.length === count
    ? undefined
    : new EvalFault(`${method}() takes ${count} argument${count === 1 ? '' : 's'}, got ${args.length}`, e);
}

function stringArg(method: string, value: RuleValue | undefined, e: RuleExpr): string | EvalFault {
  return typeof value === 'string'
    ? value
    : new EvalFault(`${method}() needs a string argument, got ${typeName(value ?? null)}`, e);
}

function snapshotCall(s: RuleSnapshotLike, method: string, args: RuleValue[], e: RuleExpr): Result {
  try {
    switch (method) {
      case 'val':
      case 'exists':
      case 'parent':
      case 'getPriority':
      case 'isNumber':
      case 'isString':
      case 'isBoolean': {
        const bad = arity(method, args, 0, e);
        if (bad) return bad;
        if (method === 'val') return s.val();
        if (method === 'parent') return s.parent();
        if (method === 'exists') return s.exists();
        if (method === 'getPriority') return s.getPriority();
        if (method === 'isNumber') return s.isNumber();
        if (method === 'isString') return s.isString();
        return s.isBoolean();
      }
      case 'child':
      case 'hasChild': {
        const bad = arity(method, args, 1, e);
        if (bad) return bad;
        const path = stringArg(method, args[0], e);
        if (path instanceof EvalFault) return path;
        return method === 'child' ? s.child(path) : s.hasChild(path);
      }
      case 'hasChildren': {
        if (args.length === 0) return s.hasChildren();
        if (args.length > 1)
          return new EvalFault(`hasChildren() takes at most 1 argument, got ${args.length}`, e);
        const list = args[0];
        if (!Array.isArray(list))
          return new EvalFault(`hasChildren() needs an array of strings, got ${typeName(list ?? null)}`, e);
        if (list.length === 0) return new EvalFault('hasChildren() needs a non-empty array', e);
        if (!list.every((k): k is string => typeof k === 'string')) {
          return new EvalFault('hasChildren() needs an array of strings', e);
        }
        return s.hasChildren(list);
      }
      default:
        return new EvalFault(`snapshots have no method ${method}()`, e);
    }
  } catch (error) {
    return new EvalFault(`${method}(): ${error instanceof Error ? error.message : String(error)}`, e);
  }
}

function stringCall(s: string, method: string, args: RuleValue[], e: RuleExpr): Result {
  switch (method) {
    case 'contains':
    case 'beginsWith':
    case 'endsWith': {
      const bad = arity(method, args, 1, e);
      if (bad) return bad;
      const arg = stringArg(method, args[0], e);
      if (arg instanceof EvalFault) return arg;
      return method === 'contains'
        ? s.includes(arg)
        : method === 'beginsWith'
          ? s.startsWith(arg)
          : s.endsWith(arg);
    }
    case 'replace': {
      const bad = arity(method, args, 2, e);
      if (bad) return bad;
      const from = stringArg(method, args[0], e);
      if (from instanceof EvalFault) return from;
      const to = stringArg(method, args[1], e);
      if (to instanceof EvalFault) return to;
      // Firebase replaces every occurrence; an empty pattern leaves the string alone.
      return from === '' ? s : s.split(from).join(to);
    }
    case 'toLowerCase':
    case 'toUpperCase': {
      const bad = arity(method, args, 0, e);
      if (bad) return bad;
      return method === 'toLowerCase' ? s.toLowerCase() : s.toUpperCase();
    }
    case 'matches': {
      const bad = arity(method, args, 1, e);
      if (bad) return bad;
      const re = args[0];
      if (!(re instanceof RuleRegex))
        return new EvalFault(`matches() needs a regular expression literal, got ${typeName(re ?? null)}`, e);
      return re.test(s);
    }
    default:
      return new EvalFault(`strings have no method ${method}()`, e);
  }
}
