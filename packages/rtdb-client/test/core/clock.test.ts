// The real clock, with real timers: short ones, and ceilings far above them.
import { describe, expect, it } from 'vitest';
import { systemClock } from '../../src/core/clock.js';

/** Fails after a generous ceiling instead of hanging for the hour a broken abort would take. */
async function settlesWithin(promise: Promise<void>, what: string, ms = 10_000): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const ceiling = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: still sleeping after ${ms} ms`)), ms);
  });
  try {
    await Promise.race([promise, ceiling]);
  } finally {
    clearTimeout(timer);
  }
}

describe('systemClock', () => {
  it('reads the time since the epoch', () => {
    const before = Date.now();
    const now = systemClock.now();
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });

  it('sleeps until the timer fires and then lets go of the signal', async () => {
    const controller = new AbortController();
    let removed = 0;
    const signal = controller.signal;
    const remove = signal.removeEventListener.bind(signal);
    signal.removeEventListener = ((...args: Parameters<AbortSignal['removeEventListener']>) => {
      if (args[0] === 'abort') removed += 1; // the listener it added, not some other event's
      remove(...args);
    }) as AbortSignal['removeEventListener'];
    let done = false;
    const sleeping = systemClock.sleep(5, signal).then(() => (done = true));
    expect(done).toBe(false);
    await sleeping;
    expect(done).toBe(true);
    expect(removed).toBe(1);
  });

  it('sleeps without a signal', async () => {
    let done = false;
    const sleeping = systemClock.sleep(5);
    void sleeping.then(() => (done = true));
    expect(done).toBe(false);
    await settlesWithin(sleeping, 'a sleep without a signal');
    expect(done).toBe(true);
  });

  it('resolves at once for a signal that is already aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    // An hour: only the abort can make this return.
    await settlesWithin(systemClock.sleep(3_600_000, controller.signal), 'an aborted sleep');
  });

  it('resolves early, without rejecting, when the signal aborts while sleeping', async () => {
    const controller = new AbortController();
    const sleeping = systemClock.sleep(3_600_000, controller.signal);
    controller.abort();
    await settlesWithin(sleeping, 'a sleep aborted midway');
    await expect(sleeping).resolves.toBeUndefined();
  });
});
