/**
 * Work units one request's rule evaluation may spend; a unit is roughly a nanosecond of work on
 * a development laptop, so the whole decision stays within a few milliseconds of event loop.
 */
export const REQUEST_EVAL_BUDGET = 5_000_000;

/** What each kind of work costs, in units. */
export const EVAL_COST = {
  /** Evaluating one sub-expression. */
  node: 100,
  /** One character a regular expression scans (RE2 runs in linear time, at tens of ns per character). */
  regexChar: 20,
  /** One character a native string method (contains, replace, toLowerCase …) scans. */
  stringChar: 1,
  /** One `child()`/`hasChild()` step, plus a unit per character of its path. */
  childStep: 50,
} as const;

/** The message of a decision stopped for spending its budget (the rule then counts as false). */
export const BUDGET_EXCEEDED =
  'the rules needed more work than one request may use (huge strings or very long child() chains); the request is denied';

/**
 * The work left for one request's rule evaluation. Shared by every rule the decision runs, so a
 * write validating many locations cannot multiply it.
 */
export class EvalBudget {
  /** @param remaining - units left */
  constructor(public remaining: number = REQUEST_EVAL_BUDGET) {}

  /** Takes `units`; `false` once the budget is overspent (and for every later call). */
  spend(units: number): boolean {
    this.remaining -= units;
    return this.remaining >= 0;
  }
}
