import { describe, expect, it } from 'vitest';
import { ValueCache } from '../../src/stream/value-cache.js';

describe('ValueCache', () => {
  it('starts with the first put at / and follows puts and patches below it', () => {
    const cache = new ValueCache();
    cache.apply({ type: 'put', path: '/', data: { a: 1, b: { c: true } } });
    cache.apply({ type: 'put', path: '/b/d', data: 'x' });
    expect(cache.value()).toEqual({ a: 1, b: { c: true, d: 'x' } });
    cache.apply({ type: 'patch', path: '/b', data: { c: false, 'e/f': 2 } });
    expect(cache.value()).toEqual({ a: 1, b: { c: false, d: 'x', e: { f: 2 } } });
  });

  it('deletes with null and prunes parents left empty', () => {
    const cache = new ValueCache();
    cache.apply({ type: 'put', path: '/', data: { a: { b: { c: 1 } }, z: 1 } });
    cache.apply({ type: 'put', path: '/a/b/c', data: null });
    expect(cache.value()).toEqual({ z: 1 });
    cache.apply({ type: 'patch', path: '/', data: { z: null } });
    expect(cache.value()).toBeNull();
  });

  it('replaces everything on a new put at / (what a reconnection sends)', () => {
    const cache = new ValueCache();
    cache.apply({ type: 'put', path: '/', data: { old: 1 } });
    cache.apply({ type: 'put', path: '/', data: { fresh: 2 } });
    expect(cache.value()).toEqual({ fresh: 2 });
  });

  it('stores arrays as maps but renders array-like maps as arrays, like a REST read', () => {
    const cache = new ValueCache();
    cache.apply({ type: 'put', path: '/', data: ['a', 'b'] });
    cache.apply({ type: 'put', path: '/3', data: 'd' });
    expect(cache.value()).toEqual(['a', 'b', null, 'd']);
    cache.apply({ type: 'put', path: '/9', data: 'far' });
    expect(cache.value()).toEqual({ '0': 'a', '1': 'b', '3': 'd', '9': 'far' });
  });

  it('holds a primitive at the root and replaces it with a tree', () => {
    const cache = new ValueCache();
    cache.apply({ type: 'put', path: '/', data: 5 });
    expect(cache.value()).toBe(5);
    cache.apply({ type: 'put', path: '/x', data: 1 });
    expect(cache.value()).toEqual({ x: 1 });
  });
});
