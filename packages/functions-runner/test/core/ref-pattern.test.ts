import { describe, expect, it } from 'vitest';
import { compileRefPattern, matchRefPattern, staticPrefix } from '../../src/core/ref-pattern.js';
import { FunctionsRunnerError } from '../../src/core/functions-runner-error.js';

describe('compileRefPattern', () => {
  it('splits literals and captures and finds the static prefix', () => {
    const p = compileRefPattern('/devices/{uid}/readings/{readingId}');
    expect(p.source).toBe('devices/{uid}/readings/{readingId}');
    expect(p.segments.map((s) => s.kind)).toEqual(['literal', 'capture', 'literal', 'capture']);
    expect(staticPrefix(p)).toBe('devices');
    expect(staticPrefix(compileRefPattern('config/servo'))).toBe('config/servo');
    expect(staticPrefix(compileRefPattern('{any}/x'))).toBe('');
  });

  it('refuses multi-segment wildcards with a stable code', () => {
    expect(() => compileRefPattern('logs/{rest=**}')).toThrowError(FunctionsRunnerError);
    try {
      compileRefPattern('logs/**');
    } catch (error) {
      expect((error as FunctionsRunnerError).code).toBe('functions/unsupported-trigger');
      expect((error as Error).message).toContain('multi-segment');
    }
  });

  it('refuses malformed captures', () => {
    expect(() => compileRefPattern('a/{b/c')).toThrow(/malformed segment/);
    expect(() => compileRefPattern('a/{1x}')).toThrow(/malformed segment/);
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
  it('does not report anonymous * captures as params', () => {
    expect(matchRefPattern(compileRefPattern('a/*/b'), 'a/x/b')).toEqual({});
  });
});
