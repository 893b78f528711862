import { describe, expect, it, vi } from 'vitest';
import {
  keyProblem,
  MAX_DEPTH,
  MAX_KEY_BYTES,
  parsePath,
  pathChild,
  pathEquals,
  pathIsAncestorOrSelf,
  pathParent,
  pathRelative,
  pathToString,
} from '../../src/core/path.js';
import { thrownError as failure } from './thrown-error.js';

/** `n` segments named `s`, joined by slashes. */
function depth(n: number): string {
  return Array.from({ length: n }, () => 's').join('/');
}

describe('limits', () => {
  it('follows the documented RTDB limits', () => {
    expect(MAX_DEPTH).toBe(32);
    expect(MAX_KEY_BYTES).toBe(768);
  });
});

describe('keyProblem', () => {
  it.each([
    ['a'],
    ['users'],
    ['-NxPushId_123'],
    ['with space'],
    ['tilde~'],
    ['quote"and\'apostrophe'],
    ['percent%and&amp'],
    ['émoji 🔥'],
    ['\u0080 just above DEL'],
    ['!'],
    ['*'],
    ['back\\slash'],
    ['{braces}'],
    ['(parens)'],
    ['0'],
    ['-1'],
  ])('accepts %j', (key) => {
    expect(keyProblem(key)).toBeNull();
  });

  it('refuses the empty key', () => {
    expect(keyProblem('')).toBe('keys must be non-empty strings');
  });

  it.each([
    ['a.b', 'a.b'],
    ['.', '.'],
    ['$key', '$key'],
    ['a#', 'a#'],
    ['[', '['],
    ['x]', 'x]'],
    ['a/b', 'a/b'],
    ['nul\u0000', 'nul\\u0000'],
    ['tab\tx', 'tab\\u0009x'],
    ['line\nbreak', 'line\\u000abreak'],
    ['unit\u001fsep', 'unit\\u001fsep'],
    ['del\u007f', 'del\\u007f'],
  ])('refuses %j, naming the key in printable form', (key, shown) => {
    expect(keyProblem(key)).toBe(
      `key "${shown}" contains a forbidden character (. $ # [ ] / or a control character)`,
    );
  });

  it.each([
    ['768 ASCII bytes', 'k'.repeat(768), true],
    ['769 ASCII bytes', 'k'.repeat(769), false],
    ['257 ASCII characters (well under the limit)', 'k'.repeat(257), true],
    ['384 two-byte characters (768 bytes)', 'é'.repeat(384), true],
    ['385 two-byte characters (770 bytes)', 'é'.repeat(385), false],
    ['256 three-byte characters (768 bytes)', '€'.repeat(256), true],
    ['257 three-byte characters (771 bytes)', '€'.repeat(257), false],
    ['192 four-byte characters (768 bytes)', '😀'.repeat(192), true],
    ['193 four-byte characters (772 bytes)', '😀'.repeat(193), false],
  ])('measures the key length in UTF-8 bytes: %s', (_label, key, valid) => {
    expect(keyProblem(key)).toBe(valid ? null : 'key is longer than 768 bytes');
  });
});

describe('parsePath', () => {
  it.each([
    ['', []],
    ['/', []],
    ['//', []],
    ['a', ['a']],
    ['/a', ['a']],
    ['a/', ['a']],
    ['/a/b/c', ['a', 'b', 'c']],
    ['a//b///c/', ['a', 'b', 'c']],
    ['/users/-Nx1/name', ['users', '-Nx1', 'name']],
  ])('splits %j into segments', (text, segments) => {
    expect(parsePath(text)).toEqual(segments);
  });

  it.each([
    ['a.b'],
    ['/ok/$bad'],
    ['/ok/#'],
    ['/ok/[0]'],
    ['/ok/x]/y'],
    ['/ok/line\nbreak'],
    ['/ok/del\u007f'],
  ])('refuses %j with rtdb/invalid-path', (text) => {
    const error = failure(() => parsePath(text));
    expect(error?.code).toBe('rtdb/invalid-path');
    expect(error?.message).toContain('contains a forbidden character');
  });

  it('names the whole path and the problem in the message, escaping control characters', () => {
    expect(failure(() => parsePath('/a/b\u0001c/\u0002'))).toEqual({
      code: 'rtdb/invalid-path',
      message:
        'Invalid path "/a/b\\u0001c/\\u0002": key "b\\u0001c" contains a forbidden character ' +
        '(. $ # [ ] / or a control character)',
    });
    expect(failure(() => parsePath('/x/' + 'k'.repeat(769)))?.message).toContain(
      ': key is longer than 768 bytes',
    );
  });

  it('shortens a long path in the message to 77 characters and an ellipsis', () => {
    // 80 characters in all: shown whole.
    const eighty = '/' + 'p'.repeat(76) + '/a.';
    expect(eighty).toHaveLength(80);
    expect(failure(() => parsePath(eighty))?.message).toBe(
      `Invalid path "${eighty}": key "a." contains a forbidden character (. $ # [ ] / or a control character)`,
    );
    // 81 characters: cut.
    const eightyOne = '/' + 'p'.repeat(77) + '/a.';
    expect(eightyOne).toHaveLength(81);
    expect(failure(() => parsePath(eightyOne))?.message).toBe(
      `Invalid path "/${'p'.repeat(76)}...": key "a." contains a forbidden character (. $ # [ ] / or a control character)`,
    );
  });

  it('counts escaped control characters when shortening', () => {
    // 20 control characters print as 120 characters, more than 80.
    const text = 'a' + '\u0001'.repeat(20);
    const message = failure(() => parsePath(text))?.message ?? '';
    const shownPath = message.slice('Invalid path "'.length, message.indexOf('": '));
    expect(shownPath).toBe('a' + '\\u0001'.repeat(12) + '\\u00...');
    expect(shownPath).toHaveLength(80);
  });

  it('allows 32 levels and refuses 33', () => {
    expect(parsePath(depth(32))).toHaveLength(32);
    expect(failure(() => parsePath(depth(33)))).toEqual({
      code: 'rtdb/invalid-path',
      message: 'Invalid path: deeper than 32 levels',
    });
  });

  it('does not count empty segments towards the depth', () => {
    expect(parsePath('//' + depth(32).replaceAll('/', '//') + '//')).toHaveLength(32);
  });

  describe('.priority leaf', () => {
    it('is a forbidden key unless allowed', () => {
      expect(failure(() => parsePath('/a/.priority'))?.code).toBe('rtdb/invalid-path');
      expect(failure(() => parsePath('/a/.priority', {}))?.code).toBe('rtdb/invalid-path');
      expect(failure(() => parsePath('/a/.priority', { allowPriorityLeaf: false }))?.code).toBe(
        'rtdb/invalid-path',
      );
    });

    it.each([
      ['/a/.priority', ['a', '.priority']],
      ['/.priority', ['.priority']],
      ['/a/b/.priority/', ['a', 'b', '.priority']],
    ])('is accepted as the last segment of %j when allowed', (text, segments) => {
      expect(parsePath(text, { allowPriorityLeaf: true })).toEqual(segments);
    });

    it.each([['/.priority/a'], ['/a/.priority/b'], ['/a/.value'], ['/a/.priority.x'], ['/a.b/.priority']])(
      'still refuses %j when allowed (only a final .priority is special)',
      (text) => {
        expect(failure(() => parsePath(text, { allowPriorityLeaf: true }))?.code).toBe('rtdb/invalid-path');
      },
    );

    it('still checks a final segment that is not .priority', () => {
      expect(failure(() => parsePath('/a/' + 'k'.repeat(769), { allowPriorityLeaf: true }))?.code).toBe(
        'rtdb/invalid-path',
      );
    });
  });
});

describe('pathToString', () => {
  it.each([
    [[], '/'],
    [['a'], '/a'],
    [['a', 'b', 'c'], '/a/b/c'],
  ])('renders %j as %j', (path, text) => {
    expect(pathToString(path)).toBe(text);
  });
});

describe('pathChild', () => {
  it.each([
    [[], 'a', ['a']],
    [['a'], 'bb', ['a', 'bb']],
    [['a'], 'bb/cc', ['a', 'bb', 'cc']],
    [['a'], '/bb//cc/', ['a', 'bb', 'cc']],
    [['a'], '', ['a']],
    [['a'], ['bb', 'cc'], ['a', 'bb', 'cc']],
    [['a', 'b'], [], ['a', 'b']],
  ])('extends %j by %j', (path, child, expected) => {
    expect(pathChild(path, child)).toEqual(expected);
  });

  it('leaves the original path unchanged', () => {
    const path = ['a'];
    pathChild(path, 'b');
    expect(path).toEqual(['a']);
  });
});

describe('pathParent', () => {
  it.each([
    [[], null],
    [['a'], []],
    [['a', 'b'], ['a']],
    [
      ['a', 'b', 'c'],
      ['a', 'b'],
    ],
  ])('gives the parent of %j as %j', (path, parent) => {
    expect(pathParent(path)).toEqual(parent);
  });
});

describe('pathIsAncestorOrSelf / pathEquals', () => {
  it.each([
    [[], [], true, true],
    [[], ['a'], true, false],
    [['a'], ['a'], true, true],
    [['a'], ['a', 'b'], true, false],
    [['a', 'b'], ['a', 'b', 'c'], true, false],
    [['a', 'b'], ['a', 'b'], true, true],
    [['a', 'b'], ['a'], false, false],
    [['a'], [], false, false],
    [['a'], ['b'], false, false],
    [['a', 'x'], ['a', 'b', 'c'], false, false],
    [['x', 'b'], ['a', 'b'], false, false],
    [['a', 'b'], ['a', 'c'], false, false],
  ])('%j vs %j: ancestor-or-self %s, equal %s', (a, b, ancestor, equal) => {
    expect(pathIsAncestorOrSelf(a, b)).toBe(ancestor);
    expect(pathEquals(a, b)).toBe(equal);
    expect(pathEquals(b, a)).toBe(equal);
  });
});

describe('pathRelative', () => {
  it.each([
    [[], ['a', 'b'], ['a', 'b']],
    [['a'], ['a', 'b', 'c'], ['b', 'c']],
    [['a', 'b'], ['a', 'b'], []],
  ])('gives %j relative to %j', (a, b, relative) => {
    expect(pathRelative(a, b)).toEqual(relative);
  });
});

describe('a freshly loaded module', () => {
  // The key patterns are built when the module loads; a fresh copy must apply the same rules.
  it('applies the same key rules and escapes control characters', async () => {
    vi.resetModules();
    const fresh = await import('../../src/core/path.js');
    expect(fresh.keyProblem('plain key')).toBeNull();
    expect(fresh.keyProblem('a#b')).toBe(
      'key "a#b" contains a forbidden character (. $ # [ ] / or a control character)',
    );
    expect(fresh.keyProblem('tab\tx')).toBe(
      'key "tab\\u0009x" contains a forbidden character (. $ # [ ] / or a control character)',
    );
    expect(fresh.parsePath('/a/b')).toEqual(['a', 'b']);
  });
});
