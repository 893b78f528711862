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
