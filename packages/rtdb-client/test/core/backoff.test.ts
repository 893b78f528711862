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

  it('grows by the given multiplier', () => {
    expect(backoffDelay(3, { initialDelayMs: 10, multiplier: 3, jitter: 0 })).toBe(270);
    expect(backoffDelay(0, { initialDelayMs: 10, multiplier: 3, jitter: 0 })).toBe(10);
  });

  it('defaults to half the delay as jitter', () => {
    expect(backoffDelay(0, { initialDelayMs: 1000 }, () => 0.999999)).toBe(500);
  });

  it('clamps the jitter fraction into 0..1', () => {
    expect(backoffDelay(0, { initialDelayMs: 1000, jitter: 2 }, () => 0.5)).toBe(500);
    expect(backoffDelay(0, { initialDelayMs: 1000, jitter: -1 }, () => 0.5)).toBe(1000);
    expect(backoffDelay(0, { initialDelayMs: 1000, jitter: 1 }, () => 0.75)).toBe(250);
  });

  it('rounds to whole milliseconds', () => {
    expect(backoffDelay(0, { initialDelayMs: 3, jitter: 0.5 }, () => 0.5)).toBe(2);
    expect(backoffDelay(0, { initialDelayMs: 5, jitter: 0.3 }, () => 0.5)).toBe(4);
  });
});
