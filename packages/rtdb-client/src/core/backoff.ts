/** Reconnection delays: exponential growth from `initialDelayMs` up to `maxDelayMs`. */
export interface BackoffOptions {
  /** First delay after a failure; default 1000 ms. */
  initialDelayMs?: number;
  /** Ceiling; default 30 000 ms. */
  maxDelayMs?: number;
  /** Growth per failed attempt; default 2. */
  multiplier?: number;
  /**
   * Fraction of each delay that is randomised (0 = none, 0.5 = between 50 % and 100 % of the
   * delay), so that many clients dropped at once do not reconnect in lock-step; default 0.5.
   */
  jitter?: number;
}

/**
 * The delay before reconnection attempt `attempt` (0-based). `random` is injected (a number in
 * [0, 1)) so tests get exact figures.
 */
export function backoffDelay(
  attempt: number,
  options: BackoffOptions = {},
  random: () => number = Math.random,
): number {
  const initial = options.initialDelayMs ?? 1000;
  const max = options.maxDelayMs ?? 30_000;
  const multiplier = options.multiplier ?? 2;
  const jitter = Math.min(Math.max(options.jitter ?? 0.5, 0), 1);
  const base = Math.min(max, initial * multiplier ** attempt);
  return Math.round(base * (1 - jitter * random()));
}
