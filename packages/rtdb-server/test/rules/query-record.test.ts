// The `query` variable of read rules, field by field, as the rules reference describes it.
import { describe, expect, it } from 'vitest';
import type { QuerySpec } from '../../src/core/query-spec.js';
import { queryRecord } from '../../src/rules/query-record.js';

const FIELDS = [
  'orderByKey',
  'orderByPriority',
  'orderByValue',
  'orderByChild',
  'startAt',
  'endAt',
  'equalTo',
  'limitToFirst',
  'limitToLast',
] as const;

function fields(spec: QuerySpec | undefined): Record<string, unknown> {
  const record = queryRecord(spec);
  return Object.fromEntries(FIELDS.map((name) => [name, record.get(name)]));
}

const plain = {
  orderByKey: false,
  orderByPriority: false,
  orderByValue: false,
  orderByChild: null,
  startAt: null,
  endAt: null,
  equalTo: null,
  limitToFirst: null,
  limitToLast: null,
};

describe('queryRecord', () => {
  it('a plain read has every field false or null', () => {
    expect(fields(undefined)).toEqual(plain);
  });

  it('the default ordering with no range or limit is a plain read too', () => {
    expect(fields({ index: { kind: 'priority' } })).toEqual(plain);
  });

  it.each([
    ['a limit', { index: { kind: 'priority' }, limit: { count: 3, from: 'first' } }],
    ['a start', { index: { kind: 'priority' }, start: { value: 1, inclusive: true } }],
    ['an end', { index: { kind: 'priority' }, end: { value: 1, inclusive: true } }],
  ] as [string, QuerySpec][])('orderByPriority is true for priority order with %s', (_name, spec) => {
    expect(fields(spec).orderByPriority).toBe(true);
    expect(fields(spec).orderByKey).toBe(false);
    expect(fields(spec).orderByValue).toBe(false);
  });

  it.each([
    [{ kind: 'key' }, { orderByKey: true, orderByPriority: false, orderByValue: false, orderByChild: null }],
    [
      { kind: 'value' },
      { orderByKey: false, orderByPriority: false, orderByValue: true, orderByChild: null },
    ],
    [
      { kind: 'child', path: ['stats', 'best'] },
      { orderByKey: false, orderByPriority: false, orderByValue: false, orderByChild: 'stats/best' },
    ],
  ] as [QuerySpec['index'], Record<string, unknown>][])(
    'the ordering %j alone sets only its own field',
    (index, expected) => {
      expect(fields({ index })).toEqual({ ...plain, ...expected });
    },
  );

  it('gives the range ends and limits as written', () => {
    expect(
      fields({
        index: { kind: 'child', path: ['age'] },
        start: { value: 18, inclusive: true },
        end: { value: 65, inclusive: false },
        limit: { count: 10, from: 'first' },
      }),
    ).toEqual({ ...plain, orderByChild: 'age', startAt: 18, endAt: 65, limitToFirst: 10 });
    expect(fields({ index: { kind: 'key' }, limit: { count: 2, from: 'last' } })).toEqual({
      ...plain,
      orderByKey: true,
      limitToLast: 2,
    });
  });

  it.each([false, 0, ''])('keeps a falsy range end %j rather than turning it into null', (value) => {
    const record = fields({
      index: { kind: 'value' },
      start: { value, inclusive: true },
      end: { value, inclusive: true },
    });
    expect(record.startAt).toBe(value);
    expect(record.endAt).toBe(value);
    expect(record.equalTo).toBe(value);
  });

  it('sets equalTo when both ends are the same inclusive value with the same key', () => {
    const spec: QuerySpec = {
      index: { kind: 'child', path: ['team'] },
      start: { value: 'red', inclusive: true },
      end: { value: 'red', inclusive: true },
    };
    expect(fields(spec)).toEqual({
      ...plain,
      orderByChild: 'team',
      startAt: 'red',
      endAt: 'red',
      equalTo: 'red',
    });
    const keyed: QuerySpec = {
      index: { kind: 'value' },
      start: { value: 3, key: 'k', inclusive: true },
      end: { value: 3, key: 'k', inclusive: true },
    };
    expect(fields(keyed).equalTo).toBe(3);
  });

  it.each([
    ['different values', { value: 'a', inclusive: true }, { value: 'b', inclusive: true }],
    ['an exclusive start', { value: 'a', inclusive: false }, { value: 'a', inclusive: true }],
    ['an exclusive end', { value: 'a', inclusive: true }, { value: 'a', inclusive: false }],
    [
      'different tie-break keys',
      { value: 'a', key: 'x', inclusive: true },
      { value: 'a', key: 'y', inclusive: true },
    ],
    ['a key on one end only', { value: 'a', key: 'x', inclusive: true }, { value: 'a', inclusive: true }],
  ] as [string, QuerySpec['start'], QuerySpec['end']][])(
    'leaves equalTo null for %s',
    (_name, start, end) => {
      const record = fields({
        index: { kind: 'value' },
        ...(start ? { start } : {}),
        ...(end ? { end } : {}),
      });
      expect(record.equalTo).toBeNull();
      expect(record.startAt).toBe('a');
      expect(record.endAt).toBe(end!.value);
    },
  );

  it('leaves equalTo null with only one end', () => {
    expect(fields({ index: { kind: 'value' }, start: { value: 1, inclusive: true } }).equalTo).toBeNull();
    expect(fields({ index: { kind: 'value' }, end: { value: 1, inclusive: true } }).equalTo).toBeNull();
  });
});
