import { describe, expect, it } from 'vitest';
import { isRtdbClientError } from '../../src/core/rtdb-client-error.js';
import {
  effectiveIndex,
  isDefaultQuery,
  withEnd,
  withEqual,
  withIndex,
  withLimit,
  withStart,
  type QuerySpec,
} from '../../src/core/query-spec.js';

function invalidMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isRtdbClientError(error, 'rtdb-client/invalid-argument')) return error.message;
    throw error;
  }
  throw new Error('expected rtdb-client/invalid-argument');
}

const byChild = (path: string): QuerySpec => withIndex({}, { kind: 'child', path });
const byKey: QuerySpec = { index: { kind: 'key' } };

describe('effectiveIndex and isDefaultQuery', () => {
  it('falls back to the priority index', () => {
    expect(effectiveIndex({})).toEqual({ kind: 'priority' });
    expect(effectiveIndex(byKey)).toEqual({ kind: 'key' });
  });

  it('calls a spec default only when every part is absent', () => {
    expect(isDefaultQuery({})).toBe(true);
    expect(isDefaultQuery(byKey)).toBe(false);
    expect(isDefaultQuery({ start: { value: 1, exclusive: false } })).toBe(false);
    expect(isDefaultQuery({ end: { value: 1, exclusive: false } })).toBe(false);
    expect(isDefaultQuery({ equal: { value: 1 } })).toBe(false);
    expect(isDefaultQuery({ limit: { count: 1, from: 'first' } })).toBe(false);
  });
});

describe('withIndex', () => {
  it('normalises a child path to its segments joined by /', () => {
    expect(byChild('/a//b/')).toEqual({ index: { kind: 'child', path: 'a/b' } });
  });

  it('refuses .priority anywhere in a child path', () => {
    expect(invalidMessage(() => byChild('a/.priority'))).toBe(
      'orderByChild: use orderByPriority instead of .priority',
    );
  });

  it('re-checks the bounds already set against the new index', () => {
    // Built by hand: equalTo(true) alone would already be refused by the default (priority) index.
    const spec: QuerySpec = { equal: { value: true } };
    expect(invalidMessage(() => withIndex(spec, { kind: 'key' }))).toBe(
      'equalTo: when ordering by key the value must be a string',
    );
    expect(withIndex(spec, { kind: 'value' })).toEqual({ index: { kind: 'value' }, equal: { value: true } });
  });
});

describe('bounds', () => {
  it('names the call in each conflict', () => {
    expect(invalidMessage(() => withStart(withEqual({}, 1, undefined), 1, undefined, false))).toBe(
      "startAt: can't combine with equalTo",
    );
    expect(invalidMessage(() => withStart(withEqual({}, 1, undefined), 1, undefined, true))).toBe(
      "startAfter: can't combine with equalTo",
    );
    expect(invalidMessage(() => withEnd(withEqual({}, 1, undefined), 1, undefined, false))).toBe(
      "endAt: can't combine with equalTo",
    );
    expect(invalidMessage(() => withEnd(withEqual({}, 1, undefined), 1, undefined, true))).toBe(
      "endBefore: can't combine with equalTo",
    );
    expect(invalidMessage(() => withStart(withStart({}, 1, undefined, true), 1, undefined, false))).toBe(
      'startAt: the start of the range was already set',
    );
    expect(invalidMessage(() => withEnd(withEnd({}, 1, undefined, false), 1, undefined, true))).toBe(
      'endBefore: the end of the range was already set',
    );
  });

  it('refuses equalTo after a start, an end or another equalTo', () => {
    const message = "equalTo: can't combine with startAt, endAt or another equalTo";
    expect(invalidMessage(() => withEqual(withStart({}, 1, undefined, false), 1, undefined))).toBe(message);
    expect(invalidMessage(() => withEqual(withEnd({}, 1, undefined, false), 1, undefined))).toBe(message);
    expect(invalidMessage(() => withEqual(withEqual({}, 1, undefined), 1, undefined))).toBe(message);
  });

  it('keeps a key only when one is given', () => {
    expect(withStart({}, 1, undefined, false)).toEqual({ start: { value: 1, exclusive: false } });
    expect(withStart({}, 1, 'k', true)).toEqual({ start: { value: 1, exclusive: true, key: 'k' } });
    expect(withEnd({}, 'z', undefined, true)).toEqual({ end: { value: 'z', exclusive: true } });
    expect(withEnd({}, 'z', 'k', false)).toEqual({ end: { value: 'z', exclusive: false, key: 'k' } });
    expect(withEqual({}, null, undefined)).toEqual({ equal: { value: null } });
    expect(withEqual({}, null, 'k')).toEqual({ equal: { value: null, key: 'k' } });
  });

  it('accepts a start and an end together', () => {
    const spec = withEnd(withStart(byChild('ts'), 1, undefined, false), 9, undefined, true);
    expect(spec.start).toEqual({ value: 1, exclusive: false });
    expect(spec.end).toEqual({ value: 9, exclusive: true });
  });

  it('checks each value with the name of its call', () => {
    expect(invalidMessage(() => withStart(byKey, 1, undefined, true))).toBe(
      'startAfter: when ordering by key the value must be a string',
    );
    expect(invalidMessage(() => withEnd(byKey, 1, undefined, true))).toBe(
      'endBefore: when ordering by key the value must be a string',
    );
    expect(invalidMessage(() => withEnd(byKey, 'a', 'b', false))).toBe(
      'endAt: when ordering by key, pass only one argument',
    );
    expect(invalidMessage(() => withEqual({}, false, undefined))).toBe(
      'equalTo: when ordering by priority the value must be null, a number or a string',
    );
    expect(invalidMessage(() => withStart({}, Number.NaN, undefined, false))).toBe(
      'startAt: the value must be a finite number',
    );
    expect(invalidMessage(() => withStart({}, 1, 5 as never, false))).toBe(
      'startAt: the key must be a string',
    );
    expect(invalidMessage(() => withEnd(byChild('a'), undefined as never, undefined, false))).toBe(
      'endAt: the value must be a string, number, boolean or null',
    );
  });

  it('accepts every JSON primitive on a child index, and null, numbers and strings on priority', () => {
    for (const value of [null, true, false, 0, -1.5, '', 'x'])
      expect(() => withEqual(byChild('a'), value, undefined)).not.toThrow();
    for (const value of [null, 0, 'x']) expect(() => withStart({}, value, 'k', false)).not.toThrow();
    expect(() => withStart(byKey, 'a', undefined, false)).not.toThrow();
  });
});

describe('withLimit', () => {
  it('allows 1 and 2^31 - 1, names the call in its refusals', () => {
    expect(withLimit({}, 1, 'first')).toEqual({ limit: { count: 1, from: 'first' } });
    expect(withLimit({}, 2 ** 31 - 1, 'last')).toEqual({ limit: { count: 2 ** 31 - 1, from: 'last' } });
    expect(invalidMessage(() => withLimit({}, 0, 'last'))).toBe(
      'limitToLast: the limit must be a positive integer',
    );
    expect(invalidMessage(() => withLimit(withLimit({}, 1, 'last'), 1, 'first'))).toBe(
      'limitToFirst: a limit was already set',
    );
  });
});
