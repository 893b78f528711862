import { describe, expect, it } from 'vitest';
import { changeDelta } from '../../src/core/change-delta.js';
import { firesFor, DATABASE_EVENT_TYPES as T } from '../../src/core/event-types.js';

describe('changeDelta', () => {
  it('is the new value when either side is not an object', () => {
    expect(changeDelta(null, { a: 1 })).toEqual({ a: 1 });
    expect(changeDelta({ a: 1 }, null)).toBeNull();
    expect(changeDelta(3, { a: 1 })).toEqual({ a: 1 });
    expect(changeDelta({ a: 1 }, 'x')).toBe('x');
  });

  it('lists changed keys and nulls out removed ones, recursively', () => {
    expect(changeDelta({ a: 1, b: { c: 1, d: 2 }, e: 5 }, { a: 1, b: { c: 2 }, f: 6 })).toEqual({
      b: { c: 2, d: null },
      e: null,
      f: 6,
    });
  });
});

describe('firesFor', () => {
  it('matches production semantics for each event type', () => {
    expect(firesFor(T.created, null, 1)).toBe(true);
    expect(firesFor(T.created, 1, 2)).toBe(false);
    expect(firesFor(T.updated, 1, 2)).toBe(true);
    expect(firesFor(T.updated, null, 2)).toBe(false);
    expect(firesFor(T.deleted, 1, null)).toBe(true);
    expect(firesFor(T.deleted, null, 1)).toBe(false);
    expect(firesFor(T.written, null, 1)).toBe(true);
    expect(firesFor(T.written, 1, null)).toBe(true);
  });
});
