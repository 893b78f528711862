import type { DataNode } from '../core/data-node.js';
import { pathToString } from '../core/path.js';
import type { Path } from '../core/path.js';
import type { RequestContext } from '../core/request-context.js';
import { explainFalse } from './explain-false.js';
import { BUDGET_EXCEEDED, EvalBudget } from './eval-budget.js';
import { RuleDataSnapshot } from './rule-data-snapshot.js';
import type { RuleReads } from './rule-reads.js';
import { evaluateRuleExpr } from './rule-expression-evaluator.js';
import type { RuleScope, RuleValueRecorder } from './rule-expression-evaluator.js';
import type { CompiledRule } from './rule-set.js';
import { RuleRecord } from './rule-value.js';
import type { AccessTrace, Denial, RuleStep } from './rules-evaluator.js';

/** State of one decision: variables shared by its rules, and the last rule that failed. @internal */
export class RuleRun {
  private readonly auth: RuleRecord | null;
  private rootSnapshot: RuleDataSnapshot | undefined;
  /** Work left for this decision: every rule it runs draws from it. */
  readonly budget = new EvalBudget();
  private lastFailure: { rule: CompiledRule; path: Path; wildcards: Record<string, string> } | undefined;

  constructor(
    readonly ctx: RequestContext,
    readonly root: DataNode,
    readonly newRoot: DataNode | undefined,
    readonly query: RuleRecord | undefined,
    readonly trace: boolean,
    readonly reads?: RuleReads,
  ) {
    const auth = ctx.auth;
    this.auth = auth ? new RuleRecord({ uid: auth.uid, provider: auth.provider, token: auth.token }) : null;
  }

  /** Variables of a rule at `path` (`root` is shared by every rule of the decision). */
  scope(path: Path, wildcards: Record<string, string>): RuleScope {
    this.rootSnapshot ??= new RuleDataSnapshot(this.root, [], this.reads);
    // Built as one literal (no spreads): this runs for every rule of every request.
    return {
      auth: this.auth,
      root: this.rootSnapshot,
      data: new RuleDataSnapshot(this.root, path, this.reads),
      newData: this.newRoot ? new RuleDataSnapshot(this.newRoot, path) : undefined,
      now: this.ctx.now,
      query: this.query,
      wildcards,
      budget: this.budget,
      reads: this.reads,
    };
  }

  /** Start deciding another location. */
  forgetFailure(): void {
    this.lastFailure = undefined;
  }

  /** Evaluate one rule; record a step when tracing; remember it when it fails. */
  check(rule: CompiledRule, path: Path, wildcards: Record<string, string>, out: AccessTrace): boolean {
    const record: RuleValueRecorder | undefined = this.trace ? new Map() : undefined;
    const result = rule.expression
      ? evaluateRuleExpr(rule.expression.ast, this.scope(path, wildcards), record) === true
      : rule.constant === true;
    if (!result) this.lastFailure = { rule, path, wildcards };
    if (this.trace) {
      const step: RuleStep = {
        kind: rule.kind,
        path: pathToString(path),
        location: rule.location,
        source: sourceOf(rule),
        result,
      };
      if (!result) Object.assign(step, this.explain(rule, path, wildcards, record));
      out.steps.push(step);
    }
    return result;
  }

  /** Build the denial from the last failing rule (re-evaluated with recording when needed). */
  denial(operation: Denial['operation'], path: Path, noRuleReason: string): Denial {
    const failure = this.lastFailure;
    const where = pathToString(path);
    if (!failure || (operation !== 'validate' && !isAtOrAbove(failure.path, path))) {
      return { operation, path: where, reason: noRuleReason };
    }
    const { subExpression, explanation } = this.explain(
      failure.rule,
      failure.path,
      failure.wildcards,
      undefined,
    );
    const rulePlace = `${failure.rule.location.file}:${failure.rule.location.line} (${failure.rule.location.rulePath})`;
    const detail = subExpression === undefined ? explanation : `\`${subExpression}\` ${explanation}`;
    return {
      operation,
      path: where,
      reason: `.${failure.rule.kind} at ${rulePlace} was false at ${pathToString(failure.path)}: ${detail}`,
      rule: failure.rule.location,
      ...(subExpression === undefined ? {} : { subExpression }),
    };
  }

  private explain(
    rule: CompiledRule,
    path: Path,
    wildcards: Record<string, string>,
    recorded: RuleValueRecorder | undefined,
  ): { subExpression?: string; explanation: string } {
    if (!rule.expression) return { explanation: `the rule is ${String(rule.constant)}` };
    if (this.budget.remaining < 0) return { explanation: BUDGET_EXCEEDED };
    let values = recorded;
    if (!values) {
      values = new Map();
      // Its own budget: explaining must not be cut short by what the decision already spent.
      evaluateRuleExpr(
        rule.expression.ast,
        { ...this.scope(path, wildcards), budget: new EvalBudget() },
        values,
      );
    }
    const why = explainFalse(rule.expression.ast, rule.expression.source, values);
    return { subExpression: why.subExpression, explanation: why.message };
  }
}

function isAtOrAbove(a: Path, b: Path): boolean {
  return a.length <= b.length && a.every((key, i) => key === b[i]);
}

function sourceOf(rule: CompiledRule): string {
  return rule.expression ? rule.expression.source : String(rule.constant);
}
