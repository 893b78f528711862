import { describe, expect, it } from 'vitest';
import { BUDGET_EXCEEDED, EVAL_COST, EvalBudget, REQUEST_EVAL_BUDGET } from '../../src/rules/eval-budget.js';

describe('EvalBudget', () => {
  it('starts with the per-request allowance', () => {
    expect(REQUEST_EVAL_BUDGET).toBe(5_000_000);
    expect(new EvalBudget().remaining).toBe(5_000_000);
  });

  it('allows spending down to exactly nothing, refuses the first unit beyond, and stays refused', () => {
    const budget = new EvalBudget(250);
    expect(budget.spend(100)).toBe(true);
    expect(budget.remaining).toBe(150);
    expect(budget.spend(150)).toBe(true);
    expect(budget.remaining).toBe(0);
    expect(budget.spend(1)).toBe(false);
    expect(budget.remaining).toBe(-1);
    expect(budget.spend(0)).toBe(false);
  });

  it('prices a regex scan above a plain string scan, per character', () => {
    expect(EVAL_COST.regexChar).toBeGreaterThan(EVAL_COST.stringChar);
    expect(BUDGET_EXCEEDED).toMatch(/more work than one request may use.*denied/);
  });
});
