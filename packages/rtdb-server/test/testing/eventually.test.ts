import { describe, expect, it } from 'vitest';
import { eventually } from '../../src/testing/eventually.js';

describe('eventually', () => {
  it('reads until the value is accepted and returns that value', async () => {
    let reads = 0;
    const value = await eventually(
      async () => (reads += 1),
      (n) => n >= 3,
    );
    expect(value).toBe(3);
    expect(reads).toBe(3);
  });

  it('gives up after the time limit, naming the last value', async () => {
    await expect(
      eventually(
        async () => ({ ir: 1 }),
        () => false,
        { ms: 60 },
      ),
    ).rejects.toThrow('condition not met within 60 ms; last value {"ir":1}');
  });

  it('says what the caller asks it to say when it gives up', async () => {
    await expect(
      eventually(
        async () => 7,
        () => false,
        { ms: 30, intervalMs: 5, failure: (last, ms) => `still ${last} after ${ms}` },
      ),
    ).rejects.toThrow('still 7 after 30');
  });
});
