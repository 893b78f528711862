import { describe, expect, it } from 'vitest';
import { DEFAULT_NAMESPACE, isValidNamespace, resolveNamespace } from '../../src/core/namespace-resolver.js';
import { isRtdbError } from '../../src/core/rtdb-error.js';

describe('resolveNamespace', () => {
  it.each([
    // ?ns= wins over the host, kept as written
    ['MyDb', 'other.firebaseio.com', 'MyDb'],
    ['db-1', undefined, 'db-1'],
    ['a', 'localhost:9000', 'a'],
    // else the first label of a host with three labels or more, lower-cased, port ignored
    [null, 'mydb.firebaseio.com', 'mydb'],
    [null, 'MyDb.firebaseio.com:443', 'mydb'],
    [null, 'proj-default-rtdb.europe-west1.firebasedatabase.app', 'proj-default-rtdb'],
    // too few labels, an IP address, or a first label that is no namespace: the fallback
    [null, 'localhost:9000', 'fb'],
    [null, 'example.com', 'fb'],
    [null, '127.0.0.1:9000', 'fb'],
    [null, '10.0.0.1', 'fb'],
    [null, '[::1]:9000', 'fb'],
    [null, '[2001:db8::1]', 'fb'],
    [null, 'my_db.example.com', 'fb'],
    [null, '-db.example.com', 'fb'],
    [null, '.example.com', 'fb'],
    [null, undefined, 'fb'],
    [null, '', 'fb'],
  ])('ns=%j, Host %j → %s', (ns, host, expected) => {
    expect(resolveNamespace(ns, host, 'fb')).toBe(expected);
  });

  it('treats a colon at the very start as part of the name, not a port', () => {
    expect(resolveNamespace(null, ':a.b.c', 'fb')).toBe('fb');
  });

  it.each(['', 'has space', 'under_score', '-lead', 'a'.repeat(64), 'dot.ted'])(
    'refuses the ?ns= value %j with invalid-query',
    (ns) => {
      let error: unknown;
      try {
        resolveNamespace(ns, 'x.y.z', 'fb');
      } catch (caught) {
        error = caught;
      }
      expect(isRtdbError(error, 'rtdb/invalid-query')).toBe(true);
      expect((error as Error).message).toMatch(/^Invalid namespace ".*": use letters, digits and dashes$/);
    },
  );

  it('quotes at most 80 characters of a refused name', () => {
    expect(() => resolveNamespace(`${'x'.repeat(100)}!`, undefined, 'fb')).toThrow(`"${'x'.repeat(80)}"`);
  });
});

describe('isValidNamespace', () => {
  it.each([
    ['a', true],
    ['A1-b', true],
    ['0db', true],
    ['a'.repeat(63), true],
    ['a'.repeat(64), false],
    ['', false],
    ['-a', false],
    ['a_b', false],
    ['a.b', false],
    ['ab\n', false],
  ])('%j → %s', (name, valid) => {
    expect(isValidNamespace(name)).toBe(valid);
  });

  it('the default namespace is valid', () => {
    expect(DEFAULT_NAMESPACE).toBe('demo-iotkit-default-rtdb');
    expect(isValidNamespace(DEFAULT_NAMESPACE)).toBe(true);
  });
});
