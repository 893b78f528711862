import { describe, expect, it } from 'vitest';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  compileRefPattern,
  matchPrefix,
  matchRefPattern,
  reportDepth,
  staticPrefix,
} from '../../src/core/ref-pattern.js';
import type { FunctionsRunnerError } from '../../src/core/functions-runner-error.js';

// firebase-functions' own path-pattern class (internal, not in its exports map): the oracle for captures.
const require = createRequire(import.meta.url);
const entry = require.resolve('firebase-functions');
const { PathPattern } = require(
  join(entry.slice(0, entry.lastIndexOf('/lib/')), 'lib/common/utilities/path-pattern.js'),
) as { PathPattern: new (raw: string) => { extractMatches(path: string): Record<string, string> } };

describe('compileRefPattern', () => {
  it('splits literals and wildcards and finds the static prefix', () => {
    const p = compileRefPattern('/devices/{uid}/readings/{readingId}');
    expect(p.source).toBe('devices/{uid}/readings/{readingId}');
    expect(p.segments.map((s) => s.kind)).toEqual(['literal', 'capture', 'literal', 'capture']);
    expect(staticPrefix(p)).toBe('devices');
    expect(reportDepth(p)).toBe(4);
    expect(staticPrefix(compileRefPattern('config/servo'))).toBe('config/servo');
    expect(staticPrefix(compileRefPattern('{any}/x'))).toBe('');
  });

  it('takes every wildcard form of the path-pattern syntax: {name}, {name=*}, *, {name=**}, **', () => {
    expect(compileRefPattern('a/{b=*}/*').segments).toEqual([
      { kind: 'literal', key: 'a' },
      { kind: 'capture', name: 'b' },
      { kind: 'capture', name: undefined },
    ]);
    const rest = compileRefPattern('logs/{rest=**}');
    expect(rest.multiSegment).toBe(true);
    expect(reportDepth(rest)).toBeUndefined();
    expect(compileRefPattern('logs/**').segments.at(-1)).toEqual({ kind: 'rest', name: undefined });
  });

  it('refuses a multi-segment wildcard before the end, with a stable code', () => {
    try {
      compileRefPattern('a/**/b');
      expect.unreachable();
    } catch (error) {
      expect((error as FunctionsRunnerError).code).toBe('functions/unsupported-trigger');
      expect((error as Error).message).toContain('only as the last segment');
    }
  });

  it('refuses malformed segments and partial-key wildcards', () => {
    expect(() => compileRefPattern('a/{b/c')).toThrow(/malformed segment/);
    expect(() => compileRefPattern('a/{1x}')).toThrow(/malformed segment/);
    expect(() => compileRefPattern('a/user*')).toThrow(/malformed segment "user\*"/);
  });
});

describe('matchRefPattern', () => {
  const p = compileRefPattern('devices/{uid}/readings/{readingId}');
  it('captures named segments', () => {
    expect(matchRefPattern(p, '/devices/u1/readings/-N1')).toEqual({ uid: 'u1', readingId: '-N1' });
  });
  it('rejects other depths and literals', () => {
    expect(matchRefPattern(p, 'devices/u1/readings')).toBeUndefined();
    expect(matchRefPattern(p, 'devices/u1/latest/x')).toBeUndefined();
    expect(matchRefPattern(p, 'devices/u1/readings/a/b')).toBeUndefined();
  });
  it('does not report anonymous wildcards as params', () => {
    expect(matchRefPattern(compileRefPattern('a/*/b'), 'a/x/b')).toEqual({});
    expect(matchRefPattern(compileRefPattern('a/**'), 'a/x/y')).toEqual({});
  });
  it('gives a final {rest=**} every remaining key, at least one', () => {
    const rest = compileRefPattern('logs/{day}/{rest=**}');
    expect(matchRefPattern(rest, 'logs/d1/a/b/c')).toEqual({ day: 'd1', rest: 'a/b/c' });
    expect(matchRefPattern(rest, 'logs/d1/a')).toEqual({ day: 'd1', rest: 'a' });
    expect(matchRefPattern(rest, 'logs/d1')).toBeUndefined();
  });
  it('captures what firebase-functions itself extracts from the same ref', () => {
    for (const [pattern, ref] of [
      ['devices/{uid}/readings/{readingId}', 'devices/u1/readings/r1'],
      ['logs/{day}/{rest=**}', 'logs/d1/a/b/c'],
      ['a/{b=*}/c', 'a/x/c'],
    ] as const) {
      expect(matchRefPattern(compileRefPattern(pattern), ref)).toEqual(
        new PathPattern(pattern).extractMatches(ref),
      );
    }
  });
  it('matches a prefix of the pattern for a location above its depth', () => {
    expect(matchPrefix(p, ['devices', 'u1'], false)).toEqual({ uid: 'u1' });
    expect(matchPrefix(p, ['config'], false)).toBeUndefined();
  });
});
