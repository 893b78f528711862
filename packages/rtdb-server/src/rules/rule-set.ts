import type { CompiledExpression, RuleKind } from './rule-expression.js';

/** Where a rule was written: file, 1-based line and column, and its place in the rules tree. */
export interface RuleLocation {
  /** File name (or `rules.json` for rules PUT over REST). */
  file: string;
  /** 1-based line of the rule's value. */
  line: number;
  /** 1-based column of the rule's value. */
  column: number;
  /** The rule's key path, such as `/rules/devices/$uid/.write`. */
  rulePath: string;
}

/** One `.read`, `.write` or `.validate` rule, compiled. */
export interface CompiledRule {
  /** Which rule this is. */
  kind: RuleKind;
  /** `true`/`false` for boolean rules; otherwise the expression. */
  constant?: boolean;
  /** The compiled expression of a string rule. */
  expression?: CompiledExpression;
  /** Where it was written. */
  location: RuleLocation;
}

/** The rules that apply at one level of the tree, and the levels below it. */
export interface RuleNode {
  /** `.read` at this level. */
  read?: CompiledRule;
  /** `.write` at this level. */
  write?: CompiledRule;
  /** `.validate` at this level. */
  validate?: CompiledRule;
  /** `.indexOn` at this level (child paths or `.value`). */
  indexOn: readonly string[];
  /** Named children. */
  children: ReadonlyMap<string, RuleNode>;
  /** The `$wildcard` child, matching every key no named child matches. */
  wildcard?: { name: string; node: RuleNode };
}

/** A parsed, valid rules file. */
export interface RuleSet {
  /** The file name used in locations. */
  file: string;
  /** The original text (comments kept), returned by `GET /.settings/rules.json`. */
  text: string;
  /** The `rules` object. */
  root: RuleNode;
}

/** A rule node with no rules, for places the rules do not mention. */
export const EMPTY_RULE_NODE: RuleNode = { indexOn: [], children: new Map() };
