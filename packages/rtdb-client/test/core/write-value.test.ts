import { describe, expect, it } from 'vitest';
import { isRtdbClientError } from '../../src/core/rtdb-client-error.js';
import { parsePath } from '../../src/core/rtdb-path.js';
import { increment, serverTimestamp } from '../../src/core/server-value.js';
import { validateWriteValue } from '../../src/core/write-value.js';

function invalidMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isRtdbClientError(error, 'rtdb-client/invalid-argument')) return error.message;
    throw error;
  }
  throw new Error('expected rtdb-client/invalid-argument');
}

describe('validateWriteValue', () => {
  it('accepts null, which deletes', () => {
    expect(() => validateWriteValue(null)).not.toThrow();
  });

  it('accepts JSON values, server values and export wrappers', () => {
    expect(() =>
      validateWriteValue({
        a: [1, null, 'x'],
        b: { c: true },
        ts: serverTimestamp(),
        n: increment(2),
        p: { '.value': 1, '.priority': 2 },
      }),
    ).not.toThrow();
  });

  it('names the offending part of the value', () => {
    expect(invalidMessage(() => validateWriteValue({ a: { b: undefined } }))).toContain('value.a.b');
    expect(invalidMessage(() => validateWriteValue({ n: Number.NaN }))).toContain(
      'NaN is not a finite number',
    );
    expect(invalidMessage(() => validateWriteValue({ f: () => 1 }))).toContain('function');
    expect(invalidMessage(() => validateWriteValue({ 'bad.key': 1 }))).toContain('"bad.key"');
    expect(invalidMessage(() => validateWriteValue(new Date()))).toContain('plain objects');
    expect(invalidMessage(() => validateWriteValue(10n))).toContain('bigint');
  });
});

describe('validateWriteValue, element by element', () => {
  it('checks every array element and names its index', () => {
    expect(invalidMessage(() => validateWriteValue([1, Number.NaN]))).toBe(
      'value[1]: NaN is not a finite number',
    );
    expect(invalidMessage(() => validateWriteValue({ list: ['a', { 'b.c': 1 }] }))).toBe(
      'value.list[1]: key "b.c" contains a character Firebase forbids (. $ # [ ] / or a control character)',
    );
    expect(invalidMessage(() => validateWriteValue([[Symbol('s')]]))).toBe(
      'value[0][0]: a symbol cannot be stored (only JSON values)',
    );
  });

  it('lets array holes through (JSON writes them as null)', () => {
    expect(() => validateWriteValue([1, undefined, null, 2])).not.toThrow();
  });

  it('refuses undefined object members with the path to them', () => {
    expect(invalidMessage(() => validateWriteValue({ a: undefined }, 'set(/x)'))).toBe(
      'set(/x).a: undefined cannot be stored (use null to delete)',
    );
  });

  it('refuses undefined and non-finite numbers at the top, with the given name', () => {
    expect(invalidMessage(() => validateWriteValue(undefined, 'update'))).toBe(
      'update: a undefined cannot be stored (only JSON values)',
    );
    expect(invalidMessage(() => validateWriteValue(Number.NEGATIVE_INFINITY))).toBe(
      'value: -Infinity is not a finite number',
    );
  });

  it('accepts objects without a prototype, and leaves the inside of .sv to the server', () => {
    const bare = Object.assign(Object.create(null) as Record<string, unknown>, { a: 1 });
    expect(() => validateWriteValue(bare)).not.toThrow();
    expect(() => validateWriteValue({ '.sv': { 'odd.key': Number.NaN } })).not.toThrow();
    expect(invalidMessage(() => validateWriteValue({ '.value': Number.NaN }))).toBe(
      'value..value: NaN is not a finite number',
    );
  });

  it('refuses class instances other than plain objects and arrays', () => {
    expect(invalidMessage(() => validateWriteValue({ when: new Map() }))).toBe(
      'value.when: only plain objects, arrays and JSON primitives can be stored',
    );
  });
});

describe('parsePath', () => {
  it('drops empty segments and validates each one', () => {
    expect(parsePath('/a//b/')).toEqual(['a', 'b']);
    expect(parsePath('')).toEqual([]);
    expect(invalidMessage(() => parsePath('a/b#c'))).toContain('forbids');
    expect(invalidMessage(() => parsePath('a/\u0001'))).toContain('forbids');
    expect(invalidMessage(() => parsePath(Array.from({ length: 33 }, () => 'x').join('/')))).toContain(
      'deeper than 32',
    );
    expect(invalidMessage(() => parsePath('k'.repeat(769)))).toContain('768');
    expect(invalidMessage(() => parsePath('.priority/a'))).toContain('.priority');
  });
});

describe('server values', () => {
  it('produce the .sv placeholders', () => {
    expect(serverTimestamp()).toEqual({ '.sv': 'timestamp' });
    expect(increment(-3)).toEqual({ '.sv': { increment: -3 } });
    expect(invalidMessage(() => increment(Number.POSITIVE_INFINITY))).toContain('finite');
  });
});
