import { describe, expect, it } from 'vitest';
import { encodeQueryString, queryParams } from '../../src/core/query-params.js';
import {
  withEnd,
  withEqual,
  withIndex,
  withLimit,
  withStart,
  type QuerySpec,
} from '../../src/core/query-spec.js';
import { isRtdbClientError } from '../../src/core/rtdb-client-error.js';

const byChild = (path: string): QuerySpec => withIndex({}, { kind: 'child', path });

function expectInvalid(build: () => unknown, fragment: string): void {
  try {
    build();
  } catch (error) {
    expect(isRtdbClientError(error, 'rtdb-client/invalid-argument')).toBe(true);
    expect((error as Error).message).toContain(fragment);
    return;
  }
  throw new Error('expected rtdb-client/invalid-argument');
}

describe('queryParams', () => {
  it('sends nothing for a plain read', () => {
    expect(queryParams({})).toEqual([]);
  });

  it('JSON-encodes orderBy for every index kind', () => {
    expect(queryParams(withIndex({}, { kind: 'key' }))).toEqual([['orderBy', '"$key"']]);
    expect(queryParams(withIndex({}, { kind: 'value' }))).toEqual([['orderBy', '"$value"']]);
    expect(queryParams(withIndex({}, { kind: 'priority' }))).toEqual([['orderBy', '"$priority"']]);
    expect(queryParams(byChild('/meta//ts/'))).toEqual([['orderBy', '"meta/ts"']]);
  });

  it('defaults to the priority index when only a range is given', () => {
    expect(queryParams(withStart({}, 3, undefined, false))).toEqual([
      ['orderBy', '"$priority"'],
      ['startAt', '3'],
    ]);
  });

  it('encodes each bound kind with and without a key', () => {
    let spec = withStart(byChild('ts'), 'a b', undefined, true);
    spec = withEnd(spec, 10, 'k"1', false);
    spec = withLimit(spec, 5, 'last');
    expect(queryParams(spec)).toEqual([
      ['orderBy', '"ts"'],
      ['startAfter', '"a b"'],
      ['endAt', '10,"k\\"1"'],
      ['limitToLast', '5'],
    ]);
    expect(queryParams(withEnd(withStart(byChild('x'), null, 'a', false), true, undefined, true))).toEqual([
      ['orderBy', '"x"'],
      ['startAt', 'null,"a"'],
      ['endBefore', 'true'],
    ]);
    expect(queryParams(withLimit(byChild('x'), 2, 'first'))).toEqual([
      ['orderBy', '"x"'],
      ['limitToFirst', '2'],
    ]);
  });

  it('sends equalTo directly, or as a one-child range when a key narrows it', () => {
    expect(queryParams(withEqual(byChild('kind'), 'servo', undefined))).toEqual([
      ['orderBy', '"kind"'],
      ['equalTo', '"servo"'],
    ]);
    expect(queryParams(withEqual(byChild('kind'), 'servo', 'k2'))).toEqual([
      ['orderBy', '"kind"'],
      ['startAt', '"servo","k2"'],
      ['endAt', '"servo","k2"'],
    ]);
  });
});

describe('encodeQueryString', () => {
  it('percent-encodes JSON values: quotes, spaces as %20, commas, and the \\uf8ff prefix sentinel', () => {
    const spec = withEnd(
      withStart(withIndex({}, { kind: 'key' }), 'dev ice', undefined, false),
      'dev ice\uf8ff',
      undefined,
      false,
    );
    expect(encodeQueryString(queryParams(spec))).toBe(
      'orderBy=%22%24key%22&startAt=%22dev%20ice%22&endAt=%22dev%20ice%EF%A3%BF%22',
    );
    expect(encodeQueryString([['startAt', '5,"a&b=c"']])).toBe('startAt=5%2C%22a%26b%3Dc%22');
  });
});

describe('query validation', () => {
  it('rejects a second orderBy, a second start, end or limit', () => {
    expectInvalid(() => withIndex(byChild('a'), { kind: 'key' }), 'several orderBy');
    expectInvalid(
      () => withStart(withStart({}, 1, undefined, false), 2, undefined, true),
      'start of the range was already set',
    );
    expectInvalid(
      () => withEnd(withEnd({}, 1, undefined, false), 2, undefined, false),
      'end of the range was already set',
    );
    expectInvalid(() => withLimit(withLimit({}, 1, 'first'), 2, 'last'), 'limit was already set');
  });

  it('rejects equalTo mixed with a range', () => {
    expectInvalid(() => withEqual(withStart(byChild('a'), 1, undefined, false), 1, undefined), 'equalTo');
    expectInvalid(() => withEnd(withEqual(byChild('a'), 1, undefined), 1, undefined, false), 'equalTo');
  });

  it('rejects non-positive, fractional or huge limits', () => {
    for (const bad of [0, -1, 1.5, Number.NaN, 2 ** 31])
      expectInvalid(() => withLimit({}, bad, 'first'), 'positive integer');
  });

  it('applies the key-index rules, also when orderByKey comes after the bound', () => {
    expectInvalid(() => withStart(withIndex({}, { kind: 'key' }), 5, undefined, false), 'must be a string');
    expectInvalid(() => withStart(withIndex({}, { kind: 'key' }), 'a', 'b', false), 'only one argument');
    expectInvalid(() => withIndex(withStart({}, 5, undefined, false), { kind: 'key' }), 'must be a string');
  });

  it('rejects booleans for priorities, objects and non-finite numbers everywhere', () => {
    expectInvalid(() => withStart(withIndex({}, { kind: 'priority' }), true, undefined, false), 'priority');
    expectInvalid(
      () => withEqual(byChild('a'), { x: 1 } as never, undefined),
      'string, number, boolean or null',
    );
    expectInvalid(() => withEnd(byChild('a'), Number.POSITIVE_INFINITY, undefined, false), 'finite');
  });

  it('rejects child paths with forbidden characters or .priority', () => {
    expectInvalid(() => byChild('a.b'), 'forbids');
    expectInvalid(() => byChild('.priority'), 'orderByPriority');
    expectInvalid(() => byChild('/'), 'must not be empty');
  });
});
