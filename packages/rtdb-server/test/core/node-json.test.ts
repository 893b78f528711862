import { describe, expect, it, vi } from 'vitest';
import { EMPTY_NODE, leafNode, nodeUpdateChild } from '../../src/core/data-node.js';
import { nodeFromJson, nodeJsonText, nodeToJson } from '../../src/core/node-json.js';
import { parsePath } from '../../src/core/path.js';
import { resolveServerValues } from '../../src/core/server-values.js';
import { thrownCode as codeOf, thrownError as errorOf } from './thrown-error.js';

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

/** `levels` nested objects `{ k: { k: … value } }`. */
function nested(levels: number, value: unknown): unknown {
  let out = value;
  for (let i = 0; i < levels; i += 1) out = { k: out };
  return out;
}

describe('nodeFromJson: leaves and empty values', () => {
  it.each([
    [true, true],
    [false, false],
    [0, 0],
    [-12.5, -12.5],
    ['', ''],
    ['text', 'text'],
  ])('keeps the leaf %j', (json, leaf) => {
    const node = nodeFromJson(json);
    expect(node.leaf).toBe(leaf);
    expect(node.children).toBeUndefined();
    expect(node.priority).toBeNull();
  });

  it.each([[null], [undefined], [{}], [[]], [[null, null]], [{ a: null }], [{ '.priority': 3 }]])(
    'treats %j as empty',
    (json) => {
      expect(nodeFromJson(json)).toBe(EMPTY_NODE);
    },
  );

  it.each([
    ['NaN', Number.NaN],
    ['Infinity', Number.POSITIVE_INFINITY],
    ['-Infinity', Number.NEGATIVE_INFINITY],
  ])('refuses %s with a message about finite numbers', (_label, value) => {
    expect(errorOf(() => nodeFromJson({ n: value }))).toEqual({
      code: 'rtdb/invalid-data',
      message: 'Invalid data; numbers must be finite',
    });
  });

  it.each([
    ['a function', () => 1, 'function'],
    ['a bigint', 10n, 'bigint'],
    ['a symbol', Symbol('s'), 'symbol'],
  ])('refuses %s even without validation', (_label, value, type) => {
    const expected = {
      code: 'rtdb/invalid-data',
      message: `Invalid data; unsupported value of type ${type}`,
    };
    expect(errorOf(() => nodeFromJson({ a: value }))).toEqual(expected);
    expect(errorOf(() => nodeFromJson({ a: value }, false))).toEqual(expected);
  });
});

describe('nodeFromJson: string size limit (10 MiB of UTF-8)', () => {
  const limit = 10 * 1024 * 1024;

  it('accepts exactly 10 MiB and refuses one byte more', () => {
    expect(nodeFromJson('a'.repeat(limit)).leaf).toHaveLength(limit);
    expect(errorOf(() => nodeFromJson({ s: 'a'.repeat(limit + 1) }))).toEqual({
      code: 'rtdb/invalid-data',
      message: `Invalid data; string values must be at most ${limit} bytes`,
    });
  });

  it('counts bytes, not characters', () => {
    // 4 Mi characters of ASCII are only 4 MiB.
    expect(nodeFromJson('a'.repeat(4 * 1024 * 1024)).leaf).toHaveLength(4 * 1024 * 1024);
    // 4 Mi two-byte characters are 8 MiB: fine; 5 Mi + 1 of them are 2 bytes over the limit.
    expect(errorOf(() => nodeFromJson('é'.repeat(4 * 1024 * 1024)))).toBeUndefined();
    expect(errorOf(() => nodeFromJson('é'.repeat(5 * 1024 * 1024 + 1)))?.code).toBe('rtdb/invalid-data');
  });

  it('skips the size check without validation', () => {
    expect(nodeFromJson('a'.repeat(limit + 1), false).leaf).toHaveLength(limit + 1);
  });
});

describe('nodeFromJson: arrays', () => {
  it.each([
    [['a', 'b'], { '0': 'a', '1': 'b' }],
    [[null, 'b'], { '1': 'b' }],
    [['a', null, {}, 'd'], { '0': 'a', '3': 'd' }],
    [[['x'], { y: 1 }], { '0': { '0': 'x' }, '1': { y: 1 } }],
  ])('stores %j as a map keyed by index', (json, exported) => {
    expect(nodeToJson(nodeFromJson(json), { export: true })).toEqual(exported);
  });

  it('counts array nesting towards the depth limit', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 33; i += 1) deep = [deep];
    expect(errorOf(() => nodeFromJson(deep))).toEqual({
      code: 'rtdb/invalid-data',
      message: 'Invalid data; data is nested deeper than 32 levels',
    });
    let ok: unknown = 1;
    for (let i = 0; i < 32; i += 1) ok = [ok];
    expect(errorOf(() => nodeFromJson(ok))).toBeUndefined();
  });
});

describe('nodeFromJson: .value and .priority', () => {
  it.each([
    [{ '.value': 'v', '.priority': 1 }, 'v', 1],
    [{ '.value': 0, '.priority': 'p' }, 0, 'p'],
    [{ '.value': false, '.priority': 0 }, false, 0],
    [{ '.value': 'v', '.priority': null }, 'v', null],
    [{ '.value': 'v' }, 'v', null],
  ])('reads %j as a leaf with a priority', (json, leaf, priority) => {
    const node = nodeFromJson(json);
    expect(node.leaf).toBe(leaf);
    expect(node.priority).toBe(priority);
  });

  it('gives a .value object its children and the priority', () => {
    const node = nodeFromJson({ '.value': { a: 1, b: { c: 2 } }, '.priority': 9 });
    expect(node.priority).toBe(9);
    expect(node.leaf).toBeUndefined();
    expect(nodeToJson(node, { export: true })).toEqual({ a: 1, b: { c: 2 }, '.priority': 9 });
  });

  it('treats an empty .value as empty, priority and all', () => {
    expect(nodeFromJson({ '.value': null, '.priority': 4 })).toBe(EMPTY_NODE);
    expect(nodeFromJson({ '.value': {}, '.priority': 4 })).toBe(EMPTY_NODE);
  });

  it('gives a plain object its priority and keeps .priority out of the children', () => {
    const node = nodeFromJson({ b: 2, a: 1, '.priority': 'top' });
    expect(node.priority).toBe('top');
    expect([...node.children!.keys()].sort()).toEqual(['a', 'b']);
    expect(nodeFromJson({ a: 1, '.priority': null }).priority).toBeNull();
  });

  it('names the foreign key when .value is mixed with children', () => {
    expect(errorOf(() => nodeFromJson({ '.value': 1, '.priority': 2, extra: 3 }))).toEqual({
      code: 'rtdb/invalid-data',
      message: 'Invalid data; ".value" cannot be mixed with other children ("extra")',
    });
  });

  it.each([[true], [{}], [[1]]])('refuses the priority %j', (priority) => {
    expect(errorOf(() => nodeFromJson({ a: 1, '.priority': priority }))).toEqual({
      code: 'rtdb/invalid-data',
      message: 'Invalid data; a priority must be a number, a string or null',
    });
  });

  it('does not add a level of depth for a .value wrapper', () => {
    expect(errorOf(() => nodeFromJson(nested(32, { '.value': 1, '.priority': 1 })))).toBeUndefined();
    expect(errorOf(() => nodeFromJson(nested(31, { k: { '.value': 1 } })))).toBeUndefined();
  });
});

describe('nodeFromJson: keys and server values', () => {
  it('quotes at most 80 characters of a bad key in the message', () => {
    const key = 'bad.' + 'x'.repeat(100);
    expect(errorOf(() => nodeFromJson({ ok: { [key]: 1 } }))).toEqual({
      code: 'rtdb/invalid-key',
      message:
        `Invalid data; couldn't parse key "${key.slice(0, 80)}": ` +
        `key "${key.slice(0, 77)}..." contains a forbidden character (. $ # [ ] / or a control character)`,
    });
  });

  it('refuses an unresolved server value at the top level and deeper', () => {
    const expected = {
      code: 'rtdb/invalid-server-value',
      message: 'Invalid data; unrecognized server value',
    };
    expect(errorOf(() => nodeFromJson({ '.sv': 'timestamp' }))).toEqual(expected);
    expect(errorOf(() => nodeFromJson([{ '.sv': { increment: 1 } }]))).toEqual(expected);
  });
});

describe('nodeFromJson: options', () => {
  it('validates by default and with an options object that leaves validate out', () => {
    for (const options of [undefined, true, {}, { baseDepth: 0 }, { validate: true }]) {
      expect(errorOf(() => nodeFromJson({ 'a.b': 1 }, options))?.code).toBe('rtdb/invalid-key');
      expect(errorOf(() => nodeFromJson(nested(33, 1), options))?.code).toBe('rtdb/invalid-data');
    }
  });

  it.each([[false], [{ validate: false }], [{ validate: false, baseDepth: 5 }]])(
    'skips checks with %j (data already validated)',
    (options) => {
      expect(nodeToJson(nodeFromJson({ 'a.b': 1, n: Number.NaN }, options))).toEqual({
        'a.b': 1,
        n: Number.NaN,
      });
      expect(errorOf(() => nodeFromJson(nested(40, 1), options))).toBeUndefined();
      expect(nodeFromJson({ '.value': 1, '.priority': true, x: 2 }, options).priority).toBeNull();
      expect(nodeFromJson({ '.value': 1, '.priority': true, x: 2 }, options).leaf).toBe(1);
    },
  );

  it('counts the depth from baseDepth', () => {
    expect(errorOf(() => nodeFromJson(nested(30, 1), { baseDepth: 2 }))).toBeUndefined();
    expect(errorOf(() => nodeFromJson(nested(30, 1), { baseDepth: 3 }))?.code).toBe('rtdb/invalid-data');
    expect(errorOf(() => nodeFromJson(1, { baseDepth: 32 }))).toBeUndefined();
    expect(errorOf(() => nodeFromJson(1, { baseDepth: 33 }))?.code).toBe('rtdb/invalid-data');
  });
});

describe('nodeToJson', () => {
  it('gives null for the empty node in both forms', () => {
    expect(nodeToJson(EMPTY_NODE)).toBeNull();
    expect(nodeToJson(EMPTY_NODE, { export: true })).toBeNull();
  });

  it('wraps a leaf in .value only in export form and only with a priority', () => {
    expect(nodeToJson(leafNode('v', 3))).toBe('v');
    expect(nodeToJson(leafNode('v', 3), { export: true })).toEqual({ '.value': 'v', '.priority': 3 });
    expect(nodeToJson(leafNode('v'), { export: true })).toBe('v');
    expect(nodeToJson(leafNode(false, 'p'), { export: true })).toEqual({ '.value': false, '.priority': 'p' });
  });

  it('adds .priority to an object only in export form', () => {
    const node = nodeFromJson({ a: 1, '.priority': 2 });
    expect(nodeToJson(node)).toEqual({ a: 1 });
    expect(nodeToJson(node, { export: true })).toEqual({ a: 1, '.priority': 2 });
    expect(nodeToJson(nodeFromJson({ a: 1 }), { export: true })).not.toHaveProperty('.priority');
  });

  it.each([
    ['one index key', { '0': 'a' }, ['a']],
    ['a leading hole', { '1': 'b' }, [null, 'b']],
    ['holes up to just under twice the count', { '0': 'a', '2': 'c' }, ['a', null, 'c']],
    ['odd indexes', { '1': 'b', '3': 'd' }, [null, 'b', null, 'd']],
    ['largest index equal to twice the count', { '0': 'a', '4': 'e' }, { '0': 'a', '4': 'e' }],
    ['a single key at index 2', { '2': 'c' }, { '2': 'c' }],
    ['a non-index key', { '0': 'a', x: 'b' }, { '0': 'a', x: 'b' }],
    ['a negative key', { '0': 'a', '-1': 'b' }, { '0': 'a', '-1': 'b' }],
    ['a leading zero', { '00': 'a' }, { '00': 'a' }],
    ['nested arrays', { '0': { '0': 'x', '1': 'y' } }, [['x', 'y']]],
  ])('plain form with %s', (_label, json, expected) => {
    expect(nodeToJson(nodeFromJson(json))).toEqual(expected);
  });

  it('never renders arrays in export form, at any depth', () => {
    expect(nodeToJson(nodeFromJson({ a: ['x', 'y'] }), { export: true })).toEqual({
      a: { '0': 'x', '1': 'y' },
    });
  });

  it('lists children by priority in plain form and by key in export form', () => {
    const node = nodeFromJson({
      c: { '.value': 1, '.priority': 1 },
      a: { '.value': 3, '.priority': 3 },
      b: { '.value': 2, '.priority': 2 },
    });
    expect(Object.keys(nodeToJson(node) as object)).toEqual(['c', 'b', 'a']);
    expect(Object.keys(nodeToJson(node, { export: true }) as object)).toEqual(['a', 'b', 'c']);
    expect(nodeJsonText(node)).toBe('{"c":1,"b":2,"a":3}');
  });
});

describe('nodeJsonText', () => {
  it('is the JSON text of the plain form', () => {
    expect(nodeJsonText(EMPTY_NODE)).toBe('null');
    expect(nodeJsonText(leafNode('x', 1))).toBe('"x"');
    // Children without a priority come before those with one.
    expect(nodeJsonText(nodeFromJson({ b: [1, 2], a: { '.value': true, '.priority': 1 } }))).toBe(
      '{"b":[1,2],"a":true}',
    );
  });

  it('serialises a node with children once and leaves and very large texts each time', () => {
    const stringify = vi.spyOn(JSON, 'stringify');
    try {
      const small = nodeFromJson({ a: 1, b: 'two' });
      expect(nodeJsonText(small)).toBe('{"a":1,"b":"two"}');
      expect(nodeJsonText(small)).toBe('{"a":1,"b":"two"}');
      expect(stringify).toHaveBeenCalledTimes(1);

      stringify.mockClear();
      const leaf = leafNode('x');
      nodeJsonText(leaf);
      nodeJsonText(leaf);
      expect(stringify).toHaveBeenCalledTimes(2);

      // Exactly 64 KiB of text is kept; one character more is not.
      const atLimit = nodeFromJson({ a: 'x'.repeat(64 * 1024 - 8) });
      const overLimit = nodeFromJson({ a: 'x'.repeat(64 * 1024 - 7) });
      stringify.mockClear();
      expect(nodeJsonText(atLimit)).toHaveLength(64 * 1024);
      nodeJsonText(atLimit);
      expect(stringify).toHaveBeenCalledTimes(1);
      stringify.mockClear();
      expect(nodeJsonText(overLimit)).toHaveLength(64 * 1024 + 1);
      nodeJsonText(overLimit);
      expect(stringify).toHaveBeenCalledTimes(2);
    } finally {
      stringify.mockRestore();
    }
  });
});
