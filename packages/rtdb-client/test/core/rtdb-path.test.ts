import { describe, expect, it } from 'vitest';
import { isRtdbClientError } from '../../src/core/rtdb-client-error.js';
import { formatPath, parsePath, validateKey } from '../../src/core/rtdb-path.js';

function invalidMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isRtdbClientError(error, 'rtdb-client/invalid-argument')) return error.message;
    throw error;
  }
  throw new Error('expected rtdb-client/invalid-argument');
}

describe('validateKey', () => {
  it('refuses the empty key, naming what was empty', () => {
    expect(invalidMessage(() => validateKey(''))).toBe('key must not be empty');
    expect(invalidMessage(() => validateKey('', 'child name'))).toBe('child name must not be empty');
  });

  it('refuses each forbidden character and control characters, quoting the key', () => {
    for (const bad of ['a.b', 'a$', '#', '[x', 'x]', 'a/b', '\u0000', '\u001f', '\u007f']) {
      expect(invalidMessage(() => validateKey(bad))).toBe(
        `key ${JSON.stringify(bad)} contains a character Firebase forbids (. $ # [ ] / or a control character)`,
      );
    }
  });

  it('accepts the characters next to the forbidden ones', () => {
    for (const fine of [' ', '\u0020', '~', '-', '_', 'é', '\u0080', '%2E', 'a b']) {
      expect(() => validateKey(fine)).not.toThrow();
    }
  });

  it('accepts .priority although it contains a dot', () => {
    expect(() => validateKey('.priority')).not.toThrow();
  });

  it('counts the limit in UTF-8 bytes: 768 pass, 769 do not', () => {
    expect(() => validateKey('k'.repeat(768))).not.toThrow();
    expect(invalidMessage(() => validateKey('k'.repeat(769)))).toBe('key is longer than 768 UTF-8 bytes');
    // Two bytes each: 384 characters are 768 bytes, 385 are 770.
    expect(() => validateKey('é'.repeat(384))).not.toThrow();
    expect(invalidMessage(() => validateKey('é'.repeat(385), 'name'))).toBe(
      'name is longer than 768 UTF-8 bytes',
    );
  });
});

describe('parsePath', () => {
  it('allows 32 levels and refuses 33, quoting the path', () => {
    const deep = (n: number): string => Array.from({ length: n }, () => 'x').join('/');
    expect(parsePath(deep(32))).toHaveLength(32);
    expect(invalidMessage(() => parsePath(deep(33)))).toBe(
      `path ${JSON.stringify(deep(33))} is deeper than 32 levels`,
    );
  });

  it('allows .priority as the last segment only', () => {
    expect(parsePath('a/.priority')).toEqual(['a', '.priority']);
    expect(parsePath('.priority')).toEqual(['.priority']);
    expect(invalidMessage(() => parsePath('a/.priority/b'))).toBe(
      '.priority may only end a path: "a/.priority/b"',
    );
  });

  it('names the path in a bad segment’s message', () => {
    expect(invalidMessage(() => parsePath('ok/a.b'))).toBe(
      'path segment of "ok/a.b": "a.b" contains a character Firebase forbids (. $ # [ ] / or a control character)',
    );
  });
});

describe('formatPath', () => {
  it('writes the root as / and other paths with a leading slash', () => {
    expect(formatPath([])).toBe('/');
    expect(formatPath(['a'])).toBe('/a');
    expect(formatPath(['a', 'b c'])).toBe('/a/b c');
  });
});
