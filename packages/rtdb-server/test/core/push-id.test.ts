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

  it('draws each of the 12 random characters from the random source, in order', () => {
    // random() * 64 floored picks the character: 0.999 → 63 ("z"), then 0, 1/64, 2/64, … in turn.
    expect(createPushIdGenerator({ clock: () => 0, random: () => 0.999 })().slice(8)).toBe('zzzzzzzzzzzz');
    let n = 0;
    const stepping = createPushIdGenerator({ clock: () => 0, random: () => (n++ % 64) / 64 });
    expect(stepping().slice(8)).toBe('-0123456789A');
  });

  it('adds one to the last random character for an id in the same millisecond, carrying like a number', () => {
    const next = createPushIdGenerator({ clock: () => 0, random: () => 0 });
    expect(next()).toBe('--------------------');
    expect(next()).toBe('-------------------0');
    expect(next()).toBe('-------------------1');

    // ...y z z: adding one rolls the two z's over to "-" and carries into the "y".
    const digits = [...Array<number>(9).fill(0), 62, 63, 63];
    let i = 0;
    const carry = createPushIdGenerator({ clock: () => 0, random: () => (digits[i++ % 12] as number) / 64 });
    expect(carry().slice(8)).toBe('---------yzz');
    expect(carry().slice(8)).toBe('---------z--');
  });

  it('moves to the next millisecond when all 12 random characters roll over', () => {
    const next = createPushIdGenerator({ clock: () => 0, random: () => 0.999 });
    expect(next()).toBe('--------zzzzzzzzzzzz');
    // every digit wraps to "-": the id keeps increasing through the time part instead
    expect(next()).toBe('-------0------------');
  });
});
