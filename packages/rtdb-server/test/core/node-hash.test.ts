import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { doubleToHex, nodeHash } from '../../src/core/node-hash.js';
import { nodeFromJson, nodeToJson } from '../../src/core/node-json.js';
import { SdkOracle } from './sdk-oracle.js';

const oracle = new SdkOracle();
afterAll(() => oracle.close());

const trees: [string, unknown][] = [
  ['a string leaf', 'hello'],
  ['true', true],
  ['false', false],
  ['zero', 0],
  ['0.1', 0.1],
  ['1e21', 1e21],
  ['a negative float', -123.456],
  ['the smallest subnormal', 5e-324],
  ['the largest double', Number.MAX_VALUE],
  ['2^53 + 2', 2 ** 53 + 2],
  ['a power of two', 1024],
  ['1/3', 1 / 3],
  ['1e-300 (where the SDK routine loses bits, and so must we)', 1e-300],
  ['unicode strings', { emoji: '😀 snow ☃', accents: 'éàü', cjk: '漢字' }],
  ['unicode keys', { ключ: 1, '😀': 2, é: 3 }],
  [
    'int-like keys',
    { '10': 'a', '9': 'b', '-1': 'c', '01': 'd', '1': 'e', a: 'f', '2147483648': 'g', '-2147483648': 'h' },
  ],
  ['an array', [1, 'two', { three: 3 }, null, 5]],
  ['a leaf with a number priority', { '.value': 'v', '.priority': 1.5 }],
  ['a leaf with a string priority', { '.value': 42, '.priority': 'p' }],
  [
    'children ordered by priority',
    {
      a: { '.value': 1, '.priority': 'z' },
      b: { '.value': 2, '.priority': 3 },
      c: { '.value': 3, '.priority': -1 },
      d: { '.value': 4 },
      e: { x: 1, '.priority': 'a' },
    },
  ],
  ['an object with a priority', { x: { y: { z: 'deep' } }, '.priority': 0.1 }],
  ['mixed types', { n: null, t: true, f: false, num: 7, s: 's', o: { k: [1, 2] } }],
  [
    'large and small numbers',
    { big: 1.7976931348623157e308, tiny: 2.2250738585072014e-308, neg: -0.0000001 },
  ],
  ['separator-like strings', { 'a:b': ':x:', colon: 'priority:number:' }],
];

describe('nodeHash against the official SDK', () => {
  it.each(trees)('matches the SDK for %s', async (_name, value) => {
    const sdk = await oracle.evaluate(value);
    const node = nodeFromJson(value);
    expect(nodeHash(node)).toBe(sdk.hash);
    // Holes in SDK arrays are `undefined`; on the wire (JSON) both are null.
    expect(nodeToJson(node)).toEqual(JSON.parse(JSON.stringify(sdk.val)));
    expect(nodeToJson(node, { export: true })).toEqual(sdk.exportVal);
  });

  it('hashes -0 as the SDK does (its routine keeps the sign bit)', async () => {
    const sdk = await oracle.evaluate({ z: -0 });
    expect(nodeHash(nodeFromJson({ z: -0 }))).toBe(sdk.hash);
  });

  it('gives the empty string for absent data', () => {
    expect(nodeHash(nodeFromJson(null))).toBe('');
    expect(nodeHash(nodeFromJson({ a: null, b: {} }))).toBe('');
  });

  it('matches writeDoubleBE for ordinary doubles', () => {
    for (const value of [1, -1, 0.1, 123456.789, 1e300]) {
      const buffer = Buffer.alloc(8);
      buffer.writeDoubleBE(value);
      expect(doubleToHex(value)).toBe(buffer.toString('hex'));
    }
  });
});

// The SDK's canonical text, written out by hand: a leaf is `<type>:<value>` (numbers as the
// 16 hex digits of their IEEE-754 bits), a node with children is `:<key>:<child hash>` per child in
// priority order, and either starts with `priority:<type>:<value>:` when it has a priority.
function sha1(text: string): string {
  return createHash('sha1').update(text, 'utf8').digest('base64');
}

describe('nodeHash against the canonical text, by hand', () => {
  it.each([
    ['a string', 'hello', 'string:hello'],
    ['an empty string', '', 'string:'],
    ['a unicode string', 'é☃', 'string:é☃'],
    ['true', true, 'boolean:true'],
    ['false', false, 'boolean:false'],
    ['one', 1, 'number:3ff0000000000000'],
    ['zero', 0, 'number:0000000000000000'],
    ['a number priority', { '.value': 'v', '.priority': 1.5 }, 'priority:number:3ff8000000000000:string:v'],
    ['a string priority', { '.value': 42, '.priority': 'p' }, 'priority:string:p:number:4045000000000000'],
    ['a zero priority', { '.value': true, '.priority': 0 }, 'priority:number:0000000000000000:boolean:true'],
    ['an empty string priority', { '.value': true, '.priority': '' }, 'priority:string::boolean:true'],
  ])('hashes %s as its canonical text', (_name, value, text) => {
    expect(nodeHash(nodeFromJson(value))).toBe(sha1(text));
  });

  it('hashes children in key order, each as key and hash', () => {
    const text = `:1:${sha1('string:one')}:10:${sha1('string:ten')}:a:${sha1('number:3ff0000000000000')}:b:${sha1('boolean:false')}`;
    expect(nodeHash(nodeFromJson({ b: false, a: 1, '10': 'ten', '1': 'one' }))).toBe(sha1(text));
  });

  it('hashes nested children through their own hashes', () => {
    const inner = sha1(`:x:${sha1('string:y')}`);
    expect(nodeHash(nodeFromJson({ o: { x: 'y' } }))).toBe(sha1(`:o:${inner}`));
  });

  it('hashes children in priority order: none first, then numbers, then strings, key order on ties', () => {
    const tree = {
      s: { '.value': 's', '.priority': 'a' },
      n2: { '.value': 'n2', '.priority': 2 },
      n1: { '.value': 'n1', '.priority': 1 },
      plain: 'plain',
      m1: { '.value': 'm1', '.priority': 1 },
    };
    const text =
      `:plain:${sha1('string:plain')}` +
      `:m1:${sha1('priority:number:3ff0000000000000:string:m1')}` +
      `:n1:${sha1('priority:number:3ff0000000000000:string:n1')}` +
      `:n2:${sha1('priority:number:4000000000000000:string:n2')}` +
      `:s:${sha1('priority:string:a:string:s')}`;
    expect(nodeHash(nodeFromJson(tree))).toBe(sha1(text));
  });

  it("puts a node's own priority before its children", () => {
    const text = `priority:string:p::a:${sha1('number:3ff0000000000000')}`;
    expect(nodeHash(nodeFromJson({ a: 1, '.priority': 'p' }))).toBe(sha1(text));
    const numbered = `priority:number:4000000000000000::a:${sha1('number:3ff0000000000000')}`;
    expect(nodeHash(nodeFromJson({ a: 1, '.priority': 2 }))).toBe(sha1(numbered));
  });

  it('gives the same hash when asked again, and a different one for a different value', () => {
    const node = nodeFromJson({ a: { b: 1 } });
    const first = nodeHash(node);
    expect(nodeHash(node)).toBe(first);
    expect(nodeHash(nodeFromJson({ a: { b: 2 } }))).not.toBe(first);
  });
});

describe('doubleToHex', () => {
  // IEEE-754 binary64 bit patterns, big-endian.
  it.each([
    [1, '3ff0000000000000'],
    [-2, 'c000000000000000'],
    [0.5, '3fe0000000000000'],
    [1.5, '3ff8000000000000'],
    [-1.5, 'bff8000000000000'],
    [42, '4045000000000000'],
    [0.1, '3fb999999999999a'],
    [0, '0000000000000000'],
    [-0, '8000000000000000'],
    [5e-324, '0000000000000001'],
    [1e-323, '0000000000000002'],
    [2.225073858507201e-308, '000fffffffffffff'],
    [2.2250738585072014e-308, '0010000000000000'],
    [-2.2250738585072014e-308, '8010000000000000'],
    [Number.MAX_VALUE, '7fefffffffffffff'],
    [-Number.MAX_VALUE, 'ffefffffffffffff'],
    [2 ** 53 + 2, '4340000000000001'],
    [123456.789, '40fe240c9fbe76c9'],
  ])('%d is %s', (value, hex) => {
    expect(doubleToHex(value)).toBe(hex);
  });
});
