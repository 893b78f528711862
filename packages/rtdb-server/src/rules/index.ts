/**
 * The security rules engine (`@iotkit/rtdb-server/rules`): the rules compiler (JSON with comments
 * → {@link RuleSet}, errors with line and column), evaluation with traces, the rules-backed
 * access policy, the registry of each namespace's rules, denials, and explanations of
 * hypothetical requests.
 *
 * @packageDocumentation
 */
export { parseRules } from './parse-rules.js';
export type { RulesProblem } from './parse-rules.js';
export { EMPTY_RULE_NODE } from './rule-set.js';
export type { RuleSet, RuleNode, CompiledRule, RuleLocation } from './rule-set.js';
export { compileRuleExpression } from './rule-expression.js';
export type {
  RuleKind,
  RuleExpr,
  RuleBinaryOperator,
  CompiledExpression,
  CompileResult,
} from './rule-expression.js';
export { RuleRegex, RuleRegexSyntaxError } from './rule-regex.js';
export { EvalBudget, REQUEST_EVAL_BUDGET, EVAL_COST } from './eval-budget.js';
export { RulesEvaluator } from './rules-evaluator.js';
export { RuleReads } from './rule-reads.js';
export type { AccessTrace, RuleStep, Denial, ReadRequest, WriteRequest } from './rules-evaluator.js';
export { RulesPolicy } from './rules-policy.js';
export type { RulesSource } from './rules-policy.js';
export { RulesRegistry } from './rules-registry.js';
export type { RulesRegistryOptions, RulesChangeListener } from './rules-registry.js';
export { DenialLog, formatDenial } from './denial-log.js';
export type { DenialRecord } from './denial-log.js';
export { watchRulesFile, rulesFileFromFirebaseJson } from './rules-file-watcher.js';
export type { RulesFileWatch } from './rules-file-watcher.js';
export { createServerRules } from './server-rules.js';
export type { ServerRules, ServerRulesOptions, RulesChangeTarget } from './server-rules.js';
export { explainRequest, formatTrace, passwordUser } from './explain-request.js';
export type { HypotheticalRequest } from './explain-request.js';
// The query string of a hypothetical GET (`orderBy="ts"&limitToLast=3`) as the REST API reads it.
export { parseRestOptions } from '../rest/rest-query.js';
export type { RestOptions } from '../rest/rest-query.js';
