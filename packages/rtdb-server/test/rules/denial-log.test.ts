import { describe, expect, it } from 'vitest';
import { DenialLog, formatDenial } from '../../src/rules/denial-log.js';
import type { DenialRecord } from '../../src/rules/denial-log.js';
import type { AccessTrace, Denial } from '../../src/rules/rules-evaluator.js';

const RULE = { file: 'db.json', line: 4, column: 7, rulePath: '/rules/a/.write' };

function denied(path: string, denial: Partial<Denial> = {}): AccessTrace {
  return {
    operation: 'write',
    paths: [path, '/other'],
    allowed: false,
    admin: false,
    steps: [],
    denial: { operation: 'write', path, reason: 'because', ...denial },
  };
}

describe('DenialLog.add', () => {
  it('records every field of a denial with the time in ISO 8601', () => {
    const log = new DenialLog();
    const record = log.add(
      'ns1',
      'alice',
      denied('/a', { operation: 'validate', rule: RULE, subExpression: 'x == 1' }),
      Date.UTC(2024, 0, 2, 3, 4, 5, 6),
    );
    const expected: DenialRecord = {
      time: '2024-01-02T03:04:05.006Z',
      ns: 'ns1',
      operation: 'validate',
      path: '/a',
      paths: ['/a', '/other'],
      uid: 'alice',
      reason: 'because',
      rule: RULE,
      subExpression: 'x == 1',
    };
    expect(record).toEqual(expected);
    expect(log.recent()).toEqual([expected]);
  });

  it('leaves out the rule and the sub-expression when the denial has none', () => {
    const record = new DenialLog().add('ns', null, denied('/b'), 0);
    expect(record).toEqual({
      time: '1970-01-01T00:00:00.000Z',
      ns: 'ns',
      operation: 'write',
      path: '/b',
      paths: ['/b', '/other'],
      uid: null,
      reason: 'because',
    });
    expect(Object.keys(record!)).not.toContain('rule');
    expect(Object.keys(record!)).not.toContain('subExpression');
  });

  it('keeps an empty sub-expression (only a missing one is left out)', () => {
    const record = new DenialLog().add('ns', null, denied('/b', { subExpression: '' }), 0);
    expect(record?.subExpression).toBe('');
  });

  it('ignores a trace without a denial', () => {
    const log = new DenialLog();
    const allowed: AccessTrace = { operation: 'read', paths: ['/'], allowed: true, admin: false, steps: [] };
    expect(log.add('ns', 'u', allowed, 0)).toBeUndefined();
    expect(log.recent()).toEqual([]);
  });
});

describe('DenialLog capacity', () => {
  it('holds 200 denials unless told otherwise, dropping the oldest', () => {
    const log = new DenialLog();
    expect(log.capacity).toBe(200);
    for (let i = 0; i < 201; i += 1) log.add('ns', null, denied(`/d${i}`), 0);
    const paths = log.recent().map((d) => d.path);
    expect(paths).toHaveLength(200);
    expect(paths[0]).toBe('/d1');
    expect(paths[199]).toBe('/d200');
  });

  it.each([
    [1, 3, ['/d2']],
    [2, 2, ['/d0', '/d1']],
    [3, 2, ['/d0', '/d1']],
    [3, 7, ['/d4', '/d5', '/d6']],
  ])('with capacity %i after %i denials keeps %j', (capacity, count, kept) => {
    const log = new DenialLog(capacity);
    for (let i = 0; i < count; i += 1) log.add('ns', null, denied(`/d${i}`), 0);
    expect(log.recent().map((d) => d.path)).toEqual(kept);
  });
});

describe('DenialLog.recent and clear', () => {
  it('filters by namespace, keeps the order, and hands out a copy', () => {
    const log = new DenialLog();
    log.add('a', null, denied('/1'), 0);
    log.add('b', null, denied('/2'), 0);
    log.add('a', null, denied('/3'), 0);
    expect(log.recent('a').map((d) => d.path)).toEqual(['/1', '/3']);
    expect(log.recent('b').map((d) => d.path)).toEqual(['/2']);
    expect(log.recent('c')).toEqual([]);
    const copy = log.recent();
    copy.length = 0;
    expect(log.recent()).toHaveLength(3);
    log.clear();
    expect(log.recent()).toEqual([]);
    log.add('a', null, denied('/4'), 0);
    expect(log.recent().map((d) => d.path)).toEqual(['/4']);
  });
});

describe('formatDenial', () => {
  it.each([
    ['alice', 'denied write /x for uid alice (ns n1): because'],
    [null, 'denied write /x for unauthenticated (ns n1): because'],
  ] as const)('uid %s', (uid, line) => {
    const record = new DenialLog().add('n1', uid, denied('/x'), 0)!;
    expect(formatDenial(record)).toBe(line);
  });
});
