// The course's database.rules.json, decided case by case (device accounts alice and bob).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseRules } from '../../src/rules/parse-rules.js';
import { RulesEvaluator } from '../../src/rules/rules-evaluator.js';
import { decide, NOW, type Request } from './rules-harness.js';

const COURSE_FILE = fileURLToPath(new URL('../../../../database.rules.json', import.meta.url));
const COURSE = readFileSync(COURSE_FILE, 'utf8');

const DATA = {
  devices: {
    alice: {
      readings: { '-r1': { ir: 100, ts: 5 } },
      latest: { ir: 100, ts: 5 },
      servo: { angle: 10, source: 'device', ts: 5 },
    },
    bob: { latest: { ir: 7, ts: 6 } },
  },
};
const reading = { ir: 2048, ts: NOW };

const cases: [string, Request, boolean][] = [
  ['device reads its own subtree', { op: 'read', path: '/devices/alice', as: 'alice' }, true],
  ['device reads its own readings', { op: 'read', path: '/devices/alice/readings', as: 'alice' }, true],
  ['device reads another device', { op: 'read', path: '/devices/bob', as: 'alice' }, false],
  ['device reads another device latest', { op: 'read', path: '/devices/bob/latest', as: 'alice' }, false],
  ['device lists all devices', { op: 'read', path: '/devices', as: 'alice' }, false],
  ['device reads the root', { op: 'read', path: '/', as: 'alice' }, false],
  ['unauthenticated read', { op: 'read', path: '/devices/alice', as: null }, false],
  ['push a reading', { op: 'set', path: '/devices/alice/readings/-r2', value: reading, as: 'alice' }, true],
  [
    'reading at the ADC maximum',
    { op: 'set', path: '/devices/alice/readings/-r2', value: { ir: 4095, ts: NOW }, as: 'alice' },
    true,
  ],
  [
    'reading above 4095',
    { op: 'set', path: '/devices/alice/readings/-r2', value: { ir: 4096, ts: NOW }, as: 'alice' },
    false,
  ],
  [
    'negative reading',
    { op: 'set', path: '/devices/alice/readings/-r2', value: { ir: -1, ts: NOW }, as: 'alice' },
    false,
  ],
  [
    'reading as a string',
    { op: 'set', path: '/devices/alice/readings/-r2', value: { ir: '12', ts: NOW }, as: 'alice' },
    false,
  ],
  [
    'reading with a client clock',
    { op: 'set', path: '/devices/alice/readings/-r2', value: { ir: 1, ts: 1234 }, as: 'alice' },
    false,
  ],
  [
    'reading without ts',
    { op: 'set', path: '/devices/alice/readings/-r2', value: { ir: 1 }, as: 'alice' },
    false,
  ],
  [
    'reading with an extra field',
    { op: 'set', path: '/devices/alice/readings/-r2', value: { ir: 1, ts: NOW, x: 1 }, as: 'alice' },
    false,
  ],
  [
    'push into another device',
    { op: 'set', path: '/devices/bob/readings/-r2', value: reading, as: 'alice' },
    false,
  ],
  [
    'edit a reading value, ts unchanged',
    { op: 'set', path: '/devices/alice/readings/-r1/ir', value: 5, as: 'alice' },
    true,
  ],
  [
    'rewrite a reading keeping its ts',
    { op: 'set', path: '/devices/alice/readings/-r1', value: { ir: 6, ts: 5 }, as: 'alice' },
    true,
  ],
  ['delete a reading', { op: 'set', path: '/devices/alice/readings/-r1', value: null, as: 'alice' }, true],
  ['delete all own readings', { op: 'set', path: '/devices/alice/readings', value: null, as: 'alice' }, true],
  ['delete another device', { op: 'set', path: '/devices/bob', value: null, as: 'alice' }, false],
  ['set latest', { op: 'set', path: '/devices/alice/latest', value: reading, as: 'alice' }, true],
  [
    'latest out of range',
    { op: 'set', path: '/devices/alice/latest', value: { ir: 9999, ts: NOW }, as: 'alice' },
    false,
  ],
  [
    'latest in another device',
    { op: 'set', path: '/devices/bob/latest', value: reading, as: 'alice' },
    false,
  ],
  [
    'servo from the device',
    { op: 'set', path: '/devices/alice/servo', value: { angle: 90, source: 'device', ts: NOW }, as: 'alice' },
    true,
  ],
  [
    'servo claiming the function',
    {
      op: 'set',
      path: '/devices/alice/servo',
      value: { angle: 0, source: 'function', ts: NOW },
      as: 'alice',
    },
    true,
  ],
  [
    'servo angle above 180',
    {
      op: 'set',
      path: '/devices/alice/servo',
      value: { angle: 181, source: 'device', ts: NOW },
      as: 'alice',
    },
    false,
  ],
  [
    'servo with an unknown source',
    { op: 'set', path: '/devices/alice/servo', value: { angle: 9, source: 'me', ts: NOW }, as: 'alice' },
    false,
  ],
  [
    'servo missing source',
    { op: 'set', path: '/devices/alice/servo', value: { angle: 9, ts: NOW }, as: 'alice' },
    false,
  ],
  [
    'servo angle update alone',
    { op: 'set', path: '/devices/alice/servo/angle', value: 45, as: 'alice' },
    true,
  ],
  [
    'admin (cloud function) writes any servo',
    { op: 'set', path: '/devices/bob/servo', value: { angle: 1, source: 'function', ts: NOW }, as: 'admin' },
    true,
  ],
  [
    'assignment-specific path under own uid',
    { op: 'set', path: '/devices/alice/notes/n1', value: 'hello', as: 'alice' },
    true,
  ],
  [
    'multi-path update: reading + latest',
    {
      op: 'update',
      path: '/devices/alice',
      value: { 'readings/-r9': reading, latest: reading },
      as: 'alice',
    },
    true,
  ],
  [
    'multi-path update touching another device',
    {
      op: 'update',
      path: '/devices',
      value: { 'alice/latest': reading, 'bob/latest': reading },
      as: 'alice',
    },
    false,
  ],
  [
    'multi-path update with one invalid reading',
    {
      op: 'update',
      path: '/devices/alice',
      value: { 'readings/-r9': reading, latest: { ir: 5000, ts: NOW } },
      as: 'alice',
    },
    false,
  ],
  ['top-level path outside /devices', { op: 'set', path: '/public', value: 1, as: 'alice' }, false],
];

describe('course rules (database.rules.json)', () => {
  it.each(cases)('%s', (_name, request, allowed) => {
    const trace = decide(COURSE, { data: DATA, ...request });
    expect(trace.allowed, JSON.stringify(trace.denial)).toBe(allowed);
  });

  it('declares the indexes assignment 5 queries', () => {
    const evaluator = new RulesEvaluator(parseRules(COURSE, 'database.rules.json'));
    expect(evaluator.hasIndex(['devices', 'alice', 'readings'], { kind: 'child', path: ['ts'] })).toBe(true);
    expect(evaluator.hasIndex(['devices', 'zed', 'readings'], { kind: 'child', path: ['ir'] })).toBe(true);
    expect(evaluator.hasIndex(['devices', 'alice', 'readings'], { kind: 'child', path: ['angle'] })).toBe(
      false,
    );
    expect(evaluator.hasIndex(['devices', 'alice', 'readings'], { kind: 'value' })).toBe(false);
    expect(evaluator.hasIndex(['devices', 'alice', 'readings'], { kind: 'key' })).toBe(true);
    expect(evaluator.hasIndex(['elsewhere'], { kind: 'child', path: ['ts'] })).toBe(false);
  });

  it('explains a cross-device denial with the rule, its line and the false sub-expression', () => {
    const trace = decide(
      COURSE,
      { op: 'set', path: '/devices/bob/latest', value: reading, as: 'alice', data: DATA },
      false,
    );
    const line =
      COURSE.split('\n').findIndex((l) => l.includes('".write": "auth != null && auth.uid === $uid"')) + 1;
    expect(trace.denial).toMatchObject({
      operation: 'write',
      path: '/devices/bob/latest',
      rule: { file: 'test.rules.json', line, rulePath: '/rules/devices/$uid/.write' },
      subExpression: 'auth.uid === $uid',
    });
    expect(trace.denial?.reason).toContain('"alice"');
    expect(trace.denial?.reason).toContain('"bob"');
  });

  it('explains a validation failure with the offending value', () => {
    const trace = decide(COURSE, {
      op: 'set',
      path: '/devices/alice/latest',
      value: { ir: 5000, ts: NOW },
      as: 'alice',
      data: DATA,
    });
    expect(trace.denial).toMatchObject({
      operation: 'validate',
      path: '/devices/alice/latest/ir',
      subExpression: 'newData.val() <= 4095',
    });
    expect(trace.denial?.reason).toContain('5000');
    expect(trace.steps.some((s) => s.kind === 'write' && s.result)).toBe(true);
  });
});
