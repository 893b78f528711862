import {
  endAt,
  endBefore,
  equalTo,
  limitToFirst,
  limitToLast,
  orderByChild,
  orderByKey,
  orderByPriority,
  orderByValue,
  startAfter,
  startAt,
  type QueryConstraint,
} from 'firebase/database';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeFromJson, nodeToJson } from '../../src/core/node-json.js';
import { applyQuery, queryIsDefault, queryKeys } from '../../src/core/query-spec.js';
import { QUERY_CASES, type SdkStep } from './query-spec-cases.js';
import { SdkOracle } from './sdk-oracle.js';

const oracle = new SdkOracle();
afterAll(() => oracle.close());

/** The SDK constraint for one builder call of a table case. */
function constraint(step: SdkStep): QueryConstraint {
  switch (step[0]) {
    case 'orderByChild':
      return orderByChild(step[1]);
    case 'orderByKey':
      return orderByKey();
    case 'orderByValue':
      return orderByValue();
    case 'orderByPriority':
      return orderByPriority();
    case 'startAt':
      return startAt(step[1], step[2]);
    case 'startAfter':
      return startAfter(step[1], step[2]);
    case 'endAt':
      return endAt(step[1], step[2]);
    case 'endBefore':
      return endBefore(step[1], step[2]);
    case 'equalTo':
      return equalTo(step[1], step[2]);
    case 'limitToFirst':
      return limitToFirst(step[1]);
    case 'limitToLast':
      return limitToLast(step[1]);
  }
}

const sdkCases = QUERY_CASES.filter((c) => c.sdk !== null).map((c) => [c.name, c] as const);

describe('the recorded query cases against the official SDK', () => {
  it('cover most of the table', () => {
    expect(sdkCases.length).toBeGreaterThan(QUERY_CASES.length * 0.9);
  });

  it.each(sdkCases)('%s: the SDK selects the recorded children', async (_name, c) => {
    const expected = await oracle.queryKeys(c.data, ...c.sdk!.map(constraint));
    expect(expected).toEqual(c.keys);
  });

  it.each(sdkCases)('%s: our query selects the same children in the same order', async (_name, c) => {
    const expected = await oracle.queryKeys(c.data, ...c.sdk!.map(constraint));
    expect(queryKeys(nodeFromJson(c.data), c.spec)).toEqual(expected);
  });
});

describe('applyQuery', () => {
  it('returns the location itself for a default query', () => {
    const node = nodeFromJson({ a: 1 });
    expect(applyQuery(node, { index: { kind: 'child', path: ['x'] } })).toBe(node);
    expect(queryIsDefault({ index: { kind: 'value' } })).toBe(true);
    expect(queryIsDefault({ index: { kind: 'value' }, limit: { count: 1, from: 'first' } })).toBe(false);
  });

  it('gives an empty result for a filtered query on a leaf', () => {
    expect(
      nodeToJson(applyQuery(nodeFromJson(5), { index: { kind: 'key' }, limit: { count: 1, from: 'first' } })),
    ).toBeNull();
  });

  it('keeps only the selected children', () => {
    const result = applyQuery(nodeFromJson({ a: 3, b: 1, c: 2 }), {
      index: { kind: 'value' },
      limit: { count: 2, from: 'first' },
    });
    expect(nodeToJson(result)).toEqual({ b: 1, c: 2 });
  });
});
