import { describe, expect, it } from 'vitest';
import { EMPTY_NODE } from '../../src/core/data-node.js';
import { nodeFromJson } from '../../src/core/node-json.js';
import { resolveServerValues } from '../../src/core/server-values.js';
import { thrownError as errorOf } from './thrown-error.js';

const TIMESTAMP = { '.sv': 'timestamp' };
const increment = (delta: unknown) => ({ '.sv': { increment: delta } });
const now = 1_700_000_000_123;

describe('resolveServerValues: values without placeholders', () => {
  it.each([
    [null],
    [undefined],
    [0],
    [false],
    ['timestamp'],
    [{ a: 1, b: [1, 'x', null] }],
    [[1, { a: null }]],
  ])('returns %j itself', (json) => {
    expect(resolveServerValues(json, EMPTY_NODE, now)).toBe(json);
  });

  it('returns a nested value without placeholders itself, whatever exists there', () => {
    const json = { a: { b: { c: 'text' } }, d: [{ e: 1 }] };
    expect(resolveServerValues(json, nodeFromJson({ a: { b: { c: 'old' } } }), now)).toBe(json);
  });
});

describe('resolveServerValues: timestamp', () => {
  it('becomes the server time at any depth, in objects and arrays', () => {
    const json = { t: TIMESTAMP, nested: { deep: { t: TIMESTAMP } }, list: [1, TIMESTAMP], keep: 'x' };
    expect(resolveServerValues(json, EMPTY_NODE, now)).toEqual({
      t: now,
      nested: { deep: { t: now } },
      list: [1, now],
      keep: 'x',
    });
  });

  it('replaces a placeholder written at the location itself', () => {
    expect(resolveServerValues(TIMESTAMP, nodeFromJson('old'), now)).toBe(now);
  });

  it('does not change the value it was given', () => {
    const json = { a: { t: TIMESTAMP }, list: [TIMESTAMP] };
    resolveServerValues(json, EMPTY_NODE, now);
    expect(json).toEqual({ a: { t: TIMESTAMP }, list: [TIMESTAMP] });
  });

  it('keeps the untouched parts of a resolved object', () => {
    const untouched = { c: 1 };
    const out = resolveServerValues({ a: TIMESTAMP, b: untouched }, EMPTY_NODE, now) as Record<
      string,
      unknown
    >;
    expect(out['b']).toBe(untouched);
  });
});

describe('resolveServerValues: increment', () => {
  it.each([
    ['a number', 5, 2, 7],
    ['a negative delta', 5, -7, -2],
    ['a fractional number', 1.5, 0.25, 1.75],
    ['zero', 0, 3, 3],
  ])('adds to %s already there', (_label, existing, delta, result) => {
    expect(resolveServerValues({ n: increment(delta) }, nodeFromJson({ n: existing }), now)).toEqual({
      n: result,
    });
  });

  it.each([
    ['nothing', null],
    ['a string', 'ten'],
    ['a boolean', true],
    ['an object', { x: 1 }],
  ])('replaces %s with the delta', (_label, existing) => {
    expect(resolveServerValues({ n: increment(4) }, nodeFromJson({ n: existing }), now)).toEqual({ n: 4 });
  });

  it('reads the existing value at the placeholder path, through objects and arrays', () => {
    const existing = nodeFromJson({ a: { b: 10 }, list: [100, 200], n: 1 });
    expect(
      resolveServerValues(
        { a: { b: increment(1) }, list: [increment(1), increment(2)], n: increment(1) },
        existing,
        now,
      ),
    ).toEqual({ a: { b: 11 }, list: [101, 202], n: 2 });
  });

  it('reads the node itself for a .value wrapper and leaves the priority alone', () => {
    expect(
      resolveServerValues(
        { '.value': increment(2), '.priority': 1 },
        nodeFromJson({ '.value': 3, '.priority': 9 }),
        now,
      ),
    ).toEqual({ '.value': 5, '.priority': 1 });
  });

  it('adds to a number at the write location itself', () => {
    expect(resolveServerValues(increment(-1), nodeFromJson(10), now)).toBe(9);
  });

  it.each([
    ['a string', '1'],
    ['null', null],
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['an object', { by: 1 }],
  ])('refuses %s as the delta', (_label, delta) => {
    expect(errorOf(() => resolveServerValues({ n: increment(delta) }, EMPTY_NODE, now))).toEqual({
      code: 'rtdb/invalid-server-value',
      message: 'Invalid data; increment server value needs a number',
    });
  });
});

describe('resolveServerValues: unknown server values', () => {
  it.each([
    ['an unknown name', 'now', '"now"'],
    ['a differently cased name', 'TIMESTAMP', '"TIMESTAMP"'],
    ['null', null, 'null'],
    ['a number', 1, '1'],
    ['an array', ['increment', 1], '["increment",1]'],
    ['an empty object', {}, '{}'],
    ['another operation', { decrement: 1 }, '{"decrement":1}'],
    ['increment with an extra key', { increment: 1, by: 2 }, '{"increment":1,"by":2}'],
    ['an extra key before increment', { by: 2, increment: 1 }, '{"by":2,"increment":1}'],
    ['undefined', undefined, 'undefined'],
  ])('refuses %s, quoting it', (_label, spec, shown) => {
    expect(errorOf(() => resolveServerValues({ a: { '.sv': spec } }, EMPTY_NODE, now))).toEqual({
      code: 'rtdb/invalid-server-value',
      message: `Invalid data; unrecognized server value ${shown}`,
    });
  });

  it('shortens a long quoted value to 57 characters and an ellipsis', () => {
    // JSON text of exactly 60 characters: shown whole.
    const sixty = 'x'.repeat(58);
    expect(errorOf(() => resolveServerValues({ '.sv': sixty }, EMPTY_NODE, now))?.message).toBe(
      `Invalid data; unrecognized server value "${sixty}"`,
    );
    // 61 characters: cut.
    const sixtyOne = 'x'.repeat(59);
    expect(errorOf(() => resolveServerValues({ '.sv': sixtyOne }, EMPTY_NODE, now))?.message).toBe(
      `Invalid data; unrecognized server value "${'x'.repeat(56)}...`,
    );
  });
});
