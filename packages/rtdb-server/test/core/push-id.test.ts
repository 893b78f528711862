import { describe, expect, it } from 'vitest';
import { createPushIdGenerator, PUSH_CHARS } from '../../src/core/push-id.js';

describe('createPushIdGenerator', () => {
  it('encodes the time in the first 8 characters', () => {
    const next = createPushIdGenerator({ clock: () => 0, random: () => 0 });
    expect(next()).toBe('--------------------');
    const later = createPushIdGenerator({ clock: () => 64 ** 2 + 1, random: () => 0.999 });
    expect(later().slice(0, 8)).toBe('-----0-0');
  });

  it('stays strictly increasing within one millisecond and when the clock steps back', () => {
    let now = 1_700_000_000_000;
    const next = createPushIdGenerator({ clock: () => now, random: () => 63.9 / 64 });
    const ids = [next(), next(), next()];
    now -= 5;
    ids.push(next());
    now += 100;
    ids.push(next());
    for (let i = 1; i < ids.length; i += 1) expect(ids[i]! > ids[i - 1]!).toBe(true);
    for (const id of ids) {
      expect(id).toHaveLength(20);
      for (const char of id) expect(PUSH_CHARS).toContain(char);
    }
  });

  it('matches the SDK format for a known time', () => {
    // 1 ms after the epoch and all-zero randomness: "-------0" then twelve "-".
    expect(createPushIdGenerator({ clock: () => 1, random: () => 0 })()).toBe('-------0------------');
  });
});
