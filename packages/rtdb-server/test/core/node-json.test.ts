import { describe, expect, it } from 'vitest';
import { EMPTY_NODE, nodeUpdateChild } from '../../src/core/data-node.js';
import { nodeFromJson, nodeToJson } from '../../src/core/node-json.js';
import { parsePath } from '../../src/core/path.js';
import { isRtdbError } from '../../src/core/rtdb-error.js';
import { resolveServerValues } from '../../src/core/server-values.js';

function codeOf(action: () => unknown): string | undefined {
  try {
    action();
  } catch (error) {
    return isRtdbError(error) ? error.code : 'not-an-rtdb-error';
  }
  return undefined;
}

describe('nodeFromJson / nodeToJson', () => {
  it('renders index maps as arrays only when dense enough', () => {
    expect(nodeToJson(nodeFromJson({ '0': 'a', '1': 'b', '3': 'd' }))).toEqual(['a', 'b', null, 'd']);
    expect(nodeToJson(nodeFromJson({ '0': 'a', '5': 'f' }))).toEqual({ '0': 'a', '5': 'f' });
    expect(nodeToJson(nodeFromJson({ '0': 'a', '01': 'b' }))).toEqual({ '0': 'a', '01': 'b' });
    expect(nodeToJson(nodeFromJson(['a', 'b']), { export: true })).toEqual({ '0': 'a', '1': 'b' });
  });

  it('drops nulls and empty objects, so empty parents vanish', () => {
    expect(nodeToJson(nodeFromJson({ a: null, b: {}, c: { d: null } }))).toBeNull();
    const tree = nodeFromJson({ a: { b: 1 } });
    expect(nodeToJson(nodeUpdateChild(tree, ['a', 'b'], EMPTY_NODE))).toBeNull();
  });

  it('keeps priorities in export form', () => {
    const value = { a: { '.value': 1, '.priority': 5 }, b: { c: true, '.priority': 'p' } };
    expect(nodeToJson(nodeFromJson(value), { export: true })).toEqual(value);
    expect(nodeToJson(nodeFromJson(value))).toEqual({ a: 1, b: { c: true } });
  });

  it('refuses invalid data with stable codes', () => {
    expect(codeOf(() => nodeFromJson({ 'a.b': 1 }))).toBe('rtdb/invalid-key');
    expect(codeOf(() => nodeFromJson({ 'a/b': 1 }))).toBe('rtdb/invalid-key');
    expect(codeOf(() => nodeFromJson({ '': 1 }))).toBe('rtdb/invalid-key');
    expect(codeOf(() => nodeFromJson({ ['k'.repeat(769)]: 1 }))).toBe('rtdb/invalid-key');
    expect(codeOf(() => nodeFromJson({ '.value': 1, other: 2 }))).toBe('rtdb/invalid-data');
    expect(codeOf(() => nodeFromJson({ '.value': 1, '.priority': true }))).toBe('rtdb/invalid-data');
    expect(codeOf(() => nodeFromJson({ x: { '.sv': 'timestamp' } }))).toBe('rtdb/invalid-server-value');
    expect(codeOf(() => nodeFromJson('x'.repeat(10 * 1024 * 1024 + 1)))).toBe('rtdb/invalid-data');
  });

  it('limits depth to 32 levels counted from the root', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 33; i += 1) deep = { k: deep };
    expect(codeOf(() => nodeFromJson(deep))).toBe('rtdb/invalid-data');
    let ok: unknown = 1;
    for (let i = 0; i < 32; i += 1) ok = { k: ok };
    expect(codeOf(() => nodeFromJson(ok))).toBeUndefined();
    expect(codeOf(() => nodeFromJson(ok, { baseDepth: 1 }))).toBe('rtdb/invalid-data');
  });
});

describe('resolveServerValues', () => {
  it('resolves timestamps and increments against existing data', () => {
    const existing = nodeFromJson({ n: 5, s: 'text' });
    const resolved = resolveServerValues(
      {
        t: { '.sv': 'timestamp' },
        n: { '.sv': { increment: 2 } },
        s: { '.sv': { increment: 1 } },
        m: { '.sv': { increment: 1.5 } },
      },
      existing,
      1234,
    );
    expect(resolved).toEqual({ t: 1234, n: 7, s: 1, m: 1.5 });
  });

  it('refuses unknown server values', () => {
    expect(codeOf(() => resolveServerValues({ '.sv': 'now' }, EMPTY_NODE, 1))).toBe(
      'rtdb/invalid-server-value',
    );
    expect(codeOf(() => resolveServerValues({ '.sv': { increment: 'x' } }, EMPTY_NODE, 1))).toBe(
      'rtdb/invalid-server-value',
    );
    expect(codeOf(() => resolveServerValues({ '.sv': { decrement: 1 } }, EMPTY_NODE, 1))).toBe(
      'rtdb/invalid-server-value',
    );
  });
});

describe('parsePath', () => {
  it('drops empty segments', () => {
    expect(parsePath('/a//b/')).toEqual(['a', 'b']);
    expect(parsePath('/')).toEqual([]);
  });

  it('refuses forbidden characters, long keys and deep paths', () => {
    for (const bad of ['a.b', 'a$', 'a#b', 'a[0]', 'x]', 'a\u0001b', 'del\u007f']) {
      expect(codeOf(() => parsePath(bad))).toBe('rtdb/invalid-path');
    }
    expect(codeOf(() => parsePath('é'.repeat(385)))).toBe('rtdb/invalid-path');
    expect(codeOf(() => parsePath('é'.repeat(384)))).toBeUndefined();
    expect(codeOf(() => parsePath(Array.from({ length: 33 }, () => 'a').join('/')))).toBe(
      'rtdb/invalid-path',
    );
    expect(parsePath('a/.priority', { allowPriorityLeaf: true })).toEqual(['a', '.priority']);
  });
});
