import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { keyProblem } from '../core/path.js';
import { RtdbError } from '../core/rtdb-error.js';
import { compileRuleExpression } from './rule-expression.js';
import type { RuleKind } from './rule-expression.js';
import type { CompiledRule, RuleNode, RuleSet } from './rule-set.js';

/** One problem found in a rules file, with its 1-based position. */
export interface RulesProblem {
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  /** What is wrong. */
  message: string;
}

const RULE_KINDS: Record<string, RuleKind> = { '.read': 'read', '.write': 'write', '.validate': 'validate' };
const WILDCARD_NAME = /^\$[A-Za-z_][A-Za-z0-9_]*$/;
const MAX_REPORTED = 10;

/**
 * Parse and compile a rules file as Firebase accepts it: JSON with comments, a single top-level
 * `rules` object, `.read`/`.write`/`.validate` (boolean or expression string), `.indexOn` (string
 * or array of strings), named children and at most one `$wildcard` per level.
 *
 * @param text - the file's text
 * @param file - the name used in error messages and rule locations
 * @throws RtdbError `rtdb/invalid-rules` naming line, column and problem of each error found
 */
export function parseRules(text: string, file = 'rules.json'): RuleSet {
  try {
    return parseRulesUnguarded(text, file);
  } catch (error) {
    if (error instanceof RangeError)
      throw new RtdbError('rtdb/invalid-rules', `Invalid rules: ${file}: nested too deeply`);
    throw error;
  }
}

function parseRulesUnguarded(text: string, file: string): RuleSet {
  const problems: RulesProblem[] = [];
  const lines = lineStarts(text);
  const report = (offset: number, message: string): void => {
    problems.push({ ...position(lines, offset), message });
  };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { disallowComments: false, allowTrailingComma: false });
  for (const err of errors)
    report(err.offset, `invalid JSON (${describeParseError(printParseErrorCode(err.error))})`);
  let root: RuleNode = { indexOn: [], children: new Map() };
  if (errors.length === 0) {
    if (!tree || tree.type !== 'object')
      report(tree?.offset ?? 0, 'the file must hold a JSON object like {"rules": {…}}');
    else {
      const props = properties(tree, report);
      const rules = props.get('rules');
      for (const [key, prop] of props) {
        if (key !== 'rules') report(prop.offset, `unknown top-level key "${key}" (only "rules" is allowed)`);
      }
      if (!rules) report(tree.offset, 'missing the top-level "rules" object');
      else root = ruleNode(rules, '/rules', [], { text, file, lines, report });
    }
  }
  if (problems.length > 0) {
    const listed = problems.slice(0, MAX_REPORTED).map((p) => `${file}:${p.line}:${p.column}: ${p.message}`);
    if (problems.length > MAX_REPORTED) listed.push(`… and ${problems.length - MAX_REPORTED} more`);
    throw new RtdbError('rtdb/invalid-rules', `Invalid rules: ${listed.join('\n')}`);
  }
  return { file, text, root };
}

interface MutableRuleNode {
  read?: CompiledRule;
  write?: CompiledRule;
  validate?: CompiledRule;
  indexOn: string[];
  children: Map<string, RuleNode>;
  wildcard?: { name: string; node: RuleNode };
}

interface Context {
  text: string;
  file: string;
  lines: number[];
  report: (offset: number, message: string) => void;
}

function ruleNode(value: JsonNode, rulePath: string, wildcards: string[], ctx: Context): RuleNode {
  const node: MutableRuleNode = { indexOn: [], children: new Map() };
  if (value.type !== 'object') {
    ctx.report(value.offset, `${rulePath} must be an object of rules and children, got ${value.type}`);
    return node;
  }
  const props = properties(value, ctx.report);
  for (const [key, child] of props) {
    const childPath = `${rulePath}/${key}`;
    if (key.startsWith('$')) {
      if (!WILDCARD_NAME.test(key)) {
        ctx.report(
          child.parent?.offset ?? child.offset,
          `invalid wildcard name "${key}" (letters, digits and _ after $)`,
        );
        continue;
      }
      if (node.wildcard) {
        ctx.report(
          child.parent?.offset ?? child.offset,
          `two wildcards at one level: ${node.wildcard.name} and ${key}`,
        );
        continue;
      }
      if (wildcards.includes(key)) {
        ctx.report(child.parent?.offset ?? child.offset, `wildcard ${key} is already used by a parent level`);
        continue;
      }
      node.wildcard = { name: key, node: ruleNode(child, childPath, [...wildcards, key], ctx) };
    } else if (key.startsWith('.')) {
      const kind = RULE_KINDS[key];
      if (kind) node[kind] = rule(child, kind, childPath, wildcards, ctx);
      else if (key === '.indexOn') node.indexOn = indexOn(child, ctx);
      else
        ctx.report(
          child.parent?.offset ?? child.offset,
          `unknown rule "${key}" (expected .read, .write, .validate or .indexOn)`,
        );
    } else {
      const problem = keyProblem(key);
      if (problem) {
        ctx.report(child.parent?.offset ?? child.offset, `invalid child name: ${problem}`);
        continue;
      }
      node.children.set(key, ruleNode(child, childPath, wildcards, ctx));
    }
  }
  return node;
}

function rule(
  value: JsonNode,
  kind: RuleKind,
  rulePath: string,
  wildcards: string[],
  ctx: Context,
): CompiledRule | undefined {
  const location = { file: ctx.file, ...position(ctx.lines, value.offset), rulePath };
  if (value.type === 'boolean') return { kind, constant: value.value as boolean, location };
  if (value.type !== 'string') {
    ctx.report(value.offset, `.${kind} must be a boolean or an expression string, got ${value.type}`);
    return undefined;
  }
  const source = value.value as string;
  const compiled = compileRuleExpression(source, kind, wildcards);
  if (!compiled.ok) {
    // Without escapes in the JSON string, expression offsets map straight onto the file.
    const raw = ctx.text.slice(value.offset + 1, value.offset + value.length - 1);
    const offset = raw === source ? value.offset + 1 + compiled.offset : value.offset;
    ctx.report(offset, `.${kind}: ${compiled.message} in "${source}"`);
    return undefined;
  }
  return { kind, expression: compiled.expression, location };
}

function indexOn(value: JsonNode, ctx: Context): string[] {
  if (value.type === 'string') return [value.value as string];
  if (value.type === 'array' && (value.children ?? []).every((c) => c.type === 'string')) {
    return (value.children ?? []).map((c) => c.value as string);
  }
  ctx.report(value.offset, `.indexOn must be a string or an array of strings, got ${value.type}`);
  return [];
}

function properties(object: JsonNode, report: Context['report']): Map<string, JsonNode> {
  const out = new Map<string, JsonNode>();
  for (const prop of object.children ?? []) {
    const [keyNode, valueNode] = prop.children ?? [];
    if (!keyNode || !valueNode) continue;
    const key = keyNode.value as string;
    if (out.has(key)) report(keyNode.offset, `duplicate key "${key}"`);
    out.set(key, valueNode);
  }
  return out;
}

function describeParseError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i += 1) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}
