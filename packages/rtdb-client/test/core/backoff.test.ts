import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../src/core/backoff.js';

describe('backoffDelay', () => {
  it('grows exponentially up to the ceiling when jitter is off', () => {
    const delays = [0, 1, 2, 3, 4, 5, 6].map((attempt) =>
      backoffDelay(attempt, { initialDelayMs: 100, maxDelayMs: 1000, jitter: 0 }),
    );
    expect(delays).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
  });

  it('takes up to the jitter fraction off, driven by the injected randomness', () => {
    expect(backoffDelay(2, { initialDelayMs: 100, jitter: 0.5 }, () => 0)).toBe(400);
    expect(backoffDelay(2, { initialDelayMs: 100, jitter: 0.5 }, () => 0.5)).toBe(300);
    expect(backoffDelay(2, { initialDelayMs: 100, jitter: 0.5 }, () => 0.999)).toBe(200);
  });

  it('defaults to 1 s doubling up to 30 s', () => {
    expect(backoffDelay(0, {}, () => 0)).toBe(1000);
    expect(backoffDelay(20, {}, () => 0)).toBe(30_000);
  });
});
