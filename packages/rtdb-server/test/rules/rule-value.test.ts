import { describe, expect, it } from 'vitest';
import { nodeFromJson } from '../../src/core/node-json.js';
import type { RuleExpr } from '../../src/rules/rule-expression.js';
import { RuleDataSnapshot } from '../../src/rules/rule-data-snapshot.js';
import { RuleRegex } from '../../src/rules/rule-regex.js';
import {
  EvalFault,
  RuleOpaqueObject,
  RuleRecord,
  describeValue,
  isSnapshot,
  toRuleValue,
  typeName,
  type RuleValue,
} from '../../src/rules/rule-value.js';

const at: RuleExpr = { type: 'literal', value: 1, start: 0, end: 1 } as RuleExpr;
const snapshot = new RuleDataSnapshot(nodeFromJson({ a: { b: 1 } }), ['a']);

describe('RuleRecord', () => {
  it('gives own fields as rule values and null for missing ones', () => {
    const record = new RuleRecord({ s: 'x', n: 0, f: false, missing: undefined, nothing: null });
    expect(record.get('s')).toBe('x');
    expect(record.get('n')).toBe(0);
    expect(record.get('f')).toBe(false);
    expect(record.get('missing')).toBeNull();
    expect(record.get('nothing')).toBeNull();
    expect(record.get('absent')).toBeNull();
  });

  it('does not expose inherited members such as toString or constructor', () => {
    const record = new RuleRecord({ a: 1 });
    expect(record.get('toString')).toBeNull();
    expect(record.get('constructor')).toBeNull();
    expect(record.get('hasOwnProperty')).toBeNull();
    expect(record.get('__proto__')).toBeNull();
  });

  it('wraps nested objects and arrays as records indexed by name or position', () => {
    const record = new RuleRecord({ o: { k: 'v' }, list: ['a', 'b'] });
    const o = record.get('o');
    expect(o).toBeInstanceOf(RuleRecord);
    expect((o as RuleRecord).get('k')).toBe('v');
    const list = record.get('list') as RuleRecord;
    expect(list).toBeInstanceOf(RuleRecord);
    expect(list.get('0')).toBe('a');
    expect(list.get('1')).toBe('b');
    expect(list.get('2')).toBeNull();
  });
});

describe('toRuleValue', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['s', 's'],
    ['', ''],
    [0, 0],
    [-2.5, -2.5],
    [true, true],
    [false, false],
  ])('keeps the primitive %j as %j', (input, expected) => {
    expect(toRuleValue(input)).toBe(expected);
  });

  it.each([() => 1, Symbol('s'), 10n])('turns a non-JSON value %s into null', (input) => {
    expect(toRuleValue(input)).toBeNull();
  });

  it('makes an array into a record of its positions', () => {
    const value = toRuleValue([7, 'x']) as RuleRecord;
    expect(value.fields).toEqual({ '0': 7, '1': 'x' });
  });

  it('makes an object into a record of its fields', () => {
    const value = toRuleValue({ a: 1 }) as RuleRecord;
    expect(value).toBeInstanceOf(RuleRecord);
    expect(value.fields).toEqual({ a: 1 });
  });
});

describe('isSnapshot', () => {
  it.each([
    [snapshot, true],
    [{ isRuleSnapshot: true }, true],
    [{ isRuleSnapshot: 'yes' }, false],
    [{}, false],
    [null, false],
    ['snapshot', false],
    [new RuleRecord({ isRuleSnapshot: true }), false],
  ])('%# is a snapshot: %s', (value, expected) => {
    expect(isSnapshot(value)).toBe(expected);
  });
});

describe('describeValue and typeName', () => {
  const cases: [string, RuleValue | EvalFault, string, string | undefined][] = [
    ['null', null, 'null', 'null'],
    ['a string', 'al"ice', '"al\\"ice"', 'string'],
    ['a number', 1.5, '1.5', 'number'],
    ['a boolean', false, 'false', 'boolean'],
    ['a regex', new RuleRegex('^a+$', 'i'), '/^a+$/i', 'regex'],
    ['an array', ['a', 2, null], '["a", 2, null]', 'array'],
    ['an empty array', [], '[]', 'array'],
    ['an opaque object', new RuleOpaqueObject('/users/alice'), 'object at /users/alice', 'object'],
    ['a record', new RuleRecord({ uid: 'u' }), '{"uid":"u"}', 'object'],
    ['a snapshot', snapshot, 'snapshot /a', 'snapshot'],
    ['an error', new EvalFault('cannot read x of null', at), 'error (cannot read x of null)', undefined],
  ];
  it.each(cases)('describes %s', (_name, value, description, type) => {
    expect(describeValue(value)).toBe(description);
    if (type !== undefined) expect(typeName(value as RuleValue)).toBe(type);
  });

  it('keeps the failing sub-expression on an evaluation error', () => {
    const fault = new EvalFault('boom', at);
    expect(fault.message).toBe('boom');
    expect(fault.at).toBe(at);
  });
});
