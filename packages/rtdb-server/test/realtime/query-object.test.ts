import { describe, expect, it } from 'vitest';
import { isRtdbError } from '../../src/core/rtdb-error.js';
import { queryObjectKey, queryObjectToSpec } from '../../src/realtime/query-object.js';

describe('queryObjectToSpec', () => {
  it('treats an absent or empty object as the default query', () => {
    expect(queryObjectToSpec(undefined)).toEqual({ index: { kind: 'priority' } });
    expect(queryObjectToSpec({})).toEqual({ index: { kind: 'priority' } });
  });

  it('reads what orderByChild(...).startAfter(5).limitToFirst(3) sends', () => {
    expect(queryObjectToSpec({ sp: 5, sn: '[MAX_NAME]', sin: false, l: 3, vf: 'l', i: 'a/b' })).toEqual({
      index: { kind: 'child', path: ['a', 'b'] },
      start: { value: 5, key: '[MAX_NAME]', inclusive: false },
      limit: { count: 3, from: 'first' },
    });
  });

  it('reads equalTo on .value and endBefore on .key', () => {
    expect(queryObjectToSpec({ sp: 'x', sin: true, ep: 'x', ein: true, i: '.value' })).toEqual({
      index: { kind: 'value' },
      start: { value: 'x', inclusive: true },
      end: { value: 'x', inclusive: true },
    });
    expect(queryObjectToSpec({ ep: 'k5', ein: false, l: 2, vf: 'r', i: '.key' })).toEqual({
      index: { kind: 'key' },
      end: { value: 'k5', inclusive: false },
      limit: { count: 2, from: 'last' },
    });
  });

  it('defaults an absent sin to inclusive and an absent vf to the SDK anchor rule', () => {
    expect(queryObjectToSpec({ sp: 1, l: 2 })).toMatchObject({
      start: { inclusive: true },
      limit: { from: 'first' },
    });
    expect(queryObjectToSpec({ ep: 1, l: 2 })).toMatchObject({ limit: { from: 'last' } });
  });

  it.each([
    ['a non-object', 'q'],
    ['a zero limit', { l: 0, vf: 'l' }],
    ['a fractional limit', { l: 1.5, vf: 'l' }],
    ['an unknown side', { l: 1, vf: 'x' }],
    ['an object start value', { sp: { a: 1 } }],
    ['a numeric key-index bound', { sp: 1, i: '.key' }],
    ['a start name without value', { sn: 'a' }],
    ['an index path with forbidden characters', { i: 'a.b' }],
    ['a non-boolean inclusivity', { sp: 1, sin: 'yes' }],
  ])('rejects %s with rtdb/invalid-query', (_label, query) => {
    try {
      queryObjectToSpec(query);
      expect.unreachable();
    } catch (error) {
      expect(isRtdbError(error, 'rtdb/invalid-query')).toBe(true);
    }
  });
});

describe('queryObjectKey', () => {
  it('matches the SDK identity: sorted keys, "default" when empty', () => {
    expect(queryObjectKey({})).toBe('default');
    expect(queryObjectKey(undefined)).toBe('default');
    expect(queryObjectKey({ vf: 'l', l: 1, i: 'v' })).toBe('{"i":"v","l":1,"vf":"l"}');
    expect(queryObjectKey({ l: 1, i: 'v', vf: 'l' })).toBe(queryObjectKey({ vf: 'l', i: 'v', l: 1 }));
  });
});
